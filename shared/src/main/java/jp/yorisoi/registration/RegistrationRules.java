package jp.yorisoi.registration;

import java.time.LocalDate;
import java.util.Optional;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * The rules every registration surface applies (the LINE chat, the e-mail signup and settings pages): which due
 * and birth dates the program accepts on a day, and how many children one reader may have at once.
 */
public final class RegistrationRules {

    /**
     * Every LINE child picker offers one quick-reply button per active child and LINE allows 13 buttons; the
     * e-mail pages keep the same limit so a reader may move between channels without losing a child.
     */
    public static final int MAX_ACTIVE_CHILDREN = 13;

    /** Why a date cannot anchor a child today. */
    public enum DateProblem { DUE_TOO_FAR, DUE_PASSED, BIRTH_IN_FUTURE, PAST_PROGRAM }

    private RegistrationRules() {}

    /** A due date is accepted from 41w6d today (two weeks past) up to 280 days ahead. */
    public static Optional<DateProblem> dueDateProblem(LocalDate due, LocalDate today) {
        if (due.isAfter(ProgramSchedule.latestDueDate(today))) {
            return Optional.of(DateProblem.DUE_TOO_FAR);
        }
        if (due.isBefore(ProgramSchedule.earliestDueDate(today))) {
            return Optional.of(DateProblem.DUE_PASSED);
        }
        return Optional.empty();
    }

    /** A birth date is accepted up to today, and only while the child is still inside the town's program. */
    public static Optional<DateProblem> birthDateProblem(LocalDate birth, LocalDate today, int endBirthday) {
        if (birth.isAfter(today)) {
            return Optional.of(DateProblem.BIRTH_IN_FUTURE);
        }
        if (birth.isBefore(ProgramSchedule.earliestBirthDateInProgram(today, endBirthday))) {
            return Optional.of(DateProblem.PAST_PROGRAM);
        }
        return Optional.empty();
    }

    /** Whether the reader may add one more child. */
    public static boolean mayAddChild(Reader reader) {
        return reader.activeChildren().size() < MAX_ACTIVE_CHILDREN;
    }
}
