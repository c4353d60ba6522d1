package jp.yorisoi.reader;

import java.time.LocalDate;
import java.util.Objects;
import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * One pregnancy or child of a reader. The track is derived: a reported birth date puts the child on the
 * child track; until then the due date anchors the pregnancy track.
 *
 * @param childId       stable id within the reader ("c1", "c2", …)
 * @param dueDate       出産予定日, null when registered after birth
 * @param birthDate     生年月日, null until the birth is reported
 * @param status        ACTIVE or LOST
 * @param birthAskedOn  the day the reader was asked whether the baby was born (asked once), or null
 * @param addedOn       the day (town time) the child was added: nothing is sent about it for a day before; null for
 *                      children stored before it was recorded, taken as added long ago
 */
public record Child(String childId, LocalDate dueDate, LocalDate birthDate, ChildStatus status, LocalDate birthAskedOn,
        LocalDate addedOn) {

    /** A child without a recorded day of adding (stored before it was recorded). */
    public Child(String childId, LocalDate dueDate, LocalDate birthDate, ChildStatus status, LocalDate birthAskedOn) {
        this(childId, dueDate, birthDate, status, birthAskedOn, null);
    }

    public Child {
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(status, "status");
        if (dueDate == null && birthDate == null) {
            throw new IllegalArgumentException("a child needs a due date or a birth date");
        }
    }

    public static Child expected(String childId, LocalDate dueDate) {
        return new Child(childId, dueDate, null, ChildStatus.ACTIVE, null);
    }

    public static Child born(String childId, LocalDate birthDate) {
        return new Child(childId, null, birthDate, ChildStatus.ACTIVE, null);
    }

    /** True when {@code day} is not before the child was added. */
    public boolean presentOn(LocalDate day) {
        return addedOn == null || !day.isBefore(addedOn);
    }

    public Child withAddedOn(LocalDate day) {
        return new Child(childId, dueDate, birthDate, status, birthAskedOn, day);
    }

    public Track track() {
        return birthDate != null ? Track.CHILD : Track.PREGNANCY;
    }

    public boolean isActive() {
        return status == ChildStatus.ACTIVE;
    }

    public Position position(LocalDate today, int endBirthday) {
        return ProgramSchedule.position(dueDate, birthDate, today, endBirthday);
    }

    public Child withBirthDate(LocalDate reportedBirthDate) {
        return new Child(childId, dueDate, reportedBirthDate, status, birthAskedOn, addedOn);
    }

    public Child withDueDate(LocalDate newDueDate) {
        return new Child(childId, newDueDate, birthDate, status, birthAskedOn, addedOn);
    }

    public Child lost() {
        return new Child(childId, dueDate, birthDate, ChildStatus.LOST, birthAskedOn, addedOn);
    }

    public Child askedAboutBirth(LocalDate on) {
        return new Child(childId, dueDate, birthDate, status, on, addedOn);
    }

    /** Without the dates: a due date or a birth date is personal data and must not reach a log line. */
    @Override
    public String toString() {
        return "Child[childId=" + childId + ", track=" + track() + ", status=" + status + "]";
    }
}
