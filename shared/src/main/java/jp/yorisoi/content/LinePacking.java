package jp.yorisoi.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs one day's parts into the text objects of a single LINE push: at most {@value #MAX_OBJECTS} objects of
 * at most {@value #MAX_LENGTH} UTF-16 code units each (LINE's limits), so the whole day is one billed message.
 *
 * <p>Parts are merged in order, a blank line between them, each part starting a new object when it does not
 * fit in the current one. A part longer than one object is split at a line break where one lies in the second
 * half of the object, else at the limit, never between the two halves of a surrogate pair. If the day still
 * needs more than five objects, the texts are packed densely (objects filled up, parts split wherever the
 * limit falls); only a day longer than that is cut, and the cut is visible: the last object ends with "…".
 * Nothing is dropped silently.
 */
public final class LinePacking {

    public static final int MAX_OBJECTS = 5;
    public static final int MAX_LENGTH = 5000;
    static final String PART_SEPARATOR = "\n\n";
    static final String ELLIPSIS = "…";

    private LinePacking() {}

    /** The texts of one push, in order; empty when the day has nothing to send. */
    public static List<String> pack(DayMessage message) {
        List<String> parts = message.parts().stream().map(LinePacking::render).toList();
        if (parts.isEmpty()) {
            return List.of();
        }
        List<String> objects = packReadably(parts);
        if (objects.size() <= MAX_OBJECTS) {
            return objects;
        }
        return packDensely(String.join(PART_SEPARATOR, parts));
    }

    /** How a day fits one push: its objects packed part by part, and its whole length in UTF-16 units. */
    static Fit fit(DayMessage message) {
        List<String> parts = message.parts().stream().map(LinePacking::render).toList();
        return new Fit(packReadably(parts).size(), String.join(PART_SEPARATOR, parts).length());
    }

    /**
     * @param readableObjects objects when every part starts an object of its own where it does not fit; above
     *                        {@value #MAX_OBJECTS} the day is packed densely instead, parts split wherever the limit falls
     * @param length          above {@value #MAX_OBJECTS} × {@value #MAX_LENGTH} the day is cut
     */
    record Fit(int readableObjects, int length) {

        boolean packedDensely() {
            return readableObjects > MAX_OBJECTS;
        }

        boolean cut() {
            return length > MAX_OBJECTS * MAX_LENGTH;
        }
    }

    /** A part as the parent reads it: its heading on the first line, then the text. */
    static String render(DayMessage.Part part) {
        return part.heading() == null ? part.text() : part.heading() + "\n" + part.text();
    }

    private static List<String> packReadably(List<String> parts) {
        List<String> objects = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String part : parts) {
            if (!current.isEmpty() && current.length() + PART_SEPARATOR.length() + part.length() <= MAX_LENGTH) {
                current.append(PART_SEPARATOR).append(part);
                continue;
            }
            if (!current.isEmpty()) {
                objects.add(current.toString());
                current.setLength(0);
            }
            String rest = part;
            while (rest.length() > MAX_LENGTH) {
                int cut = cutPoint(rest);
                objects.add(rest.substring(0, cut));
                rest = afterCut(rest, cut);
            }
            current.append(rest);
        }
        if (!current.isEmpty()) {
            objects.add(current.toString());
        }
        return objects;
    }

    private static List<String> packDensely(String all) {
        List<String> objects = new ArrayList<>();
        String rest = all;
        while (rest.length() > MAX_LENGTH && objects.size() < MAX_OBJECTS - 1) {
            int cut = safeEnd(rest, MAX_LENGTH);
            objects.add(rest.substring(0, cut));
            rest = afterCut(rest, cut);
        }
        objects.add(rest.length() <= MAX_LENGTH ? rest : truncated(rest));
        return objects;
    }

    /** Where to end an object taken from the start of {@code text}, which is longer than one object. */
    private static int cutPoint(String text) {
        int lineBreak = text.lastIndexOf('\n', MAX_LENGTH);
        if (lineBreak >= MAX_LENGTH / 2) {
            return lineBreak;
        }
        return safeEnd(text, MAX_LENGTH);
    }

    /** The text after a cut; the line break a cut was made at is not carried into the next object. */
    private static String afterCut(String text, int cut) {
        return text.charAt(cut) == '\n' ? text.substring(cut + 1) : text.substring(cut);
    }

    private static String truncated(String text) {
        return text.substring(0, safeEnd(text, MAX_LENGTH - ELLIPSIS.length())) + ELLIPSIS;
    }

    /** {@code end}, moved back by one when it would separate a surrogate pair. */
    private static int safeEnd(String text, int end) {
        return Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))
                ? end - 1
                : end;
    }
}
