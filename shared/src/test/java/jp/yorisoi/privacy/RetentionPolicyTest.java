package jp.yorisoi.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import jp.yorisoi.reader.Dormancy;
import jp.yorisoi.reader.Dormancy.Kind;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final RetentionPolicy DEFAULT = RetentionPolicy.DEFAULT;

    @Test
    void theDefaultsAre30DaysUnfinishedSixMonthsCutOffAnd90DaysAfterTheProgram() {
        assertEquals(new RetentionPolicy(30, 183, 90), DEFAULT);
    }

    @Test
    void anUnfinishedRegistrationIsDueOnItsThirtiethDay() {
        assertTrue(DEFAULT.due(new Dormancy(Kind.UNFINISHED, TODAY.minusDays(30)), TODAY, 3));
        assertFalse(DEFAULT.due(new Dormancy(Kind.UNFINISHED, TODAY.minusDays(29)), TODAY, 3));
    }

    @Test
    void aCutOffReaderIsDueAfterSixMonths() {
        assertTrue(DEFAULT.due(new Dormancy(Kind.CUT_OFF, TODAY.minusDays(183)), TODAY, 3));
        assertFalse(DEFAULT.due(new Dormancy(Kind.CUT_OFF, TODAY.minusDays(182)), TODAY, 3));
    }

    @Test
    void aGrownChildsReaderIsDueTheSetTimeAfterTheLastMessageTheDayBeforeTheTownsEndBirthday() {
        LocalDate born = LocalDate.of(2023, 9, 4);
        assertTrue(DEFAULT.due(new Dormancy(Kind.GROWN, born), TODAY, 3));
        assertFalse(DEFAULT.due(new Dormancy(Kind.GROWN, born.plusDays(1)), TODAY, 3));
        assertFalse(DEFAULT.due(new Dormancy(Kind.GROWN, born), TODAY, 6), "a town running to the 6th birthday");
    }

    @Test
    void theIndexCutoffOfEveryKindLetsThroughEveryoneDue() {
        for (Kind kind : Kind.values()) {
            LocalDate cutoff = DEFAULT.dueSinceOnOrBefore(kind, TODAY, 3);
            assertTrue(DEFAULT.due(new Dormancy(kind, cutoff), TODAY, 3), kind.name());
            assertFalse(DEFAULT.due(new Dormancy(kind, cutoff.plusDays(1)), TODAY, 3), kind.name());
        }
    }

    @Test
    void aPeriodOutsideAWeekToFourHundredDaysIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(6, 183, 90));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(30, 401, 90));
    }
}
