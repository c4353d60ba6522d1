package jp.yorisoi.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The day math of both tracks (DOMAIN.md): pregnancy day from the due date, age from the birth date,
 * the program window and birthdays. Pure: every method takes {@code today}; nothing reads a clock.
 */
public final class ProgramSchedule {

    /** All dates are Japanese calendar dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    public static final int DUE_DAY = 280;
    public static final int FIRST_PREGNANCY_DAY = 28;
    public static final int LAST_PREGNANCY_DAY = 293;
    public static final int DEFAULT_END_BIRTHDAY = 3;
    public static final int MAX_END_BIRTHDAY = 6;

    private ProgramSchedule() {}

    /** p = 280 − (due − today); may be negative or past 293. */
    public static int pregnancyDay(LocalDate dueDate, LocalDate today) {
        return DUE_DAY - (int) ChronoUnit.DAYS.between(today, dueDate);
    }

    /** Age in days; the birth date itself is day 0. */
    public static int ageInDays(LocalDate birthDate, LocalDate today) {
        return (int) ChronoUnit.DAYS.between(birthDate, today);
    }

    /** The calendar day the child turns {@code years}; a 29 February birthday falls on 28 February in common years. */
    public static LocalDate birthday(LocalDate birthDate, int years) {
        // plusYears already clamps 29 Feb to 28 Feb in common years.
        return birthDate.plusYears(years);
    }

    /** The last day the child track sends: the day before the end birthday. */
    public static LocalDate lastProgramDay(LocalDate birthDate, int endBirthday) {
        return birthday(birthDate, endBirthday).minusDays(1);
    }

    /** Earliest birth date still inside the program today (the date picker's minimum). */
    public static LocalDate earliestBirthDateInProgram(LocalDate today, int endBirthday) {
        LocalDate candidate = today.minusYears(endBirthday).plusDays(1);
        // On 28 Feb of a common year the candidate can be a 29 Feb born endBirthday years ago, whose end
        // birthday is celebrated today: that child has just left the program, so the next day is the earliest.
        if (!birthday(candidate, endBirthday).isAfter(today)) {
            return candidate.plusDays(1);
        }
        return candidate;
    }

    /** The due date range the registration accepts today: 41w6d today up to 280 days ahead. */
    public static LocalDate earliestDueDate(LocalDate today) {
        return today.minusDays(LAST_PREGNANCY_DAY - DUE_DAY);
    }

    public static LocalDate latestDueDate(LocalDate today) {
        return today.plusDays(DUE_DAY);
    }

    /** The day a pregnancy reaches 4w0d. */
    public static LocalDate pregnancyStart(LocalDate dueDate) {
        return dueDate.minusDays(DUE_DAY - FIRST_PREGNANCY_DAY);
    }

    /** Whole years completed on {@code today}, honouring the 29 February rule. */
    public static int completedYears(LocalDate birthDate, LocalDate today) {
        return completedMonths(birthDate, today) / 12;
    }

    /** Whole months past the last birthday (0–11), for headings such as 【1歳3か月】. */
    public static int monthsSinceBirthday(LocalDate birthDate, LocalDate today) {
        return completedMonths(birthDate, today) % 12;
    }

    /**
     * Whole months since birth. A month is complete on the same day of the month as the birth date or, when the
     * month is too short (born on the 31st, or 29 Feb in a common year), on its last day: the same rule that
     * celebrates a 29 February birthday on 28 February. Counting from the birth date itself, never from a
     * clamped birthday, keeps a 29 Feb child's months on the 29th after February.
     */
    static int completedMonths(LocalDate birthDate, LocalDate today) {
        // MONTHS.between does not clamp (31 Jan → 28 Feb is 0 months), so it can be one short, never over.
        int months = (int) ChronoUnit.MONTHS.between(birthDate, today);
        return birthDate.plusMonths(months + 1L).isAfter(today) ? months : months + 1;
    }

    /** The years of a birthday falling on {@code today}, or 0 when today is no birthday. */
    public static int birthdayYearsOn(LocalDate birthDate, LocalDate today) {
        int years = completedYears(birthDate, today);
        return years > 0 && birthday(birthDate, years).equals(today) ? years : 0;
    }

    /** The position of a pregnancy (no birth reported yet). */
    public static Position pregnancyPosition(LocalDate dueDate, LocalDate today) {
        int day = pregnancyDay(dueDate, today);
        if (day < FIRST_PREGNANCY_DAY) {
            return new Position.BeforeStart(day, pregnancyStart(dueDate));
        }
        if (day > LAST_PREGNANCY_DAY) {
            return new Position.PregnancyOverdue(day);
        }
        return new Position.Pregnancy(day);
    }

    /** The position of a born child in a program ending on the {@code endBirthday}. */
    public static Position childPosition(LocalDate birthDate, LocalDate today, int endBirthday) {
        if (birthDate.isAfter(today)) {
            return new Position.NotYetBorn(birthDate);
        }
        if (today.isAfter(lastProgramDay(birthDate, endBirthday))) {
            return new Position.Ended(endBirthday);
        }
        return new Position.Child(ageInDays(birthDate, today), completedYears(birthDate, today),
                monthsSinceBirthday(birthDate, today));
    }

    /** Today's position from whichever anchor the child has: a reported birth wins over the due date. */
    public static Position position(LocalDate dueDate, LocalDate birthDate, LocalDate today, int endBirthday) {
        if (birthDate != null) {
            return childPosition(birthDate, today, endBirthday);
        }
        if (dueDate == null) {
            throw new IllegalArgumentException("a child needs a due date or a birth date");
        }
        return pregnancyPosition(dueDate, today);
    }
}
