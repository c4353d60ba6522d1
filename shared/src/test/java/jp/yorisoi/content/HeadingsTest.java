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

    @ParameterizedTest(name = "pregnancy day {0} → {1}")
    @CsvSource({"28, 【妊娠4週0日】", "84, 【妊娠12週0日】", "90, 【妊娠12週6日】", "280, 【妊娠40週0日】", "293, 【妊娠41週6日】"})
    void pregnancyHeadingShowsWeekAndDay(int day, String heading) {
        assertEquals(heading, Headings.of(new Position.Pregnancy(day)));
    }

    @ParameterizedTest(name = "born {0}, on {1} → {2}")
    @CsvSource({
            "2026-01-01, 2026-01-01, 【生後0日】",
            "2026-01-01, 2026-02-15, 【生後45日】",
            "2026-01-01, 2026-04-11, 【生後100日】",
            "2026-01-01, 2026-12-31, 【生後364日】",
            "2026-01-01, 2027-01-01, 【1歳0か月】",
            "2026-01-01, 2027-04-01, 【1歳3か月】",
            "2026-01-01, 2028-12-31, 【2歳11か月】",
            "2028-02-29, 2029-02-28, 【1歳0か月】",
            "2028-01-31, 2029-02-28, 【1歳1か月】",
    })
    void childHeadingShowsDaysInTheFirstYearThenYearsAndMonths(String born, String today, String heading) {
        Position position = ProgramSchedule.childPosition(LocalDate.parse(born), LocalDate.parse(today), 3);
        assertEquals(heading, Headings.of(position));
    }

    @Test
    void positionsOutsideTheTracksHaveNoHeading() {
        assertThrows(IllegalArgumentException.class, () -> Headings.of(new Position.Ended(3)));
        assertThrows(IllegalArgumentException.class, () -> Headings.of(new Position.PregnancyOverdue(294)));
        assertThrows(IllegalArgumentException.class,
                () -> Headings.of(new Position.BeforeStart(27, LocalDate.parse("2026-01-01"))));
    }

    @Test
    void theRefusalNamesThePositionButNoneOfItsDates() {
        // A pregnancy's start day or a birth date gives away the due date or the birthday: personal data.
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Headings.of(new Position.NotYetBorn(LocalDate.parse("2026-05-11"))));

        assertTrue(refused.getMessage().contains("NotYetBorn"), refused.getMessage());
        assertFalse(refused.getMessage().contains("2026"), refused.getMessage());
    }
}
