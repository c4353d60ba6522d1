package jp.yorisoi.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * Reads the staff-editable content CSV (UTF-8, optional BOM, header row, RFC 4180 quoting, CRLF or LF) of one
 * owner into validated catalogue entries and calendar messages.
 *
 * <p>Columns {@code track,day,language,text} are required; a town's file may add {@code audience} and
 * {@code date} for calendar rows. The header decides the order. Tracks: {@code pregnancy} (day 28–293),
 * {@code child} (age in days 0–2191), {@code birthday} (day = years 1–6) and {@code calendar} (a {@code date},
 * no day, an optional audience such as {@code child:0-365}); the base text holds only pregnancy and child rows.
 * Calendar rows of the same date and audience form one message across languages, which needs a {@code ja} row.
 *
 * <p>All-or-nothing: every problem of the file is collected and thrown as one {@link ContentImportException},
 * so a file with any error imports nothing.
 */
public final class ContentCsv {

    /**
     * The child track's last possible day: the day before a 6th birthday, the longest program. Six years hold up
     * to two 29 Februaries (born 1 January 2024, the 6th birthday is day 2192), so the last day can be 2191.
     */
    public static final int LAST_CHILD_DAY = ProgramSchedule.MAX_END_BIRTHDAY * 365 + 1;

    static final List<String> REQUIRED_COLUMNS = List.of("track", "day", "language", "text");
    static final List<String> OPTIONAL_COLUMNS = List.of("audience", "date");

    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[a-z]+)?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AUDIENCE =
            Pattern.compile("(pregnancy|child)(?:\\s*:\\s*(\\d{1,6})\\s*-\\s*(\\d{1,6}))?", Pattern.CASE_INSENSITIVE);
    private static final String AUDIENCE_HELP = "use all, pregnancy, child, or a day range such as pregnancy:28-112"
            + " or child:0-365";

    private ContentCsv() {}

    /** Parses UTF-8 bytes; bytes that are not UTF-8 (e.g. a file saved as Shift_JIS) are reported with their line. */
    public static ContentImport parse(InputStream csv, String owner) {
        byte[] bytes;
        try {
            bytes = csv.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parseText(decodeUtf8(bytes), owner);
    }

    public static ContentImport parse(Reader csv, String owner) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n = csv.read(buffer); n >= 0; n = csv.read(buffer)) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parseText(text.toString(), owner);
    }

    private static ContentImport parseText(String text, String owner) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("an import needs an owner: base or a municipality id");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<LineError> errors = new ArrayList<>();
        List<CsvRecords.CsvRecord> records = CsvRecords.read(text, errors);
        if (records.isEmpty()) {
            if (!errors.isEmpty()) {
                throw failure(errors);
            }
            errors.add(new LineError(1, "the file has no header; the first line must name the columns, e.g. "
                    + String.join(",", REQUIRED_COLUMNS)));
            throw failure(errors);
        }
        Header header = Header.read(records.getFirst(), errors);
        if (header == null) {
            throw failure(errors);
        }
        Rows rows = new Rows(owner, header, errors);
        for (CsvRecords.CsvRecord record : records.subList(1, records.size())) {
            rows.add(record);
        }
        ContentImport result = rows.finish();
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
        return result;
    }

    private static ContentImportException failure(List<LineError> errors) {
        List<LineError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(LineError::lineNumber));
        return new ContentImportException(sorted);
    }

    private static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ContentImportException(List.of(new LineError(line, "the file is not UTF-8 text;"
                    + " save it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8)")));
        }
        return out.flip().toString();
    }

    /** Where each known column sits in this file. */
    private record Header(Map<String, Integer> columns, int width) {

        static Header read(CsvRecords.CsvRecord record, List<LineError> errors) {
            if (record.broken()) {
                return null;
            }
            Map<String, Integer> columns = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < record.fields().size(); i++) {
                String name = record.fields().get(i).trim().toLowerCase(Locale.ROOT);
                if (!REQUIRED_COLUMNS.contains(name) && !OPTIONAL_COLUMNS.contains(name)) {
                    errors.add(new LineError(record.lineNumber(), "unknown column \"" + record.fields().get(i).trim()
                            + "\" in the header; the columns are " + String.join(", ", REQUIRED_COLUMNS)
                            + " and optionally " + String.join(", ", OPTIONAL_COLUMNS)));
                    ok = false;
                } else if (columns.putIfAbsent(name, i) != null) {
                    errors.add(new LineError(record.lineNumber(), "the header names the column \"" + name
                            + "\" twice"));
                    ok = false;
                }
            }
            for (String required : REQUIRED_COLUMNS) {
                if (!columns.containsKey(required)) {
                    errors.add(new LineError(record.lineNumber(), "the header is missing the column \"" + required
                            + "\"; the first line must name the columns, e.g. " + String.join(",", REQUIRED_COLUMNS)));
                    ok = false;
                }
            }
            return ok ? new Header(Map.copyOf(columns), record.fields().size()) : null;
        }

        String value(CsvRecords.CsvRecord record, String column) {
            Integer index = columns.get(column);
            return index == null ? "" : record.fields().get(index);
        }

        /**
         * A column holding a code or number, NFKC-normalised because Japanese input methods readily type
         * full-width digits and letters ("２８", "ｊａ") that staff cannot tell apart from ASCII.
         */
        String code(CsvRecords.CsvRecord record, String column) {
            return Normalizer.normalize(value(record, column), Normalizer.Form.NFKC).trim();
        }
    }

    /** Validates rows one by one and gathers calendar rows into messages. */
    private static final class Rows {
        private final String owner;
        private final Header header;
        private final List<LineError> errors;
        private final List<ContentEntry> entries = new ArrayList<>();
        private final Map<String, Integer> firstLineOfKey = new HashMap<>();
        private final Map<String, CalendarGroup> calendar = new LinkedHashMap<>();

        Rows(String owner, Header header, List<LineError> errors) {
            this.owner = owner;
            this.header = header;
            this.errors = errors;
        }

        void add(CsvRecords.CsvRecord record) {
            if (record.broken()) {
                return;
            }
            int line = record.lineNumber();
            if (record.fields().size() != header.width()) {
                error(line, "expected " + header.width() + " columns but found " + record.fields().size()
                        + "; a text containing a comma or a line break must be in double quotes");
                return;
            }
            String trackValue = header.code(record, "track");
            String dayValue = header.code(record, "day");
            String language = header.code(record, "language");
            String text = header.value(record, "text").trim();
            String audienceValue = header.code(record, "audience");
            String dateValue = header.code(record, "date");

            int before = errors.size();
            RowKind kind = RowKind.of(trackValue);
            if (kind == null) {
                error(line, trackValue.isEmpty()
                        ? "track is empty; use pregnancy, child, birthday or calendar"
                        : "unknown track \"" + trackValue + "\"; use pregnancy, child, birthday or calendar");
            } else if (ContentOwner.BASE.equals(owner) && (kind == RowKind.BIRTHDAY || kind == RowKind.CALENDAR)) {
                error(line, "the base text may only hold pregnancy and child rows; " + kind.label
                        + " rows belong in a municipality's file");
            }
            if (!LANGUAGE.matcher(language).matches()) {
                error(line, language.isEmpty()
                        ? "language is empty; use a code such as ja, ja-easy or en"
                        : "language \"" + language + "\" is not a valid code; use a lower-case code such as ja,"
                                + " ja-easy or en");
            }
            if (text.isEmpty()) {
                error(line, "text is empty");
            } else if (text.length() > ContentEntry.MAX_TEXT_LENGTH) {
                error(line, String.format(Locale.ROOT, "text is %,d characters long; the limit is %,d",
                        text.length(), ContentEntry.MAX_TEXT_LENGTH));
            }
            if (kind == null) {
                return;
            }
            if (kind == RowKind.CALENDAR) {
                addCalendar(line, dayValue, dateValue, audienceValue, language, text, before);
            } else {
                addEntry(line, kind, dayValue, dateValue, audienceValue, language, text, before);
            }
        }

        private void addEntry(int line, RowKind kind, String dayValue, String dateValue, String audienceValue,
                String language, String text, int errorsBefore) {
            if (!dateValue.isEmpty()) {
                error(line, "date is only for calendar rows; leave it empty on " + kind.label + " rows");
            }
            if (!audienceValue.isEmpty()) {
                error(line, "audience is only for calendar rows; leave it empty on " + kind.label + " rows");
            }
            Integer day = day(line, kind, dayValue);
            if (day == null || errors.size() > errorsBefore) {
                return;
            }
            String key = kind.label + " " + (kind == RowKind.BIRTHDAY ? "year " : "day ") + day + " in " + language;
            if (unique(line, key)) {
                entries.add(kind == RowKind.BIRTHDAY
                        ? new ContentEntry(owner, ContentKind.BIRTHDAY, null, day, language, text)
                        : new ContentEntry(owner, ContentKind.DAILY, kind.track, day, language, text));
            }
        }

        private Integer day(int line, RowKind kind, String value) {
            if (value.isEmpty()) {
                error(line, "day is empty; " + kind.label + " rows need a day in " + kind.window());
                return null;
            }
            if (!NUMBER.matcher(value).matches()) {
                error(line, "day \"" + value + "\" is not a whole number; " + kind.label + " rows need a day in "
                        + kind.window());
                return null;
            }
            int day = Integer.parseInt(value);
            if (day < kind.firstDay || day > kind.lastDay) {
                error(line, "day " + day + " is outside the " + kind.label + " window " + kind.window());
                return null;
            }
            return day;
        }

        private void addCalendar(int line, String dayValue, String dateValue, String audienceValue, String language,
                String text, int errorsBefore) {
            if (!dayValue.isEmpty()) {
                error(line, "calendar rows leave day empty; the date decides when the message is sent");
            }
            LocalDate date = date(line, dateValue);
            Audience audience = audience(line, audienceValue);
            if (date == null || audience == null || errors.size() > errorsBefore) {
                return;
            }
            String audienceName = audienceName(audience);
            String groupKey = date + " " + audienceName;
            if (!unique(line, "calendar message on " + date + " for " + audienceName + " in " + language)) {
                return;
            }
            calendar.computeIfAbsent(groupKey, k -> new CalendarGroup(line, date, audience, audienceName))
                    .texts.put(language, text);
        }

        private LocalDate date(int line, String value) {
            if (value.isEmpty()) {
                error(line, header.columns().containsKey("date")
                        ? "date is empty; calendar rows need a date such as 2027-01-15 (YYYY-MM-DD)"
                        : "calendar rows need a date, but the header has no date column");
                return null;
            }
            try {
                if (DATE.matcher(value).matches()) {
                    return LocalDate.parse(value);
                }
            } catch (DateTimeException e) {
                // reported below, like any other malformed date
            }
            error(line, "date \"" + value + "\" is not a valid date; write it as YYYY-MM-DD, e.g. 2027-01-15");
            return null;
        }

        private Audience audience(int line, String value) {
            if (value.isEmpty() || value.equalsIgnoreCase("all")) {
                return Audience.EVERYONE;
            }
            Matcher m = AUDIENCE.matcher(value);
            if (!m.matches()) {
                error(line, "audience \"" + value + "\" is not valid; " + AUDIENCE_HELP);
                return null;
            }
            RowKind kind = RowKind.of(m.group(1));
            if (m.group(2) == null) {
                return new Audience(kind.track, null, null);
            }
            int from = Integer.parseInt(m.group(2));
            int to = Integer.parseInt(m.group(3));
            if (from > to) {
                error(line, "audience \"" + value + "\" starts after it ends; write the smaller day first");
                return null;
            }
            if (from < kind.firstDay || to > kind.lastDay) {
                error(line, "audience \"" + value + "\" is outside the " + kind.label + " window " + kind.window());
                return null;
            }
            return new Audience(kind.track, from, to);
        }

        private boolean unique(int line, String key) {
            Integer first = firstLineOfKey.putIfAbsent(key, line);
            if (first != null) {
                error(line, "duplicate row: " + key + " is already on line " + first);
                return false;
            }
            return true;
        }

        private void error(int line, String message) {
            errors.add(new LineError(line, message));
        }

        ContentImport finish() {
            List<CalendarMessage> messages = new ArrayList<>();
            for (CalendarGroup group : calendar.values()) {
                String ja = group.texts.get("ja");
                if (ja == null) {
                    error(group.firstLine, "the calendar message on " + group.date + " for " + group.audienceName
                            + " has no ja row; every calendar message needs a Japanese text");
                    continue;
                }
                messages.add(new CalendarMessage(owner, messageId(group.date, group.audienceName), group.date,
                        group.audience, group.texts));
            }
            return new ContentImport(entries, messages);
        }
    }

    private static final class CalendarGroup {
        final int firstLine;
        final LocalDate date;
        final Audience audience;
        final String audienceName;
        final Map<String, String> texts = new LinkedHashMap<>();

        CalendarGroup(int firstLine, LocalDate date, Audience audience, String audienceName) {
            this.firstLine = firstLine;
            this.date = date;
            this.audience = audience;
            this.audienceName = audienceName;
        }
    }

    /** The audience as staff write it: all, pregnancy, child:0-365. */
    static String audienceName(Audience audience) {
        if (audience.track() == null) {
            return "all";
        }
        String name = audience.track().name().toLowerCase(Locale.ROOT);
        if (audience.fromDay() == null && audience.toDay() == null) {
            return name;
        }
        return name + ":" + audience.fromDay() + "-" + audience.toDay();
    }

    /**
     * Derived from what makes a calendar row unique in a file (date and audience), never from its text: a file
     * is re-imported mostly to correct a text, and the corrected message must replace the old one, not go out
     * beside it.
     */
    static String messageId(LocalDate date, String audienceName) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((date + "\n" + audienceName).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The values of the track column, with the day window of each. */
    private enum RowKind {
        PREGNANCY("pregnancy", Track.PREGNANCY, ProgramSchedule.FIRST_PREGNANCY_DAY, ProgramSchedule.LAST_PREGNANCY_DAY),
        CHILD("child", Track.CHILD, 0, LAST_CHILD_DAY),
        BIRTHDAY("birthday", null, 1, ProgramSchedule.MAX_END_BIRTHDAY),
        CALENDAR("calendar", null, 0, 0);

        final String label;
        final Track track;
        final int firstDay;
        final int lastDay;

        RowKind(String label, Track track, int firstDay, int lastDay) {
            this.label = label;
            this.track = track;
            this.firstDay = firstDay;
            this.lastDay = lastDay;
        }

        String window() {
            return firstDay + "–" + lastDay + (this == BIRTHDAY ? " (years)" : "");
        }

        static RowKind of(String value) {
            for (RowKind kind : values()) {
                if (kind.label.equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            return null;
        }
    }
}
