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
 */
public record Child(String childId, LocalDate dueDate, LocalDate birthDate, ChildStatus status, LocalDate birthAskedOn) {

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
        return new Child(childId, dueDate, reportedBirthDate, status, birthAskedOn);
    }

    public Child withDueDate(LocalDate newDueDate) {
        return new Child(childId, newDueDate, birthDate, status, birthAskedOn);
    }

    public Child lost() {
        return new Child(childId, dueDate, birthDate, ChildStatus.LOST, birthAskedOn);
    }

    public Child askedAboutBirth(LocalDate on) {
        return new Child(childId, dueDate, birthDate, status, on);
    }

    /** Without the dates: a due date or a birth date is personal data and must not reach a log line. */
    @Override
    public String toString() {
        return "Child[childId=" + childId + ", track=" + track() + ", status=" + status + "]";
    }
}
