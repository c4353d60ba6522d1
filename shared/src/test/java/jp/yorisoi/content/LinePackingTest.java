package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.content.DayMessage.PartKind;
import org.junit.jupiter.api.Test;

class LinePackingTest {

    private static final String EMOJI = "😀"; // two UTF-16 units

    private static Part part(String heading, String text) {
        return new Part(PartKind.BASE, "c1", heading, text);
    }

    private static DayMessage day(Part... parts) {
        return new DayMessage(List.of(parts));
    }

    private static void assertWithinLineLimits(List<String> objects) {
        assertTrue(objects.size() <= LinePacking.MAX_OBJECTS, "objects: " + objects.size());
        for (String object : objects) {
            assertFalse(object.isEmpty());
            assertTrue(object.length() <= LinePacking.MAX_LENGTH, "length " + object.length());
            assertFalse(Character.isHighSurrogate(object.charAt(object.length() - 1)), "ends inside a surrogate pair");
            assertFalse(Character.isLowSurrogate(object.charAt(0)), "starts inside a surrogate pair");
        }
    }

    @Test
    void anEmptyDayPacksToNoObjects() {
        assertEquals(List.of(), LinePacking.pack(new DayMessage(List.of())));
    }

    @Test
    void aPartIsItsHeadingOnTheFirstLineThenItsText() {
        assertEquals(List.of("【生後45日】\nきょうのお話"), LinePacking.pack(day(part("【生後45日】", "きょうのお話"))));
    }

    @Test
    void smallPartsAreMergedIntoOneObjectSeparatedByABlankLine() {
        List<String> objects = LinePacking.pack(day(
                part("【妊娠12週0日】", "基本原稿"),
                part(null, "自治体原稿\nさくら市より"),
                part(null, "お知らせ")));

        assertEquals(List.of("【妊娠12週0日】\n基本原稿\n\n自治体原稿\nさくら市より\n\nお知らせ"), objects);
    }

    @Test
    void aPartThatDoesNotFitStartsTheNextObject() {
        String a = "あ".repeat(3000);
        String b = "い".repeat(3000);
        String c = "う".repeat(1000);

        assertEquals(List.of(a, b + "\n\n" + c), LinePacking.pack(day(part(null, a), part(null, b), part(null, c))));
    }

    @Test
    void twoPartsFillingExactlyOneObjectStayTogether() {
        String a = "あ".repeat(2499);
        String b = "い".repeat(2499);

        assertEquals(List.of(a + "\n\n" + b), LinePacking.pack(day(part(null, a), part(null, b))));
    }

    @Test
    void sixLargePartsArePackedDenselyIntoAtMostFiveObjectsWithoutLosingText() {
        Part[] parts = IntStream.range(0, 6).mapToObj(i -> part(null, String.valueOf((char) ('a' + i)).repeat(3000)))
                .toArray(Part[]::new);

        List<String> objects = LinePacking.pack(day(parts));

        assertWithinLineLimits(objects);
        String all = String.join("", objects);
        for (int i = 0; i < 6; i++) {
            String letter = String.valueOf((char) ('a' + i));
            assertEquals(3000, all.chars().filter(ch -> ch == letter.charAt(0)).count(), "part " + letter);
        }
        assertFalse(all.contains(LinePacking.ELLIPSIS));
    }

    @Test
    void sixPartsThatCannotFitInFiveObjectsAreCutVisiblyWithAnEllipsis() {
        Part[] parts = IntStream.range(0, 6).mapToObj(i -> part(null, "x".repeat(4900))).toArray(Part[]::new);

        List<String> objects = LinePacking.pack(day(parts));

        assertEquals(5, objects.size());
        assertWithinLineLimits(objects);
        assertEquals(LinePacking.MAX_LENGTH, objects.getLast().length());
        assertTrue(objects.getLast().endsWith("…"));
    }

    @Test
    void aLongPartIsSplitAtLineBreaks() {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 120; line++) {
            text.append(String.format("%03d", line)).append("あ".repeat(96)).append('\n');
        }
        String twelveThousand = text.toString().stripTrailing();
        assertEquals(11_999, twelveThousand.length());

        List<String> objects = LinePacking.pack(day(part("【生後45日】", twelveThousand)));

        assertEquals(3, objects.size());
        assertWithinLineLimits(objects);
        assertEquals("【生後45日】\n" + twelveThousand, String.join("\n", objects));
        assertTrue(objects.get(1).startsWith("0"), "each object starts at the start of a line");
        assertTrue(objects.get(2).startsWith("0") || objects.get(2).startsWith("1"));
    }

    @Test
    void aLongPartWithoutLineBreaksIsSplitAtTheLimit() {
        String text = "あ".repeat(12_000);

        List<String> objects = LinePacking.pack(day(part(null, text)));

        assertEquals(List.of(5000, 5000, 2000), objects.stream().map(String::length).toList());
        assertEquals(text, String.join("", objects));
    }

    @Test
    void aSplitNeverSeparatesASurrogatePair() {
        String text = "a" + EMOJI.repeat(6000);

        List<String> objects = LinePacking.pack(day(part(null, text)));

        assertWithinLineLimits(objects);
        assertEquals(text, String.join("", objects));
        assertEquals(4999, objects.getFirst().length());
    }

    @Test
    void theEllipsisNeverLeavesHalfASurrogatePair() {
        Part[] parts = IntStream.range(0, 3).mapToObj(i -> part(null, "a" + EMOJI.repeat(5000))).toArray(Part[]::new);

        List<String> objects = LinePacking.pack(day(parts));

        assertWithinLineLimits(objects);
        String last = objects.getLast();
        assertTrue(last.endsWith(EMOJI + "…"), "ends with a whole pair before the ellipsis");
    }

    @Test
    void thePartAfterASplitPartJoinsItsLastObject() {
        String text = "あ".repeat(6000);

        List<String> objects = LinePacking.pack(day(part(null, text), part(null, "お知らせ")));

        assertEquals(List.of("あ".repeat(5000), "あ".repeat(1000) + "\n\nお知らせ"), objects);
    }

    @Test
    void randomDaysAlwaysRespectLineLimits() {
        Random random = new Random(20261122);
        String[] pieces = {"あ", "a", "\n", EMOJI, "\n\n", "【"};
        for (int run = 0; run < 300; run++) {
            List<Part> parts = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int p = 0; p < count; p++) {
                StringBuilder text = new StringBuilder("t");
                int length = random.nextInt(7000);
                while (text.length() < length) {
                    text.append(pieces[random.nextInt(pieces.length)].repeat(1 + random.nextInt(40)));
                }
                parts.add(part(random.nextBoolean() ? "【生後" + p + "日】" : null, text.toString()));
            }
            List<String> objects = LinePacking.pack(new DayMessage(parts));
            assertWithinLineLimits(objects);
            assertFalse(objects.isEmpty());
        }
    }
}
