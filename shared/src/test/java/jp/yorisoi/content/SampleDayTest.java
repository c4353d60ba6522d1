package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
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
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample base text composed day by day: the window edges and the cadence decide which days send. */
class SampleDayTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-09");
    private static final Municipality BASE_ONLY = new Municipality("sakura", "さくら市", null, null, Plan.BASE_ONLY, 3,
            8, List.of("ja", "ja-easy", "en"), null, true);
    private static final MapCatalogue CATALOGUE = new MapCatalogue();

    @BeforeAll
    static void importTheSampleBaseText() {
        for (String file : List.of("base/ja.csv", "base/ja-easy.csv", "base/en.csv")) {
            CATALOGUE.importAll(SampleContent.parse(file, ContentOwner.BASE).entries());
        }
    }

    private static List<Part> day(String language, Child child) {
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        Reader reader = new Reader("sakura", Reader.idFor("sakura", Channel.LINE, "U1"), Channel.LINE, "U1",
                Role.PARTNER, language, ReaderStatus.ACTIVE, List.of(child), Map.of(), created, created, 1);
        return new DayComposer(CATALOGUE).compose(reader, BASE_ONLY, TODAY).parts();
    }

    @ParameterizedTest(name = "pregnancy day {0}: {1}")
    @CsvSource({"27, ", "28, 【妊娠4週0日】", "29, 【妊娠4週1日】", "280, 【妊娠40週0日】", "293, 【妊娠41週6日】"})
    void thePregnancyTrackSendsEveryDayFrom4w0dTo41w6d(int pregnancyDay, String heading) {
        List<Part> parts = day("ja", Child.expected("c1", TODAY.plusDays(280 - pregnancyDay)));

        assertEquals(heading == null ? List.of() : List.of(heading), parts.stream().map(Part::heading).toList());
    }

    @ParameterizedTest(name = "pregnancy day {0}")
    @CsvSource({"294", "300"})
    void pastTheTrackOnlyTheBirthQuestionIsSent(int pregnancyDay) {
        List<Part> parts = day("ja", Child.expected("c1", TODAY.plusDays(280 - pregnancyDay)));

        assertEquals(List.of(PartKind.NOTICE), parts.stream().map(Part::kind).toList());
    }

    @ParameterizedTest(name = "age {0} days: {1}")
    @CsvSource({
            "0, 【生後0日】", "100, 【生後100日】", "101, ", "102, ", "103, 【生後103日】",
            "361, 【生後361日】", "362, ", "364, 【生後364日】",
            "365, 【1歳0か月】", "366, ", "372, 【1歳0か月】", "729, 【1歳11か月】",
            "730, 【2歳0か月】", "731, ", "744, 【2歳0か月】", "1094, 【2歳11か月】", "1095, ",
    })
    void theChildTrackSendsDailyTo100ThenEvery3DaysThenWeeklyAtAge1AndFortnightlyAtAge2(int ageDays,
            String heading) {
        // day 1095 is still inside the program here (the three years hold 29 February 2024) but has no text
        LocalDate born = TODAY.minusDays(ageDays);
        List<Part> parts = day("ja", Child.born("c1", born));

        assertEquals(heading == null ? List.of() : List.of(heading), parts.stream().map(Part::heading).toList());
    }

    @ParameterizedTest(name = "{0} reader on pregnancy day {1} reads {2}")
    @CsvSource({"en, 41, en", "en, 42, ja", "ja-easy, 90, ja-easy", "ja-easy, 91, ja", "fr, 28, ja"})
    void aLanguageWithMissingTextsFallsBackToJapaneseDayByDay(String language, int pregnancyDay, String served) {
        List<Part> parts = day(language, Child.expected("c1", TODAY.plusDays(280 - pregnancyDay)));

        assertEquals(List.of(CATALOGUE.daily(ContentOwner.BASE, Track.PREGNANCY, pregnancyDay, served).orElseThrow()),
                parts.stream().map(Part::text).toList());
    }
}
