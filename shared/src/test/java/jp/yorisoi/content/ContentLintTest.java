package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.yorisoi.content.ContentLint.Check;
import jp.yorisoi.content.ContentLint.Finding;
import jp.yorisoi.content.ContentLint.Severity;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Test;

class ContentLintTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final String TOWN = "sakura";

    private static Municipality town(Plan plan, int endBirthday, String... languages) {
        return new Municipality(TOWN, "さくら市", "さくら市より", "", plan, endBirthday, 8, List.of(languages), null, true);
    }

    /** A base text for every pregnancy day in ja, so that only what a test adds is found. */
    private static List<ContentEntry> fullPregnancyBase(String... languages) {
        List<ContentEntry> base = new ArrayList<>();
        for (String language : languages) {
            IntStream.rangeClosed(ProgramSchedule.FIRST_PREGNANCY_DAY, ProgramSchedule.LAST_PREGNANCY_DAY).forEach(day ->
                    base.add(daily(ContentOwner.BASE, Track.PREGNANCY, day, language, "（サンプル）妊娠" + day)));
        }
        return base;
    }

    private static ContentEntry daily(String owner, Track track, int day, String language, String text) {
        return new ContentEntry(owner, ContentKind.DAILY, track, day, language, text);
    }

    private static List<Finding> of(List<Finding> findings, Check check) {
        return findings.stream().filter(f -> f.check() == check).toList();
    }

    @Test
    void completeContentHasNoFindings() {
        List<ContentEntry> base = fullPregnancyBase("ja", "ja-easy");
        base.add(daily(ContentOwner.BASE, Track.CHILD, 10, "ja", "（サンプル）生後10日"));
        base.add(daily(ContentOwner.BASE, Track.CHILD, 10, "ja-easy", "（サンプル）うまれて10日"));
        List<ContentEntry> local = List.of(daily(TOWN, Track.CHILD, 10, "ja", "（サンプル）健診のご案内"),
                daily(TOWN, Track.CHILD, 10, "ja-easy", "（サンプル）けんしん"));

        assertEquals(List.of(), ContentLint.check(town(Plan.FULL, 3, "ja", "ja-easy"), base, local, List.of(), TODAY));
    }

    @Test
    void aPregnancyDayWithoutAnyBaseTextIsAnError() {
        List<ContentEntry> base = new ArrayList<>(fullPregnancyBase("ja"));
        base.removeIf(e -> e.day() == 100 || e.day() == 101);

        List<Finding> found = of(ContentLint.check(town(Plan.FULL, 3, "ja"), base, List.of(), List.of(), TODAY),
                Check.NO_BASE_TEXT);

        assertEquals(1, found.size());
        assertEquals(List.of(100, 101), found.getFirst().days());
        assertEquals(Severity.ERROR, found.getFirst().severity());
        assertEquals(Track.PREGNANCY, found.getFirst().track());
    }

    @Test
    void aLocalChildTextOnADayWithoutBaseTextIsAWarningButASparseChildBaseIsNot() {
        List<ContentEntry> local = List.of(daily(TOWN, Track.CHILD, 120, "ja", "（サンプル）離乳食教室"));

        List<Finding> found = of(ContentLint.check(town(Plan.FULL, 3, "ja"), fullPregnancyBase("ja"), local,
                List.of(), TODAY), Check.NO_BASE_TEXT);

        assertEquals(1, found.size());
        assertEquals(List.of(120), found.getFirst().days());
        assertEquals(TOWN, found.getFirst().owner());
        assertEquals(Severity.WARNING, found.getFirst().severity());
    }

    @Test
    void theLastChildDayIsTheDayBeforeTheEndBirthdayOfTheLongestYears() {
        assertEquals(3 * 365, ContentLint.lastChildDay(3));
        assertEquals(4 * 365, ContentLint.lastChildDay(4));
        assertEquals(6 * 365 + 1, ContentLint.lastChildDay(6));
        assertEquals(ContentCsv.LAST_CHILD_DAY, ContentLint.lastChildDay(ProgramSchedule.MAX_END_BIRTHDAY));
    }

    @Test
    void localChildTextsAfterTheProgramEndAreNeverSent() {
        List<ContentEntry> base = fullPregnancyBase("ja");
        base.add(daily(ContentOwner.BASE, Track.CHILD, 1095, "ja", "（サンプル）"));
        base.add(daily(ContentOwner.BASE, Track.CHILD, 1096, "ja", "（サンプル）"));
        List<ContentEntry> local = List.of(daily(TOWN, Track.CHILD, 1095, "ja", "（サンプル）最後の日"),
                daily(TOWN, Track.CHILD, 1096, "ja", "（サンプル）届かない"));

        List<Finding> three = of(ContentLint.check(town(Plan.FULL, 3, "ja"), base, local, List.of(), TODAY),
                Check.OUTSIDE_WINDOW);
        List<Finding> six = of(ContentLint.check(town(Plan.FULL, 6, "ja"), base, local, List.of(), TODAY),
                Check.OUTSIDE_WINDOW);

        assertEquals(1, three.size());
        assertEquals(List.of(1096), three.getFirst().days());
        assertEquals(List.of(), six, "a town running to the 6th birthday sends day 1096");
    }

    @Test
    void birthdayMessagesPastTheEndBirthdayAreNeverSent() {
        List<ContentEntry> local = List.of(new ContentEntry(TOWN, ContentKind.BIRTHDAY, null, 3, "ja", "（サンプル）3歳"),
                new ContentEntry(TOWN, ContentKind.BIRTHDAY, null, 4, "ja", "（サンプル）4歳"));

        List<Finding> found = of(ContentLint.check(town(Plan.FULL, 3, "ja"), fullPregnancyBase("ja"), local,
                List.of(), TODAY), Check.OUTSIDE_WINDOW);

        assertEquals(1, found.size());
        assertEquals(List.of(4), found.getFirst().days());
    }

    @Test
    void onTheBaseOnlyPlanLocalTextsAndCalendarMessagesAreNeverSent() {
        List<ContentEntry> local = List.of(daily(TOWN, Track.PREGNANCY, 100, "ja", "（サンプル）母親学級"));
        CalendarMessage fair = new CalendarMessage(TOWN, "m1", TODAY.plusDays(3), Audience.EVERYONE,
                Map.of("ja", "（サンプル）子育てフェア"));

        List<Finding> found = of(ContentLint.check(town(Plan.BASE_ONLY, 3, "ja"), fullPregnancyBase("ja"), local,
                List.of(fair), TODAY), Check.OUTSIDE_WINDOW);

        assertEquals(2, found.size());
        assertEquals(List.of(100), found.get(0).days());
        assertEquals(fair.date(), found.get(1).date());
    }

    @Test
    void aCalendarAudienceNoReaderOfTheProgramHasIsNeverSent() {
        CalendarMessage tooOld = new CalendarMessage(TOWN, "m1", TODAY.plusDays(3),
                new Audience(Track.CHILD, 36, 40, Audience.Unit.MONTHS), Map.of("ja", "（サンプル）"));
        CalendarMessage fine = new CalendarMessage(TOWN, "m2", TODAY.plusDays(3),
                new Audience(Track.CHILD, 30, 40, Audience.Unit.MONTHS), Map.of("ja", "（サンプル）"));
        CalendarMessage pastPregnancy = new CalendarMessage(TOWN, "m3", TODAY.plusDays(3),
                new Audience(Track.PREGNANCY, 294, 300), Map.of("ja", "（サンプル）"));

        List<Finding> found = of(ContentLint.check(town(Plan.FULL, 3, "ja"), fullPregnancyBase("ja"), List.of(),
                List.of(tooOld, fine, pastPregnancy), TODAY), Check.OUTSIDE_WINDOW);

        assertEquals(2, found.size());
        assertTrue(found.get(0).message().contains("m1"));
        assertTrue(found.get(1).message().contains("m3"));
    }

    @Test
    void aDayNeedingMoreThanFiveObjectsCountedInUtf16UnitsIsPackedDensely() {
        // 2,600 apples are 2,600 code points but 5,200 UTF-16 units: each part needs two objects
        String apples = "🍎".repeat(2600);
        List<ContentEntry> base = fullPregnancyBase("ja");
        base.removeIf(e -> e.day() == 100);
        base.add(daily(ContentOwner.BASE, Track.PREGNANCY, 100, "ja", apples));
        List<ContentEntry> local = List.of(daily(TOWN, Track.PREGNANCY, 100, "ja", apples));
        CalendarMessage event = new CalendarMessage(TOWN, "m1", TODAY.plusDays(5),
                new Audience(Track.PREGNANCY, 100, 100), Map.of("ja", apples));

        List<Finding> found = of(ContentLint.check(town(Plan.FULL, 3, "ja"), base, local, List.of(event), TODAY),
                Check.OVER_LINE_LIMITS);

        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of(100), found.getFirst().days());
        assertEquals(TODAY.plusDays(5), found.getFirst().date(), "on the calendar date, three parts of two objects");
        assertEquals(Severity.WARNING, found.getFirst().severity());
    }

    @Test
    void aDayLongerThanFiveFullObjectsIsCut() {
        String long4990 = "あ".repeat(4990);
        List<CalendarMessage> events = IntStream.range(0, 5).mapToObj(i -> new CalendarMessage(TOWN, "m" + i,
                TODAY.plusDays(1), Audience.EVERYONE, Map.of("ja", long4990 + i))).toList();

        List<Finding> found = of(ContentLint.check(town(Plan.FULL, 3, "ja"), fullPregnancyBase("ja"), List.of(),
                events, TODAY), Check.OVER_LINE_LIMITS);

        assertTrue(found.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.track() == Track.PREGNANCY
                && f.days().size() == 266), found.toString());
    }

    @Test
    void aJaTextWithoutAJaEasyEditionIsFoundOnlyWhereTheTownOffersJaEasy() {
        List<ContentEntry> base = fullPregnancyBase("ja", "ja-easy");
        base.removeIf(e -> e.day() == 50 && e.language().equals("ja-easy"));
        List<ContentEntry> local = List.of(daily(TOWN, Track.PREGNANCY, 60, "ja", "（サンプル）"),
                new ContentEntry(TOWN, ContentKind.BIRTHDAY, null, 1, "ja", "（サンプル）1歳"));
        CalendarMessage jaOnly = new CalendarMessage(TOWN, "m1", TODAY.plusDays(2), Audience.EVERYONE,
                Map.of("ja", "（サンプル）"));

        List<Finding> offered = of(ContentLint.check(town(Plan.FULL, 3, "ja", "ja-easy"), base, local,
                List.of(jaOnly), TODAY), Check.MISSING_EDITION);
        List<Finding> notOffered = of(ContentLint.check(town(Plan.FULL, 3, "ja"), base, local, List.of(jaOnly),
                TODAY), Check.MISSING_EDITION);

        assertEquals(List.of(List.of(50), List.of(60), List.of(1), List.of()),
                offered.stream().map(Finding::days).toList());
        assertTrue(offered.stream().allMatch(f -> f.language().equals("ja-easy")));
        assertEquals(List.of(), notOffered);
    }
}
