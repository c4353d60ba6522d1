package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.content.DayMessage.PartKind;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DayComposerTest {

    private static final String TOWN = "sakura";
    private static final LocalDate TODAY = LocalDate.parse("2026-03-09");
    private static final Municipality FULL = town(Plan.FULL, 3);
    private static final Municipality BASE_ONLY = town(Plan.BASE_ONLY, 3);

    private final MapCatalogue catalogue = new MapCatalogue();
    private final DayComposer composer = new DayComposer(catalogue);

    private static Municipality town(Plan plan, int endBirthday) {
        return new Municipality(TOWN, "さくら市", "さくら市より", "こども家庭センター 0120-000-000", plan,
                endBirthday, 7, List.of("ja", "ja-easy"), null, true);
    }

    private static Reader reader(String language, Child... children) {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        return new Reader(TOWN, Reader.idFor(TOWN, Channel.LINE, "U0001"), Channel.LINE, "U0001", Role.MOTHER,
                language, ReaderStatus.ACTIVE, Arrays.asList(children), Map.of(), created, created, 1);
    }

    /** An expected child at pregnancy day {@code p} today. */
    private static Child expectedAt(String childId, int p) {
        return Child.expected(childId, TODAY.plusDays(280 - p));
    }

    /** A child {@code ageDays} old today. */
    private static Child bornAgo(String childId, int ageDays) {
        return Child.born(childId, TODAY.minusDays(ageDays));
    }

    private static Part part(PartKind kind, String childId, String heading, String text) {
        return new Part(kind, childId, heading, text);
    }

    private MapCatalogue base(Track track, int day, String text) {
        return catalogue.withDaily(ContentOwner.BASE, track, day, "ja", text);
    }

    private MapCatalogue local(Track track, int day, String text) {
        return catalogue.withDaily(TOWN, track, day, "ja", text);
    }

    private static CalendarMessage calendarOn(LocalDate date, String id, Audience audience, String jaText) {
        return new CalendarMessage(TOWN, id, date, audience, Map.of("ja", jaText));
    }

    @Test
    void aReaderGetsNothingForADayBeforeTheyRegistered() {
        base(Track.PREGNANCY, 149, "21週2日のころ");
        Reader joinedTomorrow = reader("ja", expectedAt("c1", 149)).withRegisteredOn(TODAY.plusDays(1));

        assertTrue(composer.compose(joinedTomorrow, FULL, TODAY).isEmpty());
        assertEquals(List.of(), DayComposer.childrenAskedAboutBirth(joinedTomorrow, FULL, TODAY));
    }

    @Test
    void aReaderGetsTheirPositionOnTheDayTheyRegistered() {
        base(Track.PREGNANCY, 149, "21週2日のころ");
        Reader joinedToday = reader("ja", expectedAt("c1", 149)).withRegisteredOn(TODAY);

        assertEquals(List.of(part(PartKind.BASE, "c1", "【妊娠21週2日】", "21週2日のころ")),
                composer.compose(joinedToday, FULL, TODAY).parts());
    }

    @Test
    void aChildAddedLaterContributesNothingBeforeItWasAdded() {
        base(Track.CHILD, 400, "1歳のころ");
        base(Track.PREGNANCY, 100, "14週2日のころ");
        Reader reader = reader("ja", bornAgo("c1", 400), expectedAt("c2", 100).withAddedOn(TODAY.plusDays(1)))
                .withRegisteredOn(TODAY.minusDays(300));

        assertEquals(List.of("c1"), composer.compose(reader, FULL, TODAY).parts().stream().map(Part::childId).toList());
    }

    @Test
    void readersAndChildrenStoredWithoutTheirDaysAreTakenAsThereLongAgo() {
        base(Track.CHILD, 400, "1歳のころ");

        assertEquals(List.of("c1"), composer.compose(reader("ja", bornAgo("c1", 400)), FULL, TODAY).parts().stream()
                .map(Part::childId).toList());
    }

    @Test
    void fullPlanSendsBaseTextUnderItsHeadingThenLocalTextSignedByTheTown() {
        base(Track.PREGNANCY, 84, "つわりがつらい時期です。");
        local(Track.PREGNANCY, 84, "母子手帳はお受け取りになりましたか。\n");

        DayMessage day = composer.compose(reader("ja", expectedAt("c1", 84)), FULL, TODAY);

        assertEquals(List.of(
                part(PartKind.BASE, "c1", "【妊娠12週0日】", "つわりがつらい時期です。"),
                part(PartKind.LOCAL, "c1", null, "母子手帳はお受け取りになりましたか。\nさくら市より")), day.parts());
    }

    @Test
    void localTextCarriesTheHeadingOnADayWithoutBaseText() {
        local(Track.CHILD, 45, "あさっては乳児健診です。");

        DayMessage day = composer.compose(reader("ja", bornAgo("c1", 45)), FULL, TODAY);

        assertEquals(List.of(part(PartKind.LOCAL, "c1", "【生後45日】", "あさっては乳児健診です。\nさくら市より")),
                day.parts());
    }

    @Test
    void baseOnlyPlanSkipsLocalAndCalendarTextsButKeepsTheBirthdayMessage() {
        LocalDate today = LocalDate.parse("2027-04-10");
        Child child = Child.born("c1", LocalDate.parse("2026-04-10"));
        catalogue.withDaily(ContentOwner.BASE, Track.CHILD, 365, "ja", "1歳おめでとう。")
                .withDaily(TOWN, Track.CHILD, 365, "ja", "1歳児健診のご案内")
                .withBirthday(TOWN, 1, "ja", "さくら市から、お誕生日のお祝いです。")
                .withCalendar(calendarOn(today, "m1", Audience.EVERYONE, "子育て広場のお知らせ"));

        DayMessage day = composer.compose(reader("ja", child), BASE_ONLY, today);

        assertEquals(List.of(
                part(PartKind.BASE, "c1", "【1歳0か月】", "1歳おめでとう。"),
                part(PartKind.BIRTHDAY, "c1", "【1歳のお誕生日】", "さくら市から、お誕生日のお祝いです。\nさくら市より")), day.parts());
    }

    @Test
    void fullPlanSendsBaseLocalBirthdayAndCalendarInThatOrder() {
        LocalDate today = LocalDate.parse("2027-04-10");
        catalogue.withDaily(ContentOwner.BASE, Track.CHILD, 365, "ja", "1歳おめでとう。")
                .withDaily(TOWN, Track.CHILD, 365, "ja", "1歳児健診のご案内")
                .withBirthday(TOWN, 1, "ja", "お誕生日のお祝いです。")
                .withCalendar(calendarOn(today, "m1", Audience.EVERYONE, "子育て広場のお知らせ"));

        DayMessage day = composer.compose(reader("ja", Child.born("c1", LocalDate.parse("2026-04-10"))), FULL, today);

        assertEquals(List.of(PartKind.BASE, PartKind.LOCAL, PartKind.BIRTHDAY, PartKind.CALENDAR),
                day.parts().stream().map(Part::kind).toList());
        assertEquals(part(PartKind.CALENDAR, null, null, "子育て広場のお知らせ\nさくら市より"), day.parts().get(3));
    }

    @Test
    void easyJapaneseReaderGetsJapaneseWhereNoEasyJapaneseTextExists() {
        base(Track.PREGNANCY, 84, "つわりがつらい時期です。");
        catalogue.withDaily(TOWN, Track.PREGNANCY, 84, "ja", "母子手帳のご案内")
                .withDaily(TOWN, Track.PREGNANCY, 84, "ja-easy", "ぼしてちょうの おしらせ")
                .withCalendar(new CalendarMessage(TOWN, "m1", TODAY, Audience.EVERYONE,
                        Map.of("ja", "両親学級のお知らせ", "en", "Parents' class")));

        DayMessage day = composer.compose(reader("ja-easy", expectedAt("c1", 84)), FULL, TODAY);

        assertEquals(List.of("つわりがつらい時期です。", "ぼしてちょうの おしらせ\nさくら市より", "両親学級のお知らせ\nさくら市より"),
                day.parts().stream().map(Part::text).toList());
    }

    @Test
    void birthdayMessageFallsBackToJapaneseTooUnderTheReadersHeading() {
        catalogue.withBirthday(TOWN, 1, "ja", "お誕生日おめでとうございます。");

        DayMessage day = composer.compose(reader("en", Child.born("c1", TODAY.minusYears(1))), FULL, TODAY);

        assertEquals(List.of(part(PartKind.BIRTHDAY, "c1", "[1st birthday]", "お誕生日おめでとうございます。\nさくら市より")),
                day.parts());
    }

    @Test
    void readerLanguageWinsWhenTheTextExistsInIt() {
        base(Track.CHILD, 45, "生後45日のころ");
        catalogue.withDaily(ContentOwner.BASE, Track.CHILD, 45, "en", "Around day 45");

        DayMessage day = composer.compose(reader("en", bornAgo("c1", 45)), BASE_ONLY, TODAY);

        assertEquals(List.of(part(PartKind.BASE, "c1", "[Day 45 after birth]", "Around day 45")), day.parts());
    }

    @Test
    void twinsBornTheSameDayGetTheTextOnceUnderOneHeading() {
        base(Track.CHILD, 45, "生後45日のころ");
        local(Track.CHILD, 45, "乳児健診のご案内");
        catalogue.withCalendar(calendarOn(TODAY, "m1", new Audience(Track.CHILD, 0, 100), "赤ちゃん広場"));

        DayMessage day = composer.compose(reader("ja", bornAgo("c1", 45), bornAgo("c2", 45)), FULL, TODAY);

        assertEquals(List.of(
                part(PartKind.BASE, "c1", "【生後45日】", "生後45日のころ"),
                part(PartKind.LOCAL, "c1", null, "乳児健診のご案内\nさくら市より"),
                part(PartKind.CALENDAR, null, null, "赤ちゃん広場\nさくら市より")), day.parts());
    }

    @Test
    void expectedTwinsGetThePregnancyTextOnce() {
        base(Track.PREGNANCY, 200, "妊娠28週4日のころ");

        DayMessage day = composer.compose(reader("ja", expectedAt("c1", 200), expectedAt("c2", 200)), FULL, TODAY);

        assertEquals(List.of(part(PartKind.BASE, "c1", "【妊娠28週4日】", "妊娠28週4日のころ")), day.parts());
    }

    @Test
    void twinsBornEitherSideOfMidnightEachGetTheirOwnDay() {
        base(Track.CHILD, 45, "生後45日のころ");
        base(Track.CHILD, 46, "生後46日のころ");

        DayMessage day = composer.compose(reader("ja", bornAgo("c1", 46), bornAgo("c2", 45)), FULL, TODAY);

        assertEquals(List.of(
                part(PartKind.BASE, "c1", "【生後46日】", "生後46日のころ"),
                part(PartKind.BASE, "c2", "【生後45日】", "生後45日のころ")), day.parts());
    }

    @Test
    void aPregnancyAndAnOlderSiblingShareOneDeliveryInChildOrder() {
        base(Track.CHILD, 500, "1歳4か月のころ");
        base(Track.PREGNANCY, 84, "妊娠12週のころ");
        local(Track.PREGNANCY, 84, "妊婦健診の助成");

        DayMessage day = composer.compose(reader("ja", bornAgo("c1", 500), expectedAt("c2", 84)), FULL, TODAY);

        assertEquals(List.of(
                part(PartKind.BASE, "c1", "【1歳4か月】", "1歳4か月のころ"),
                part(PartKind.BASE, "c2", "【妊娠12週0日】", "妊娠12週のころ"),
                part(PartKind.LOCAL, "c2", null, "妊婦健診の助成\nさくら市より")), day.parts());
    }

    @Test
    void aSiblingWhoseBaseTextRepeatsTheOthersKeepsItsOwnHeadingOnItsLocalText() {
        // Base texts recur on different days (the sample base has dozens); the repeat is dropped, so the second
        // child's local text must carry that child's heading, not read as part of the first child's section.
        base(Track.CHILD, 500, "お散歩を楽しみましょう。");
        base(Track.CHILD, 106, "お散歩を楽しみましょう。");
        local(Track.CHILD, 106, "3〜4か月児健診のご案内");

        DayMessage day = composer.compose(reader("ja", bornAgo("c1", 500), bornAgo("c2", 106)), FULL, TODAY);

        assertEquals(List.of(
                part(PartKind.BASE, "c1", "【1歳4か月】", "お散歩を楽しみましょう。"),
                part(PartKind.LOCAL, "c2", "【生後106日】", "3〜4か月児健診のご案内\nさくら市より")), day.parts());
    }

    @Test
    void aChangedDueDateGivesTheTextOfTheNewPositionTheNextDay() {
        base(Track.PREGNANCY, 200, "妊娠28週4日のころ");
        base(Track.PREGNANCY, 207, "妊娠29週4日のころ");
        Child expected = expectedAt("c1", 199);
        LocalDate tomorrow = TODAY.plusDays(1);
        Child moved = expected.withDueDate(expected.dueDate().minusDays(7));

        assertEquals(List.of("妊娠28週4日のころ"), texts(composer.compose(reader("ja", expected), FULL, tomorrow)));
        assertEquals(List.of("妊娠29週4日のころ"), texts(composer.compose(reader("ja", moved), FULL, tomorrow)));
    }

    @ParameterizedTest(name = "born {0} days from the due date")
    @ValueSource(ints = {-30, 0, 12})
    void aReportedBirthBeforeOrAfterTheDueDateSwitchesToTheChildTrackFromTheBirthDate(int fromDueDate) {
        LocalDate due = TODAY.plusDays(40);
        LocalDate born = due.plusDays(fromDueDate);
        base(Track.CHILD, 3, "生後3日のころ");
        // the pregnancy day the reader would be at on that day had the birth not been reported
        catalogue.withDaily(ContentOwner.BASE, Track.PREGNANCY, 283 + fromDueDate, "ja", "妊娠のころ");
        Child child = Child.expected("c1", due).withBirthDate(born);

        assertEquals(List.of(part(PartKind.BASE, "c1", "【生後3日】", "生後3日のころ")),
                composer.compose(reader("ja", child), FULL, born.plusDays(3)).parts());
    }

    private static List<String> texts(DayMessage day) {
        return day.parts().stream().map(Part::text).toList();
    }

    @Test
    void aLostChildContributesNothingWhileItsSiblingKeepsItsMessages() {
        base(Track.PREGNANCY, 84, "妊娠12週のころ");
        base(Track.CHILD, 500, "1歳4か月のころ");
        catalogue.withCalendar(calendarOn(TODAY, "m1", new Audience(Track.PREGNANCY, null, null), "両親学級"));

        DayMessage day = composer.compose(
                reader("ja", expectedAt("c1", 84).lost(), bornAgo("c2", 500)), FULL, TODAY);

        assertEquals(List.of(part(PartKind.BASE, "c2", "【1歳4か月】", "1歳4か月のころ")), day.parts());
    }

    @Test
    void aLostTwinDoesNotStopTheOtherTwin() {
        base(Track.CHILD, 45, "生後45日のころ");

        DayMessage day = composer.compose(reader("ja", bornAgo("c1", 45).lost(), bornAgo("c2", 45)), FULL, TODAY);

        assertEquals(List.of(part(PartKind.BASE, "c2", "【生後45日】", "生後45日のころ")), day.parts());
    }

    @Test
    void aReaderWhoseOnlyChildIsLostGetsNothing() {
        base(Track.CHILD, 45, "生後45日のころ");
        catalogue.withCalendar(calendarOn(TODAY, "m1", Audience.EVERYONE, "お知らせ"));

        assertTrue(composer.compose(reader("ja", bornAgo("c1", 45).lost()), FULL, TODAY).isEmpty());
    }

    @Test
    void aDayWithoutAnyTextIsEmpty() {
        base(Track.CHILD, 101, "生後101日のころ");

        assertTrue(composer.compose(reader("ja", bornAgo("c1", 102)), FULL, TODAY).isEmpty());
        assertTrue(composer.compose(reader("ja"), FULL, TODAY).isEmpty());
    }

    @Test
    void nothingIsSentBeforeThePregnancyTrackStarts() {
        base(Track.PREGNANCY, 27, "まだ届かない");
        catalogue.withCalendar(calendarOn(TODAY, "m1", Audience.EVERYONE, "お知らせ"));

        assertTrue(composer.compose(reader("ja", expectedAt("c1", 27)), FULL, TODAY).isEmpty());
    }

    @Test
    void calendarMessagesGoToReadersWhoseChildIsInTheAudienceDayRangeInclusive() {
        catalogue.withCalendar(calendarOn(TODAY, "everyone", Audience.EVERYONE, "全員へ"))
                .withCalendar(calendarOn(TODAY, "early", new Audience(Track.PREGNANCY, 28, 100), "妊娠初期の方へ"))
                .withCalendar(calendarOn(TODAY, "late", new Audience(Track.PREGNANCY, 101, 293), "妊娠後期の方へ"))
                .withCalendar(calendarOn(TODAY, "babies", new Audience(Track.CHILD, 0, 365), "0歳の方へ"))
                .withCalendar(calendarOn(TODAY.plusDays(1), "tomorrow", Audience.EVERYONE, "あすのお知らせ"));

        assertEquals(List.of("全員へ", "妊娠初期の方へ"), calendarTexts(reader("ja", expectedAt("c1", 100))));
        assertEquals(List.of("全員へ", "妊娠後期の方へ"), calendarTexts(reader("ja", expectedAt("c1", 101))));
        assertEquals(List.of("全員へ", "0歳の方へ"), calendarTexts(reader("ja", bornAgo("c1", 0))));
        assertEquals(List.of("全員へ", "0歳の方へ"), calendarTexts(reader("ja", bornAgo("c1", 365))));
        assertEquals(List.of("全員へ"), calendarTexts(reader("ja", bornAgo("c1", 366))));
        assertEquals(List.of("全員へ", "妊娠初期の方へ", "0歳の方へ"),
                calendarTexts(reader("ja", bornAgo("c1", 800), expectedAt("c2", 50), bornAgo("c3", 200))));
    }

    @Test
    void calendarMessagesSkipReadersWithNoChildInATrack() {
        catalogue.withCalendar(calendarOn(TODAY, "everyone", Audience.EVERYONE, "全員へ"));

        assertEquals(List.of(), calendarTexts(reader("ja", expectedAt("c1", 300))));
        assertEquals(List.of(), calendarTexts(reader("ja", Child.born("c1", TODAY.minusYears(3).minusDays(1)))));
    }

    private List<String> calendarTexts(Reader reader) {
        return composer.compose(reader, FULL, TODAY).parts().stream()
                .filter(p -> p.kind() == PartKind.CALENDAR)
                .map(p -> p.text().replace("\nさくら市より", ""))
                .toList();
    }

    @Test
    void a29FebruaryChildGetsItsBirthdayMessageOn28FebruaryInACommonYear() {
        catalogue.withBirthday(TOWN, 1, "ja", "1歳のお誕生日おめでとう");
        Reader reader = reader("ja", Child.born("c1", LocalDate.parse("2028-02-29")));

        assertEquals(List.of(part(PartKind.BIRTHDAY, "c1", "【1歳のお誕生日】", "1歳のお誕生日おめでとう\nさくら市より")),
                composer.compose(reader, BASE_ONLY, LocalDate.parse("2029-02-28")).parts());
        assertTrue(composer.compose(reader, BASE_ONLY, LocalDate.parse("2029-03-01")).isEmpty());
    }

    @Test
    void a29FebruaryChildGetsItsFourthBirthdayOn29February2032InASixYearProgram() {
        catalogue.withBirthday(TOWN, 4, "ja", "4歳のお誕生日おめでとう");
        Reader reader = reader("ja", Child.born("c1", LocalDate.parse("2028-02-29")));
        Municipality sixYears = town(Plan.FULL, 6);

        assertTrue(composer.compose(reader, sixYears, LocalDate.parse("2032-02-28")).isEmpty());
        assertEquals(List.of("4歳のお誕生日おめでとう\nさくら市より"),
                composer.compose(reader, sixYears, LocalDate.parse("2032-02-29")).parts().stream().map(Part::text).toList());
    }

    @Test
    void twinsBornEitherSideOfMidnightOn29FebruaryShareOneBirthdayMessageInACommonYear() {
        catalogue.withBirthday(TOWN, 1, "ja", "1歳のお誕生日おめでとう");
        Reader reader = reader("ja", Child.born("c1", LocalDate.parse("2028-02-28")),
                Child.born("c2", LocalDate.parse("2028-02-29")));

        assertEquals(List.of(part(PartKind.BIRTHDAY, "c1", "【1歳のお誕生日】", "1歳のお誕生日おめでとう\nさくら市より")),
                composer.compose(reader, FULL, LocalDate.parse("2029-02-28")).parts());
    }

    @Test
    void theThirdBirthdayEndsTheProgramWithItsBirthdayMessageAndAKindClosingNote() {
        LocalDate born = LocalDate.parse("2025-04-10");
        LocalDate thirdBirthday = LocalDate.parse("2028-04-10");
        base(Track.CHILD, 1096, "この日は届かない");
        catalogue.withBirthday(TOWN, 3, "ja", "3歳のお誕生日おめでとう");

        DayMessage day = composer.compose(reader("ja", Child.born("c1", born)), BASE_ONLY, thirdBirthday);

        assertEquals(2, day.parts().size());
        assertEquals(part(PartKind.BIRTHDAY, "c1", "【3歳のお誕生日】", "3歳のお誕生日おめでとう\nさくら市より"), day.parts().get(0));
        Part closing = day.parts().get(1);
        assertEquals(PartKind.NOTICE, closing.kind());
        assertEquals("c1", closing.childId());
        assertTrue(closing.text().startsWith("3歳のお誕生日、おめでとうございます。"), closing.text());
        assertTrue(closing.text().contains("おしまい"), closing.text());
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"ja", "ja-easy", "en"})
    void anEndBirthdayWhileASiblingContinuesSaysOnlyThisChildsMessagesEnd(String language) {
        Reader reader = reader(language, Child.born("c1", TODAY.minusYears(3)), bornAgo("c2", 200));

        List<Part> notices = composer.compose(reader, FULL, TODAY).parts().stream()
                .filter(p -> p.kind() == PartKind.NOTICE).toList();

        assertEquals(1, notices.size());
        assertEquals("c1", notices.getFirst().childId());
        String text = notices.getFirst().text();
        switch (language) {
            case "en" -> {
                assertTrue(text.contains("the last daily message about this child"), text);
                assertTrue(text.contains("other children will continue"), text);
                assertFalse(text.contains("last of our daily messages"), text);
            }
            case "ja-easy" -> {
                assertTrue(text.contains("この おこさん の まいにちの メッセージは きょうで おわりです"), text);
                assertTrue(text.contains("ほかの おこさん の メッセージは つづきます"), text);
            }
            default -> {
                assertTrue(text.contains("このお子さんへの毎日のメッセージは、きょうでおしまいです"), text);
                assertTrue(text.contains("ほかのお子さんへのメッセージは、これからもお届けします"), text);
                assertFalse(text.contains("きょうで毎日のメッセージはおしまいです"), text);
            }
        }
    }

    @Test
    void anEndBirthdayBesideAPregnancyStillBeforeFourWeeksSpeaksOfThisChildOnly() {
        Reader reader = reader("ja", Child.born("c1", TODAY.minusYears(3)), expectedAt("c2", 10));

        String text = composer.compose(reader, FULL, TODAY).parts().getLast().text();

        assertTrue(text.contains("このお子さんへの毎日のメッセージ"), text);
    }

    @Test
    void theLastChildsEndBirthdayKeepsTheClosingOfAllDailyMessages() {
        // the sibling's program ended a year ago and the pregnancy passed 41w6d unreported: nothing goes on
        Reader reader = reader("ja", Child.born("c1", TODAY.minusYears(3)), Child.born("c2", TODAY.minusYears(4)),
                expectedAt("c3", 300));

        List<Part> notices = composer.compose(reader, FULL, TODAY).parts().stream()
                .filter(p -> p.kind() == PartKind.NOTICE && "c1".equals(p.childId())).toList();

        assertEquals(1, notices.size());
        assertTrue(notices.getFirst().text().contains("きょうで毎日のメッセージはおしまいです"), notices.getFirst().text());
    }

    @Test
    void twinsReachingTheEndBirthdayTogetherGetTheClosingOfAllDailyMessagesOnce() {
        Reader reader = reader("ja", Child.born("c1", TODAY.minusYears(3)), Child.born("c2", TODAY.minusYears(3)));

        List<Part> notices = composer.compose(reader, FULL, TODAY).parts().stream()
                .filter(p -> p.kind() == PartKind.NOTICE).toList();

        assertEquals(1, notices.size());
        assertTrue(notices.getFirst().text().contains("きょうで毎日のメッセージはおしまいです"), notices.getFirst().text());
    }

    @Test
    void theClosingNoteIsSentEvenWhenTheTownHasNoBirthdayMessage() {
        DayMessage day = composer.compose(reader("ja-easy", Child.born("c1", TODAY.minusYears(3))), FULL, TODAY);

        assertEquals(List.of(PartKind.NOTICE), day.parts().stream().map(Part::kind).toList());
        assertTrue(day.parts().getFirst().text().startsWith("3さいの おたんじょうび"));
    }

    @Test
    void theDayBeforeTheThirdBirthdayIsAnOrdinaryLastDay() {
        LocalDate born = LocalDate.parse("2025-04-10");
        base(Track.CHILD, 1095, "2歳11か月のころ");

        DayMessage day = composer.compose(reader("ja", Child.born("c1", born)), FULL, LocalDate.parse("2028-04-09"));

        assertEquals(List.of(part(PartKind.BASE, "c1", "【2歳11か月】", "2歳11か月のころ")), day.parts());
    }

    @Test
    void aSixYearProgramCelebratesTheThirdBirthdayWithoutClosingAndEndsOnTheSixth() {
        Municipality sixYears = town(Plan.FULL, 6);
        LocalDate born = LocalDate.parse("2025-04-10");
        base(Track.CHILD, 1096, "3歳のころ");
        catalogue.withBirthday(TOWN, 3, "ja", "3歳おめでとう").withBirthday(TOWN, 6, "ja", "6歳おめでとう");

        assertEquals(List.of(PartKind.BASE, PartKind.BIRTHDAY), composer.compose(reader("ja", Child.born("c1", born)),
                sixYears, LocalDate.parse("2028-04-10")).parts().stream().map(Part::kind).toList());
        assertEquals(List.of(PartKind.BIRTHDAY, PartKind.NOTICE), composer.compose(reader("ja", Child.born("c1", born)),
                sixYears, LocalDate.parse("2031-04-10")).parts().stream().map(Part::kind).toList());
    }

    @ParameterizedTest(name = "program to the {0}th birthday")
    @ValueSource(ints = {3, 4, 5, 6})
    void eachEndBirthdayClosesTheProgramAfterAnOrdinaryLastDay(int endBirthday) {
        Municipality town = town(Plan.FULL, endBirthday);
        LocalDate born = LocalDate.parse("2028-02-29");
        LocalDate endDay = ProgramSchedule.birthday(born, endBirthday);
        LocalDate lastDay = endDay.minusDays(1);
        int lastAge = ProgramSchedule.ageInDays(born, lastDay);
        base(Track.CHILD, lastAge, "最後の日");
        base(Track.CHILD, lastAge + 1, "この日は届かない");
        catalogue.withBirthday(TOWN, endBirthday, "ja", endBirthday + "歳おめでとう");
        Reader reader = reader("en", Child.born("c1", born));

        assertEquals(List.of(part(PartKind.BASE, "c1", "[Age " + (endBirthday - 1) + " years 11 months]", "最後の日")),
                composer.compose(reader, town, lastDay).parts());
        List<Part> closing = composer.compose(reader, town, endDay).parts();
        assertEquals(List.of(PartKind.BIRTHDAY, PartKind.NOTICE), closing.stream().map(Part::kind).toList());
        assertEquals("[" + endBirthday + (endBirthday == 3 ? "rd" : "th") + " birthday]", closing.getFirst().heading());
        assertTrue(closing.get(1).text().startsWith("Happy " + endBirthday + (endBirthday == 3 ? "rd" : "th")),
                closing.get(1).text());
        assertTrue(composer.compose(reader, town, endDay.plusDays(1)).isEmpty());
    }

    @Test
    void noBirthdayMessageAfterTheProgramEnded() {
        catalogue.withBirthday(TOWN, 4, "ja", "4歳おめでとう");

        assertTrue(composer.compose(reader("ja", Child.born("c1", TODAY.minusYears(4))), FULL, TODAY).isEmpty());
    }

    @Test
    void anOverduePregnancyWithNoBirthReportedIsAskedKindlyHowToReportTheBirth() {
        base(Track.PREGNANCY, 294, "届かない");
        Reader reader = reader("ja", expectedAt("c1", 294));

        DayMessage day = composer.compose(reader, BASE_ONLY, TODAY);

        assertEquals(1, day.parts().size());
        Part question = day.parts().getFirst();
        assertEquals(PartKind.NOTICE, question.kind());
        assertEquals("c1", question.childId());
        assertTrue(question.text().contains("「メニュー」"), question.text());
        assertTrue(question.text().contains("「生まれました」"), question.text());
        assertEquals(List.of("c1"), DayComposer.childrenAskedAboutBirth(reader, BASE_ONLY, TODAY));
    }

    /** The chat's menu labels the button 生まれました: the question must name the button the parent will see. */
    @ParameterizedTest
    @ValueSource(strings = {"ja", "ja-easy", "en"})
    void theBirthQuestionNamesTheMenuButtonAParentActuallySees(String language) {
        String question = composer.compose(reader(language, expectedAt("c1", 294)), BASE_ONLY, TODAY)
                .parts().getFirst().text();

        assertTrue(question.contains("「生まれました」"), question);
        assertFalse(question.contains("出生の報告"), question);
    }

    @Test
    void theBirthQuestionIsAskedOnlyOnce() {
        Child asked = expectedAt("c1", 300).askedAboutBirth(TODAY.minusDays(6));
        Reader reader = reader("ja", asked);

        assertTrue(composer.compose(reader, FULL, TODAY).isEmpty());
        assertEquals(List.of(), DayComposer.childrenAskedAboutBirth(reader, FULL, TODAY));
    }

    @Test
    void aRetryOfTheDayTheQuestionWasRecordedStillCarriesIt() {
        Reader reader = reader("ja", expectedAt("c1", 294).askedAboutBirth(TODAY));

        assertEquals(List.of(PartKind.NOTICE),
                composer.compose(reader, FULL, TODAY).parts().stream().map(Part::kind).toList());
    }

    @Test
    void overdueTwinsAreAskedOnceAndBothAreRecorded() {
        Reader reader = reader("en", expectedAt("c1", 294), expectedAt("c2", 294));

        DayMessage day = composer.compose(reader, FULL, TODAY);

        assertEquals(1, day.parts().size());
        assertTrue(day.parts().getFirst().text().startsWith("Your due date has passed."));
        assertEquals(List.of("c1", "c2"), DayComposer.childrenAskedAboutBirth(reader, FULL, TODAY));
    }

    @Test
    void theLastPregnancyDayIsNotOverdue() {
        base(Track.PREGNANCY, 293, "41週6日のころ");
        Reader reader = reader("ja", expectedAt("c1", 293));

        assertEquals(List.of(part(PartKind.BASE, "c1", "【妊娠41週6日】", "41週6日のころ")),
                composer.compose(reader, FULL, TODAY).parts());
        assertEquals(List.of(), DayComposer.childrenAskedAboutBirth(reader, FULL, TODAY));
    }

    @Test
    void aTownWithoutSignatureSignsWithItsName() {
        local(Track.CHILD, 0, "ご出産おめでとうございます。");
        Municipality unsigned = new Municipality(TOWN, "さくら町", null, null, Plan.FULL, 3, 7, null, null, true);

        DayMessage day = composer.compose(reader("ja", bornAgo("c1", 0)), unsigned, TODAY);

        assertEquals(List.of(part(PartKind.LOCAL, "c1", "【生後0日】", "ご出産おめでとうございます。\nさくら町より")),
                day.parts());
    }
}
