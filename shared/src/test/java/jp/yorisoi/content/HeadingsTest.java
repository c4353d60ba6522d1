package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.ProgramSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingsTest {

    @ParameterizedTest(name = "pregnancy day {0} in {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "28  | ja      | 【妊娠4週0日】",
            "84  | ja      | 【妊娠12週0日】",
            "90  | ja      | 【妊娠12週6日】",
            "280 | ja      | 【妊娠40週0日】",
            "293 | ja      | 【妊娠41週6日】",
            "28  | ja-easy | 【にんしん 4しゅう 0にち】",
            "84  | ja-easy | 【にんしん 12しゅう 0にち】",
            "293 | ja-easy | 【にんしん 41しゅう 6にち】",
            "28  | en      | [Pregnancy week 4, day 0]",
            "90  | en      | [Pregnancy week 12, day 6]",
            "293 | en      | [Pregnancy week 41, day 6]",
    })
    void pregnancyHeadingShowsWeekAndDay(int day, String language, String heading) {
        assertEquals(heading, Headings.of(new Position.Pregnancy(day), language));
    }

    @ParameterizedTest(name = "born {0}, on {1}, in {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "2026-01-01 | 2026-01-01 | ja      | 【生後0日】",
            "2026-01-01 | 2026-02-15 | ja      | 【生後45日】",
            "2026-01-01 | 2026-04-11 | ja      | 【生後100日】",
            "2026-01-01 | 2026-12-31 | ja      | 【生後364日】",
            "2026-01-01 | 2027-01-01 | ja      | 【1歳0か月】",
            "2026-01-01 | 2027-04-01 | ja      | 【1歳3か月】",
            "2026-01-01 | 2028-12-31 | ja      | 【2歳11か月】",
            "2028-02-29 | 2029-02-28 | ja      | 【1歳0か月】",
            "2028-01-31 | 2029-02-28 | ja      | 【1歳1か月】",
            "2026-01-01 | 2026-01-01 | ja-easy | 【うまれて 0にち】",
            "2026-01-01 | 2026-02-15 | ja-easy | 【うまれて 45にち】",
            "2026-01-01 | 2027-04-01 | ja-easy | 【1さい 3かげつ】",
            "2026-01-01 | 2028-12-31 | ja-easy | 【2さい 11かげつ】",
            "2026-01-01 | 2026-01-01 | en      | [Day 0 after birth]",
            "2026-01-01 | 2026-02-15 | en      | [Day 45 after birth]",
            "2026-01-01 | 2027-01-01 | en      | [Age 1 year 0 months]",
            "2028-01-31 | 2029-02-28 | en      | [Age 1 year 1 month]",
            "2026-01-01 | 2027-04-01 | en      | [Age 1 year 3 months]",
            "2026-01-01 | 2028-12-31 | en      | [Age 2 years 11 months]",
    })
    void childHeadingShowsDaysInTheFirstYearThenYearsAndMonths(String born, String today, String language,
            String heading) {
        Position position = ProgramSchedule.childPosition(LocalDate.parse(born), LocalDate.parse(today), 3);
        assertEquals(heading, Headings.of(position, language));
    }

    @ParameterizedTest(name = "birthday {0} in {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "1 | ja      | 【1歳のお誕生日】",
            "3 | ja      | 【3歳のお誕生日】",
            "2 | ja-easy | 【2さい の たんじょうび】",
            "1 | en      | [1st birthday]",
            "2 | en      | [2nd birthday]",
            "3 | en      | [3rd birthday]",
            "6 | en      | [6th birthday]",
    })
    void birthdayHeadingNamesTheYear(int years, String language, String heading) {
        assertEquals(heading, Headings.birthday(years, language));
    }

    @Test
    void aLanguageWithoutHeadingsOfItsOwnReadsTheJapaneseOnes() {
        assertEquals("【生後45日】", Headings.of(ProgramSchedule.childPosition(LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-02-15"), 3), "pt"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ja      | 【妊娠3週6日】 | 【妊娠42週0日】 | 【3歳】 | 【妊娠中】",
            "ja-easy | 【にんしん 3しゅう 6にち】 | 【にんしん 42しゅう 0にち】 | 【3さい】 | 【にんしん ちゅう】",
            "en      | [Pregnancy week 3, day 6] | [Pregnancy week 42, day 0] | [Age 3] | [Pregnancy]",
    })
    void theChatSaysWhereAChildStandsOutsideTheTracksToo(String language, String before, String overdue,
            String ended, String notYetBorn) {
        assertEquals(before, Headings.where(new Position.BeforeStart(27, LocalDate.parse("2026-01-01")), language));
        assertEquals(overdue, Headings.where(new Position.PregnancyOverdue(294), language));
        assertEquals(ended, Headings.where(new Position.Ended(3), language));
        assertEquals(notYetBorn, Headings.where(new Position.NotYetBorn(LocalDate.parse("2026-05-11")), language));
    }

    @Test
    void positionsOutsideTheTracksHaveNoDailyHeading() {
        assertThrows(IllegalArgumentException.class, () -> Headings.of(new Position.Ended(3), "ja"));
        assertThrows(IllegalArgumentException.class, () -> Headings.of(new Position.PregnancyOverdue(294), "en"));
        assertThrows(IllegalArgumentException.class,
                () -> Headings.of(new Position.BeforeStart(27, LocalDate.parse("2026-01-01")), "ja-easy"));
    }

    @Test
    void theRefusalNamesThePositionButNoneOfItsDates() {
        // A pregnancy's start day or a birth date gives away the due date or the birthday: personal data.
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Headings.of(new Position.NotYetBorn(LocalDate.parse("2026-05-11")), "ja"));

        assertTrue(refused.getMessage().contains("NotYetBorn"), refused.getMessage());
        assertFalse(refused.getMessage().contains("2026"), refused.getMessage());
    }
}
