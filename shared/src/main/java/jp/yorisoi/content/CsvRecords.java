package jp.yorisoi.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records, remembering the physical line each record starts on. Quoted fields may
 * hold commas, doubled quotes and line breaks; a line break inside quotes becomes "\n" whether the file uses
 * CRLF or LF, so the same text reads the same from any editor. Blank lines are skipped.
 */
final class CsvRecords {

    /** One record; {@code broken} when a syntax error was already reported for it. */
    record CsvRecord(int lineNumber, List<String> fields, boolean broken) {}

    private final String text;
    private final List<LineError> errors;
    private int pos;
    private int line = 1;

    private CsvRecords(String text, List<LineError> errors) {
        this.text = text;
        this.errors = errors;
    }

    /** Reads every record of {@code text}; syntax problems are added to {@code errors}. */
    static List<CsvRecord> read(String text, List<LineError> errors) {
        return new CsvRecords(text, errors).readAll();
    }

    private List<CsvRecord> readAll() {
        List<CsvRecord> records = new ArrayList<>();
        while (pos < text.length()) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            boolean broken = false;
            while (true) {
                FieldResult field = pos < text.length() && text.charAt(pos) == '"'
                        ? quotedField(startLine) : unquotedField();
                fields.add(field.value);
                broken |= field.broken;
                if (field.unterminated) {
                    return records;
                }
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos < text.length()) {
                    skipLineBreak();
                }
                break;
            }
            if (!isBlank(fields)) {
                records.add(new CsvRecord(startLine, List.copyOf(fields), broken));
            }
        }
        return records;
    }

    private record FieldResult(String value, boolean broken, boolean unterminated) {}

    private FieldResult unquotedField() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && !isLineBreak(text.charAt(pos))) {
            pos++;
        }
        return new FieldResult(text.substring(start, pos), false, false);
    }

    private FieldResult quotedField(int recordLine) {
        int openingLine = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                errors.add(new LineError(openingLine, "a quoted text starts on this line but its closing double quote"
                        + " is missing, so the rest of the file could not be read"));
                return new FieldResult(value.toString(), true, true);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    value.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (isLineBreak(c)) {
                skipLineBreak();
                value.append('\n');
                continue;
            }
            value.append(c);
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) != ',' && !isLineBreak(text.charAt(pos))) {
            errors.add(new LineError(recordLine, "there is text after the closing double quote of a quoted field;"
                    + " inside a quoted text write a double quote as two double quotes (\"\")"));
            unquotedField();
            return new FieldResult(value.toString(), true, false);
        }
        return new FieldResult(value.toString(), false, false);
    }

    private void skipLineBreak() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isBlank(List<String> fields) {
        return fields.stream().allMatch(String::isBlank);
    }
}
