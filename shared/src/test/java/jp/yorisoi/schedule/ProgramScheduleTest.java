package jp.yorisoi.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProgramScheduleTest {

    private static final LocalDate DUE = LocalDate.parse("2026-06-01");
    private static final LocalDate LEAP_BORN = LocalDate.parse("2028-02-29");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theDayIsTheJapaneseCalendarDateNotTheUtcOne() {
        // 08:00 in Tokyo, the default delivery hour, is still the previous evening in UTC, the Lambda clock's zone.
        Instant morningDelivery = Instant.parse("2026-05-31T23:00:00Z");
        LocalDate today = LocalDate.ofInstant(morningDelivery, ProgramSchedule.ZONE);

        assertEquals(d("2026-06-01"), today);
        assertEquals(new Position.Pregnancy(280), ProgramSchedule.pregnancyPosition(DUE, today));
    }

    @Test
    void dueDateIsWeek40Day0() {
        Position position = ProgramSchedule.pregnancyPosition(DUE, DUE);
        assertEquals(new Position.Pregnancy(280), position);
        assertEquals(40, ((Position.Pregnancy) position).week());
        assertEquals(0, ((Position.Pregnancy) position).dayOfWeek());
    }

    @Test
    void pregnancyDay27WaitsForTheStartOn4w0d() {
        assertEquals(new Position.BeforeStart(27, d("2025-09-22")),
                ProgramSchedule.pregnancyPosition(DUE, d("2025-09-21")));
    }

    @Test
    void pregnancyTrackStartsAtWeek4Day0() {
        Position position = ProgramSchedule.pregnancyPosition(DUE, d("2025-09-22"));
        assertEquals(new Position.Pregnancy(28), position);
        assertEquals(4, ((Position.Pregnancy) position).week());
        assertEquals(0, ((Position.Pregnancy) position).dayOfWeek());
        assertTrue(position.receivesContent());
    }

    @Test
    void pregnancyStartIs252DaysBeforeTheDueDate() {
        assertEquals(d("2025-09-22"), ProgramSchedule.pregnancyStart(DUE));
    }

    @Test
    void pregnancyDay293IsTheLastDayAt41w6d() {
        Position position = ProgramSchedule.pregnancyPosition(DUE, d("2026-06-14"));
        assertEquals(new Position.Pregnancy(293), position);
        assertEquals(41, ((Position.Pregnancy) position).week());
        assertEquals(6, ((Position.Pregnancy) position).dayOfWeek());
    }

    @Test
    void pregnancyDay294IsOverdueAndReceivesNoContent() {
        Position position = ProgramSchedule.pregnancyPosition(DUE, d("2026-06-15"));
        assertEquals(new Position.PregnancyOverdue(294), position);
        assertFalse(position.receivesContent());
    }

    @Test
    void farBeforeTheStartTheDayIsNegativeAndStillWaiting() {
        assertEquals(new Position.BeforeStart(-20, d("2025-09-22")),
                ProgramSchedule.pregnancyPosition(DUE, d("2025-08-05")));
    }

    @Test
    void dueDateOn29February2028CountsTheLeapDay() {
        LocalDate leapDue = d("2028-02-29");
        assertEquals(279, ProgramSchedule.pregnancyDay(leapDue, d("2028-02-28")));
        assertEquals(280, ProgramSchedule.pregnancyDay(leapDue, leapDue));
        assertEquals(281, ProgramSchedule.pregnancyDay(leapDue, d("2028-03-01")));
        assertEquals(d("2027-06-22"), ProgramSchedule.pregnancyStart(leapDue));
        assertEquals(new Position.BeforeStart(27, d("2027-06-22")),
                ProgramSchedule.pregnancyPosition(leapDue, d("2027-06-21")));
        assertEquals(new Position.Pregnancy(293), ProgramSchedule.pregnancyPosition(leapDue, d("2028-03-13")));
        assertEquals(new Position.PregnancyOverdue(294),
                ProgramSchedule.pregnancyPosition(leapDue, d("2028-03-14")));
    }

    @Test
    void pregnancyDayRunsOnAcrossTheYearEnd() {
        LocalDate newYearDue = d("2027-01-01");
        assertEquals(279, ProgramSchedule.pregnancyDay(newYearDue, d("2026-12-31")));
        assertEquals(280, ProgramSchedule.pregnancyDay(newYearDue, d("2027-01-01")));
        assertEquals(new Position.Pregnancy(266), ProgramSchedule.pregnancyPosition(d("2027-01-15"), d("2027-01-01")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-15", "2027-01-01", "2026-12-31", "2028-02-29", "2028-03-01"})
    void earliestDueDateIs41w6dToday(String today) {
        LocalDate t = d(today);
        LocalDate earliest = ProgramSchedule.earliestDueDate(t);
        assertEquals(new Position.Pregnancy(293), ProgramSchedule.pregnancyPosition(earliest, t));
        assertEquals(new Position.PregnancyOverdue(294),
                ProgramSchedule.pregnancyPosition(earliest.minusDays(1), t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-15", "2027-01-01", "2026-12-31", "2028-02-29", "2028-03-01"})
    void latestDueDateIs280DaysAheadAtPregnancyDay0(String today) {
        LocalDate t = d(today);
        LocalDate latest = ProgramSchedule.latestDueDate(t);
        assertEquals(t.plusDays(280), latest);
        assertEquals(0, ProgramSchedule.pregnancyDay(latest, t));
    }

    @Test
    void earliestBirthDateOnAnOrdinaryDayIsTheDayAfterTheSameDateEndBirthdayYearsAgo() {
        assertEquals(d("2023-06-16"), ProgramSchedule.earliestBirthDateInProgram(d("2026-06-15"), 3));
        assertEquals(d("2020-06-16"), ProgramSchedule.earliestBirthDateInProgram(d("2026-06-15"), 6));
    }

    @Test
    void on28FebruaryA29FebruaryChildWhoseEndBirthdayIsTodayIsNoLongerInside() {
        // born 2024-02-29: the 3rd birthday is celebrated on 2027-02-28, so that day is already past the program
        assertEquals(d("2024-03-01"), ProgramSchedule.earliestBirthDateInProgram(d("2027-02-28"), 3));
        assertInstanceOf(Position.Ended.class, ProgramSchedule.childPosition(d("2024-02-29"), d("2027-02-28"), 3));
    }

    @Test
    void theDayBefore28FebruaryA29FebruaryChildIsStillInside() {
        assertEquals(d("2024-02-28"), ProgramSchedule.earliestBirthDateInProgram(d("2027-02-27"), 3));
        assertInstanceOf(Position.Child.class, ProgramSchedule.childPosition(d("2024-02-29"), d("2027-02-27"), 3));
    }

    @Test
    void earliestBirthDateIsExactlyTheBoundaryOfTheChildTrackEveryDayForEveryEndBirthday() {
        for (int end = ProgramSchedule.DEFAULT_END_BIRTHDAY; end <= ProgramSchedule.MAX_END_BIRTHDAY; end++) {
            for (LocalDate t = d("2026-01-01"); t.isBefore(d("2033-01-01")); t = t.plusDays(1)) {
                LocalDate earliest = ProgramSchedule.earliestBirthDateInProgram(t, end);
                String where = "today " + t + ", end " + end;
                assertInstanceOf(Position.Child.class, ProgramSchedule.childPosition(earliest, t, end), where);
                assertInstanceOf(Position.Ended.class,
                        ProgramSchedule.childPosition(earliest.minusDays(1), t, end), where);
            }
        }
    }

    @Test
    void birthDateIsDay0() {
        LocalDate born = d("2026-05-10");
        Position position = ProgramSchedule.childPosition(born, born, 3);
        assertEquals(new Position.Child(0, 0, 0), position);
        assertTrue(position.receivesContent());
    }

    @Test
    void birthDateInTheFutureIsNotYetBorn() {
        assertEquals(new Position.NotYetBorn(d("2026-05-11")),
                ProgramSchedule.childPosition(d("2026-05-11"), d("2026-05-10"), 3));
    }

    @Test
    void day100And101AreConsecutiveAges() {
        LocalDate born = d("2026-05-10");
        assertEquals(new Position.Child(100, 0, 3), ProgramSchedule.childPosition(born, d("2026-08-18"), 3));
        assertEquals(new Position.Child(101, 0, 3), ProgramSchedule.childPosition(born, d("2026-08-19"), 3));
    }

    @Test
    void theDayBeforeThe3rdBirthdayIsTheLastDayOfTheDefaultProgram() {
        LocalDate born = d("2025-04-10");
        assertEquals(d("2028-04-09"), ProgramSchedule.lastProgramDay(born, 3));
        assertEquals(new Position.Child(1095, 2, 11), ProgramSchedule.childPosition(born, d("2028-04-09"), 3));
    }

    @Test
    void the3rdBirthdayEndsTheDefaultProgram() {
        Position position = ProgramSchedule.childPosition(d("2025-04-10"), d("2028-04-10"), 3);
        assertEquals(new Position.Ended(3), position);
        assertFalse(position.receivesContent());
    }

    @Test
    void aProgramExtendedTo6KeepsTheChildOnItsThirdBirthday() {
        assertEquals(new Position.Child(1096, 3, 0), ProgramSchedule.childPosition(d("2025-04-10"), d("2028-04-10"), 6));
    }

    @Test
    void theDayBeforeThe6thBirthdayIsTheLastDayOfAnExtendedProgram() {
        LocalDate born = d("2025-04-10");
        assertEquals(new Position.Child(2190, 5, 11), ProgramSchedule.childPosition(born, d("2031-04-09"), 6));
        assertEquals(new Position.Ended(6), ProgramSchedule.childPosition(born, d("2031-04-10"), 6));
    }

    @ParameterizedTest(name = "born {0}, program to the {1}th birthday: last day {2}, ended on {3}")
    @CsvSource({
            "2025-04-10, 3, 2028-04-09, 2028-04-10",
            "2025-04-10, 4, 2029-04-09, 2029-04-10",
            "2025-04-10, 5, 2030-04-09, 2030-04-10",
            "2025-04-10, 6, 2031-04-09, 2031-04-10",
            "2028-02-29, 3, 2031-02-27, 2031-02-28",
            "2028-02-29, 4, 2032-02-28, 2032-02-29",  // the 4th birthday falls in a leap year, on the day itself
            "2028-02-29, 5, 2033-02-27, 2033-02-28",
            "2028-02-29, 6, 2034-02-27, 2034-02-28",
            "2026-12-31, 3, 2029-12-30, 2029-12-31",
            "2026-12-31, 4, 2030-12-30, 2030-12-31",
            "2027-01-01, 5, 2031-12-31, 2032-01-01",  // the last day is New Year's Eve
            "2027-01-01, 6, 2032-12-31, 2033-01-01",
    })
    void everyEndBirthdayEndsTheChildTrackWithTheDayBeforeAsTheLastDay(String born, int endBirthday,
            String lastDay, String endDay) {
        LocalDate birth = d(born);
        LocalDate last = d(lastDay);
        LocalDate end = d(endDay);

        assertEquals(last, ProgramSchedule.lastProgramDay(birth, endBirthday));
        Position onLastDay = ProgramSchedule.childPosition(birth, last, endBirthday);
        assertEquals(new Position.Child(ProgramSchedule.ageInDays(birth, last), endBirthday - 1, 11), onLastDay);
        assertTrue(onLastDay.receivesContent());
        assertEquals(new Position.Ended(endBirthday), ProgramSchedule.childPosition(birth, end, endBirthday));
        assertEquals(endBirthday, ProgramSchedule.birthdayYearsOn(birth, end));
        assertEquals(new Position.Ended(endBirthday), ProgramSchedule.childPosition(birth, end.plusDays(1), endBirthday));
    }

    @Test
    void a29FebruaryChildLeavesTheProgramOn28FebruaryOfItsEndYear() {
        LocalDate born = d("2028-02-29");
        assertEquals(d("2031-02-27"), ProgramSchedule.lastProgramDay(born, 3));
        assertEquals(new Position.Child(1094, 2, 11), ProgramSchedule.childPosition(born, d("2031-02-27"), 3));
        assertEquals(new Position.Ended(3), ProgramSchedule.childPosition(born, d("2031-02-28"), 3));
    }

    @Test
    void ageRunsOnAcrossTheYearEnd() {
        LocalDate born = d("2026-12-31");
        assertEquals(new Position.Child(1, 0, 0), ProgramSchedule.childPosition(born, d("2027-01-01"), 3));
        assertEquals(new Position.Child(364, 0, 11), ProgramSchedule.childPosition(born, d("2027-12-30"), 3));
        assertEquals(new Position.Child(365, 1, 0), ProgramSchedule.childPosition(born, d("2027-12-31"), 3));
        assertEquals(new Position.Child(366, 1, 0), ProgramSchedule.childPosition(born, d("2028-01-01"), 3));
    }

    @Test
    void aBirthdayIsTheCalendarAnniversary() {
        assertEquals(d("2027-04-10"), ProgramSchedule.birthday(d("2026-04-10"), 1));
        assertEquals(1, ProgramSchedule.birthdayYearsOn(d("2026-04-10"), d("2027-04-10")));
        assertEquals(0, ProgramSchedule.birthdayYearsOn(d("2026-04-10"), d("2027-04-09")));
        assertEquals(0, ProgramSchedule.birthdayYearsOn(d("2026-04-10"), d("2027-04-11")));
    }

    @Test
    void theBirthDateItselfIsNoBirthday() {
        assertEquals(0, ProgramSchedule.birthdayYearsOn(d("2026-04-10"), d("2026-04-10")));
    }

    @Test
    void a29FebruaryChildCelebratesOn28FebruaryInCommonYears() {
        assertEquals(d("2029-02-28"), ProgramSchedule.birthday(LEAP_BORN, 1));
        assertEquals(1, ProgramSchedule.birthdayYearsOn(LEAP_BORN, d("2029-02-28")));
        assertEquals(0, ProgramSchedule.birthdayYearsOn(LEAP_BORN, d("2029-03-01")));
        assertEquals(0, ProgramSchedule.completedYears(LEAP_BORN, d("2029-02-27")));
        assertEquals(1, ProgramSchedule.completedYears(LEAP_BORN, d("2029-02-28")));
        assertEquals(3, ProgramSchedule.birthdayYearsOn(LEAP_BORN, d("2031-02-28")));
    }

    @Test
    void a29FebruaryChildCelebratesOn29FebruaryIn2032() {
        assertEquals(d("2032-02-29"), ProgramSchedule.birthday(LEAP_BORN, 4));
        assertEquals(0, ProgramSchedule.birthdayYearsOn(LEAP_BORN, d("2032-02-28")));
        assertEquals(3, ProgramSchedule.completedYears(LEAP_BORN, d("2032-02-28")));
        assertEquals(4, ProgramSchedule.birthdayYearsOn(LEAP_BORN, d("2032-02-29")));
        assertEquals(4, ProgramSchedule.completedYears(LEAP_BORN, d("2032-02-29")));
    }

    @Test
    void aNewYearsEveChildHasItsBirthdayOn31December() {
        assertEquals(1, ProgramSchedule.birthdayYearsOn(d("2026-12-31"), d("2027-12-31")));
        assertEquals(0, ProgramSchedule.birthdayYearsOn(d("2026-12-31"), d("2028-01-01")));
        assertEquals(1, ProgramSchedule.birthdayYearsOn(d("2027-01-01"), d("2028-01-01")));
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2} years {3} months")
    @CsvSource({
            "2025-01-31, 2025-02-27, 0, 0",
            "2025-01-31, 2025-02-28, 0, 1",  // 31 Jan + 1 month is the last day of February
            "2025-01-31, 2025-03-30, 0, 1",
            "2025-01-31, 2025-03-31, 0, 2",
            "2025-01-31, 2025-04-30, 0, 3",  // April has no 31st
            "2025-01-31, 2026-01-30, 0, 11",
            "2025-01-31, 2026-01-31, 1, 0",
            "2025-01-31, 2026-02-28, 1, 1",
            "2027-01-31, 2028-02-28, 1, 0",  // a leap February has its 29th
            "2027-01-31, 2028-02-29, 1, 1",
            "2026-03-31, 2026-04-30, 0, 1",
            "2026-05-10, 2026-06-09, 0, 0",
            "2026-05-10, 2026-06-10, 0, 1",
            "2028-02-29, 2029-02-28, 1, 0",
            "2028-02-29, 2029-03-28, 1, 0",  // months of a 29 Feb child fall on the 29th, not the clamped 28th
            "2028-02-29, 2029-03-29, 1, 1",
            "2028-02-29, 2032-02-28, 3, 11",
            "2028-02-29, 2032-02-29, 4, 0",
            "2026-12-31, 2027-01-30, 0, 0",
            "2026-12-31, 2027-01-31, 0, 1",
            "2026-12-31, 2027-02-28, 0, 2",
            "2026-12-31, 2027-12-31, 1, 0",
            "2026-12-15, 2027-01-15, 0, 1",
    })
    void yearsAndMonthsCountCompletedCalendarMonths(String born, String today, int years, int months) {
        assertEquals(years, ProgramSchedule.completedYears(d(born), d(today)));
        assertEquals(months, ProgramSchedule.monthsSinceBirthday(d(born), d(today)));
    }

    @Test
    void monthsSinceBirthdayStaysBetween0And11AndYearsNeverDecreaseOverSixYears() {
        LocalDate born = d("2028-01-31");
        int previousTotal = 0;
        for (LocalDate t = born; t.isBefore(d("2034-03-01")); t = t.plusDays(1)) {
            int months = ProgramSchedule.monthsSinceBirthday(born, t);
            int total = ProgramSchedule.completedYears(born, t) * 12 + months;
            assertTrue(months >= 0 && months <= 11, t.toString());
            assertTrue(total == previousTotal || total == previousTotal + 1, t.toString());
            previousTotal = total;
        }
        assertEquals(6 * 12 + 1, previousTotal);
    }

    @Test
    void aReportedBirthDateWinsOverTheDueDate() {
        assertEquals(new Position.Child(3, 0, 0),
                ProgramSchedule.position(d("2026-06-01"), d("2026-05-10"), d("2026-05-13"), 3));
    }

    @Test
    void withoutBirthDateTheDueDateGivesThePregnancyPosition() {
        assertEquals(new Position.Pregnancy(280), ProgramSchedule.position(d("2026-06-01"), null, d("2026-06-01"), 3));
    }

    @Test
    void noDatesAtAllIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProgramSchedule.position(null, null, d("2026-06-01"), 3));
    }
}
