package jp.yorisoi.schedule;

/**
 * Where one child stands in the program on one day, derived from its dates and never stored.
 * Only {@link Pregnancy} and {@link Child} positions receive that day's content.
 */
public sealed interface Position {

    /** Pregnancy known but before 4w0d: the reader waits; the first message comes on {@code startsOn}. */
    record BeforeStart(int pregnancyDay, java.time.LocalDate startsOn) implements Position {}

    /** Inside the pregnancy track, 4w0d (day 28) to 41w6d (day 293). */
    record Pregnancy(int day) implements Position {
        public int week() { return day / 7; }
        public int dayOfWeek() { return day % 7; }
    }

    /** Past 41w6d with no birth reported: pregnancy messages stop and the reader is asked once. */
    record PregnancyOverdue(int pregnancyDay) implements Position {}

    /** Inside the child track: age in days (birth date = day 0) plus calendar years and months. */
    record Child(int ageDays, int years, int months) implements Position {}

    /**
     * The child reached the program's end birthday: no more daily texts. The end birthday itself still brings
     * the birthday message with a closing note; nothing is sent for this child after it.
     */
    record Ended(int endBirthday) implements Position {}

    /** A birth date in the future, which cannot be a child position. */
    record NotYetBorn(java.time.LocalDate birthDate) implements Position {}

    default boolean receivesContent() {
        return this instanceof Pregnancy || this instanceof Child;
    }
}
