package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.schedule.Track;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;

class DynamoCatalogueIT {

    private final LocalTables tables = LocalTables.create();
    private final DynamoCatalogue catalogue = new DynamoCatalogue(tables.dynamo(), tables.content());

    @Test
    void dailyTextIsFoundByOwnerTrackDayAndLanguage() {
        catalogue.importAll(List.of(
                new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.PREGNANCY, 28, "ja", "妊娠4週0日の本文"),
                new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.PREGNANCY, 28, "en", "Week 4"),
                new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.CHILD, 28, "ja", "生後28日の本文"),
                new ContentEntry("m1", ContentKind.DAILY, Track.PREGNANCY, 28, "ja", "〇〇市からのお知らせ")));

        assertEquals(Optional.of("妊娠4週0日の本文"), catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 28, "ja"));
        assertEquals(Optional.of("Week 4"), catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 28, "en"));
        assertEquals(Optional.of("生後28日の本文"), catalogue.daily(ContentOwner.BASE, Track.CHILD, 28, "ja"));
        assertEquals(Optional.of("〇〇市からのお知らせ"), catalogue.daily("m1", Track.PREGNANCY, 28, "ja"));
        assertEquals(Optional.empty(), catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 29, "ja"));
        assertEquals(Optional.empty(), catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 28, "ja-easy"));
        assertEquals(Optional.empty(), catalogue.daily("m2", Track.PREGNANCY, 28, "ja"));
    }

    @Test
    void birthdayMessageIsFoundByTownYearsAndLanguage() {
        catalogue.importAll(List.of(
                new ContentEntry("m1", ContentKind.BIRTHDAY, null, 1, "ja", "1歳のお誕生日おめでとう"),
                new ContentEntry("m1", ContentKind.BIRTHDAY, null, 2, "ja", "2歳のお誕生日おめでとう")));

        assertEquals(Optional.of("1歳のお誕生日おめでとう"), catalogue.birthday("m1", 1, "ja"));
        assertEquals(Optional.of("2歳のお誕生日おめでとう"), catalogue.birthday("m1", 2, "ja"));
        assertEquals(Optional.empty(), catalogue.birthday("m1", 3, "ja"));
        assertEquals(Optional.empty(), catalogue.birthday("m2", 1, "ja"));
    }

    @Test
    void importWritesMoreThanOneBatchAndKeepsTheLastTextOfARepeatedKey() {
        List<ContentEntry> entries = new ArrayList<>();
        for (int day = 0; day < 100; day++) {
            entries.add(new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.CHILD, day, "ja", "day " + day));
        }
        entries.add(new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.CHILD, 7, "ja", "day 7, revised"));

        catalogue.importAll(entries);
        catalogue.importAll(entries);

        for (int day = 0; day < 100; day++) {
            String expected = day == 7 ? "day 7, revised" : "day " + day;
            assertEquals(Optional.of(expected), catalogue.daily(ContentOwner.BASE, Track.CHILD, day, "ja"));
        }
        assertEquals(100, tables.dynamo().scan(r -> r.tableName(tables.content())).count());
    }

    @Test
    void calendarReturnsTheTownsMessagesOfThatDateOnly() {
        LocalDate may1 = LocalDate.of(2027, 5, 1);
        CalendarMessage forEveryone = new CalendarMessage("m1", "fair", may1, Audience.EVERYONE,
                Map.of("ja", "子育てフェア", "en", "Parenting fair"));
        CalendarMessage forBabies = new CalendarMessage("m1", "checkup", may1, new Audience(Track.CHILD, 90, 120),
                Map.of("ja", "3〜4か月健診"));
        CalendarMessage forPregnancy = new CalendarMessage("m1", "class", may1, new Audience(Track.PREGNANCY, 140, null),
                Map.of("ja", "両親学級"));
        catalogue.saveCalendar(forEveryone);
        catalogue.saveCalendar(forBabies);
        catalogue.saveCalendar(forPregnancy);
        catalogue.saveCalendar(new CalendarMessage("m1", "later", LocalDate.of(2027, 5, 10), Audience.EVERYONE,
                Map.of("ja", "別の日")));
        catalogue.saveCalendar(new CalendarMessage("m2", "other", may1, Audience.EVERYONE, Map.of("ja", "他の町")));

        List<CalendarMessage> found = new ArrayList<>(catalogue.calendar("m1", may1));
        found.sort(Comparator.comparing(CalendarMessage::messageId));

        assertEquals(List.of(forBabies, forPregnancy, forEveryone), found);
        assertTrue(catalogue.calendar("m1", LocalDate.of(2027, 5, 2)).isEmpty());
    }

    @Test
    void savingACalendarMessageAgainReplacesIt() {
        LocalDate date = LocalDate.of(2027, 5, 1);
        catalogue.saveCalendar(new CalendarMessage("m1", "fair", date, Audience.EVERYONE, Map.of("ja", "旧")));
        CalendarMessage revised = new CalendarMessage("m1", "fair", date, Audience.EVERYONE, Map.of("ja", "新"));

        catalogue.saveCalendar(revised);

        assertEquals(List.of(revised), catalogue.calendar("m1", date));
    }

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    private static ContentImport set(List<ContentEntry> entries, CalendarMessage... calendar) {
        return new ContentImport(entries, List.of(calendar));
    }

    private static ContentEntry local(int day, String text) {
        return new ContentEntry("m1", ContentKind.DAILY, Track.CHILD, day, "ja", text);
    }

    @Test
    void anImportReplacesTheWholeSetSoARemovedRowIsNoLongerRead() {
        catalogue.replace("m1", set(List.of(local(10, "（サンプル）旧10"), local(11, "（サンプル）旧11"))), NOW);
        String first = catalogue.activeSet("m1");

        catalogue.replace("m1", set(List.of(local(10, "（サンプル）新10"))), NOW.plusSeconds(60));
        String second = catalogue.activeSet("m1");

        assertEquals(Optional.of("（サンプル）新10"), catalogue.daily(second, Track.CHILD, 10, "ja"));
        assertEquals(Optional.empty(), catalogue.daily(second, Track.CHILD, 11, "ja"), "the removed row is gone");
        assertEquals(List.of(local(10, "（サンプル）新10")), catalogue.entries("m1"));
        // a container still holding the old set reads it whole until its cache lets go
        assertEquals(Optional.of("（サンプル）旧11"), catalogue.daily(first, Track.CHILD, 11, "ja"));
    }

    @Test
    void theReplacedSetExpiresAfterEveryCacheHasLetGoOfItAndTheActiveSetDoesNot() {
        catalogue.replace("m1", set(List.of(local(10, "（サンプル）旧"))), NOW);
        String first = catalogue.activeSet("m1");
        catalogue.replace("m1", set(List.of(local(10, "（サンプル）新"))), NOW);
        String second = catalogue.activeSet("m1");

        Map<String, Long> expiries = new java.util.HashMap<>();
        tables.dynamo().scanPaginator(r -> r.tableName(tables.content())).items().forEach(item -> expiries.put(
                item.get("pk").s(), item.containsKey("expiresAt") ? Long.parseLong(item.get("expiresAt").n()) : null));

        long expected = NOW.plus(DynamoCatalogue.RETIRED_FOR).getEpochSecond();
        assertEquals(expected, expiries.get(first + "#DAILY#CHILD#ja"));
        assertTrue(expected - NOW.getEpochSecond() > CachedCatalogue.CACHE_FOR.toSeconds());
        assertTrue(expiries.containsKey(second + "#DAILY#CHILD#ja"));
        assertEquals(null, expiries.get(second + "#DAILY#CHILD#ja"));
    }

    @Test
    void importedCalendarMessagesAreReplacedWithTheSetWhileCreatedOnesStay() {
        LocalDate date = LocalDate.of(2027, 1, 15);
        CalendarMessage imported = new CalendarMessage("m1", "a1b2c3d4e5f6", date, Audience.EVERYONE,
                Map.of("ja", "（サンプル）取り込み"));
        CalendarMessage created = new CalendarMessage("m1", CalendarMessage.newId(date, new java.util.Random(1)), date,
                new Audience(Track.CHILD, 3, 5, Audience.Unit.MONTHS), Map.of("ja", "（サンプル）追加"));
        catalogue.replace("m1", set(List.of(), imported), NOW);
        catalogue.createCalendarMessage(created);

        assertEquals(2, catalogue.calendar(catalogue.activeSet("m1"), date).size());
        assertEquals(List.of(false, true), catalogue.calendarMessages("m1", date).stream()
                .sorted(Comparator.comparing(m -> m.message().messageId()))
                .map(ContentSets.StoredCalendarMessage::imported).toList(), "created ids start with the date");

        catalogue.replace("m1", set(List.of()), NOW.plusSeconds(60));

        assertEquals(List.of(created), catalogue.calendar(catalogue.activeSet("m1"), date));
        assertEquals(Optional.of(created), catalogue.calendarMessage("m1", created.messageId()));
        assertEquals(false, catalogue.deleteCalendarMessage("m1", imported.messageId()));
        assertEquals(true, catalogue.deleteCalendarMessage("m1", created.messageId()));
        assertEquals(List.of(), catalogue.calendar(catalogue.activeSet("m1"), date));
        assertEquals(false, catalogue.deleteCalendarMessage("m1", created.messageId()));
    }
}
