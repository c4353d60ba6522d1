package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Test;

/** Keeps the sample content under {@code content/} valid and true to the reference cadence. */
class SampleContentTest {

    private static Set<Integer> days(ContentImport content, Track track) {
        return content.entries().stream()
                .filter(e -> e.track() == track)
                .map(ContentEntry::day)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> range(int from, int toInclusive, int step) {
        return IntStream.iterate(from, d -> d <= toInclusive, d -> d + step).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Daily to day 100, every 3 days to the 1st birthday, weekly at age 1, fortnightly at age 2. */
    private static Set<Integer> referenceChildCadence() {
        Set<Integer> days = new TreeSet<>(range(0, 100, 1));
        days.addAll(range(103, 364, 3));
        days.addAll(range(365, 729, 7));
        days.addAll(range(730, 1094, 14));
        return days;
    }

    private static void assertMarkedAsSample(ContentImport content) {
        Stream.concat(content.entries().stream().map(e -> Map.entry(e.language(), e.text())),
                        content.calendar().stream().flatMap(m -> m.texts().entrySet().stream()))
                .forEach(text -> assertTrue(text.getKey().equals("en")
                                ? text.getValue().startsWith("(Sample) ")
                                : text.getValue().startsWith("（サンプル）"),
                        () -> "not marked as a sample: " + text.getValue()));
    }

    @Test
    void baseJapaneseHasEveryPregnancyDayAndNothingElse() {
        ContentImport ja = SampleContent.parse("base/ja.csv", ContentOwner.BASE);

        assertEquals(range(28, 293, 1), days(ja, Track.PREGNANCY));
        assertEquals(266, days(ja, Track.PREGNANCY).size());
    }

    @Test
    void baseJapaneseFollowsTheReferenceChildCadenceExactly() {
        ContentImport ja = SampleContent.parse("base/ja.csv", ContentOwner.BASE);

        assertEquals(referenceChildCadence(), days(ja, Track.CHILD));
        assertEquals(101 + 88 + 53 + 27, days(ja, Track.CHILD).size());
    }

    @Test
    void baseJapaneseIsAllJapaneseDailyTextOfTheBaseOwner() {
        ContentImport ja = SampleContent.parse("base/ja.csv", ContentOwner.BASE);

        assertEquals(266 + 269, ja.entries().size());
        assertTrue(ja.entries().stream().allMatch(e -> e.language().equals("ja")
                && e.kind() == ContentKind.DAILY && e.owner().equals(ContentOwner.BASE)));
        assertTrue(ja.calendar().isEmpty());
    }

    @Test
    void easyJapaneseCoversPregnancyDays28To90AndChildDays0To60() {
        ContentImport easy = SampleContent.parse("base/ja-easy.csv", ContentOwner.BASE);

        assertTrue(days(easy, Track.PREGNANCY).containsAll(range(28, 90, 1)));
        assertTrue(days(easy, Track.CHILD).containsAll(range(0, 60, 1)));
        assertTrue(easy.entries().stream().allMatch(e -> e.language().equals("ja-easy")));
    }

    @Test
    void englishHasSomeDaysOfBothTracks() {
        ContentImport en = SampleContent.parse("base/en.csv", ContentOwner.BASE);

        assertTrue(days(en, Track.PREGNANCY).size() >= 10);
        assertTrue(days(en, Track.CHILD).size() >= 10);
        assertTrue(en.entries().stream().allMatch(e -> e.language().equals("en")));
    }

    @Test
    void translationsOnlyUseDaysOfTheJapaneseCadence() {
        // A translated text on a day without a ja text would make that day a delivery day for one language only.
        ContentImport ja = SampleContent.parse("base/ja.csv", ContentOwner.BASE);
        for (String file : List.of("base/ja-easy.csv", "base/en.csv")) {
            ContentImport translation = SampleContent.parse(file, ContentOwner.BASE);
            for (Track track : Track.values()) {
                assertTrue(days(ja, track).containsAll(days(translation, track)), file + " " + track);
            }
        }
    }

    @Test
    void demoMunicipalitySettingsParse() throws IOException {
        Municipality demo;
        try (InputStream in = Files.newInputStream(
                SampleContent.directory().resolve("municipalities/demo/municipality.json"))) {
            demo = MunicipalityJson.parse(in);
        }

        assertEquals(new Municipality("demo", "よりそい町（デモ）", "よりそい町こども家庭課より（サンプル）",
                demo.consultation(), Plan.FULL, 3, 8, List.of("ja", "ja-easy", "en"), "hello@demo.yorisoi.example",
                true, "https://demo.yorisoi.example/privacy", 1), demo);
        assertTrue(demo.consultation().contains("0000-00-0000"), demo.consultation());
    }

    @Test
    void demoLocalTextsCoverBothTracksBirthdaysAndOneCalendarMessage() {
        ContentImport local = SampleContent.parse("municipalities/demo/local.csv", "demo");

        assertTrue(days(local, Track.PREGNANCY).size() >= 5);
        assertTrue(days(local, Track.CHILD).size() >= 10);
        Set<String> birthdays = local.entries().stream()
                .filter(e -> e.kind() == ContentKind.BIRTHDAY)
                .map(e -> e.day() + " " + e.language())
                .collect(Collectors.toSet());
        assertEquals(Set.of("1 ja", "1 ja-easy", "2 ja", "3 ja"), birthdays);

        assertEquals(1, local.calendar().size());
        CalendarMessage event = local.calendar().getFirst();
        assertEquals("demo", event.municipalityId());
        assertEquals(LocalDate.of(2027, 1, 15), event.date());
        assertEquals(new Audience(Track.CHILD, 0, 365), event.audience());
        assertTrue(event.texts().containsKey("ja"));
    }

    @Test
    void demoLocalTextsFallOnDaysThatHaveABaseText() {
        ContentImport ja = SampleContent.parse("base/ja.csv", ContentOwner.BASE);
        ContentImport local = SampleContent.parse("municipalities/demo/local.csv", "demo");

        for (Track track : Track.values()) {
            assertTrue(days(ja, track).containsAll(days(local, track)), track.name());
        }
    }

    @Test
    void everySampleFileParsesAndEveryTextIsMarkedAsASample() throws IOException {
        Path root = SampleContent.directory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Path relative = root.relativize(file);
            String owner = relative.startsWith("base") ? ContentOwner.BASE : relative.getName(1).toString();
            ContentImport content = SampleContent.parse(relative.toString(), owner);
            assertFalse(content.entries().isEmpty() && content.calendar().isEmpty(), relative + " is empty");
            assertMarkedAsSample(content);
        }
    }
}
