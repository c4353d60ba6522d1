package jp.yorisoi.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import jp.yorisoi.registration.RegistrationRules.DateProblem;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aDueDateIsAcceptedFromTwoWeeksPastToTwoHundredEightyDaysAhead() {
        assertEquals(Optional.empty(), RegistrationRules.dueDateProblem(TODAY.plusDays(280), TODAY));
        assertEquals(Optional.of(DateProblem.DUE_TOO_FAR), RegistrationRules.dueDateProblem(TODAY.plusDays(281), TODAY));
        assertEquals(Optional.empty(), RegistrationRules.dueDateProblem(TODAY.minusDays(13), TODAY));
        assertEquals(Optional.of(DateProblem.DUE_PASSED), RegistrationRules.dueDateProblem(TODAY.minusDays(14), TODAY));
    }

    @Test
    void aBirthDateIsAcceptedUpToTodayWhileTheChildIsInsideTheProgram() {
        assertEquals(Optional.empty(), RegistrationRules.birthDateProblem(TODAY, TODAY, 3));
        assertEquals(Optional.of(DateProblem.BIRTH_IN_FUTURE), RegistrationRules.birthDateProblem(TODAY.plusDays(1), TODAY, 3));
        assertEquals(Optional.empty(), RegistrationRules.birthDateProblem(TODAY.minusYears(3).plusDays(1), TODAY, 3));
        assertEquals(Optional.of(DateProblem.PAST_PROGRAM), RegistrationRules.birthDateProblem(TODAY.minusYears(3), TODAY, 3));
        assertEquals(Optional.empty(), RegistrationRules.birthDateProblem(TODAY.minusYears(3), TODAY, 6),
                "a town with 就学応援 keeps the child to the 6th birthday");
    }
}
