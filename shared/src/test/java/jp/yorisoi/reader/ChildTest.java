package jp.yorisoi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Test;

class ChildTest {

    private static final LocalDate DUE = LocalDate.parse("2026-06-01");

    @Test
    void anExpectedChildIsOnThePregnancyTrack() {
        Child child = Child.expected("c1", DUE);
        assertEquals(Track.PREGNANCY, child.track());
        assertEquals(new Position.Pregnancy(280), child.position(DUE, 3));
    }

    @Test
    void aChangedDueDateMovesThePositionFromTheNextDayWithoutRepair() {
        Child before = Child.expected("c1", DUE);
        LocalDate today = LocalDate.parse("2026-03-02");
        assertEquals(new Position.Pregnancy(189), before.position(today, 3));

        Child after = before.withDueDate(LocalDate.parse("2026-05-25"));
        LocalDate tomorrow = today.plusDays(1);
        assertEquals(new Position.Pregnancy(197), after.position(tomorrow, 3));
        assertEquals(new Position.Pregnancy(190), before.position(tomorrow, 3));
    }

    @Test
    void aBirthBeforeTheDueDateStartsTheChildTrackAtDay0() {
        LocalDate born = LocalDate.parse("2026-05-10");
        Child child = Child.expected("c1", DUE).withBirthDate(born);
        assertEquals(Track.CHILD, child.track());
        assertEquals(new Position.Child(0, 0, 0), child.position(born, 3));
        assertEquals(new Position.Child(1, 0, 0), child.position(born.plusDays(1), 3));
        assertEquals(DUE, child.dueDate());
    }

    @Test
    void aBirthAfterTheDueDateStartsTheChildTrackAtDay0() {
        LocalDate born = LocalDate.parse("2026-06-10");
        Child child = Child.expected("c1", DUE);
        assertEquals(new Position.Pregnancy(289), child.position(born, 3));
        assertEquals(new Position.Child(0, 0, 0), child.withBirthDate(born).position(born, 3));
    }

    @Test
    void aBirthReportedAfterThePregnancyTrackEndedStillGivesTheRealAge() {
        Child overdue = Child.expected("c1", DUE);
        LocalDate today = LocalDate.parse("2026-06-20");
        assertEquals(new Position.PregnancyOverdue(299), overdue.position(today, 3));
        Child born = overdue.askedAboutBirth(today).withBirthDate(LocalDate.parse("2026-06-12"));
        assertEquals(new Position.Child(8, 0, 0), born.position(today, 3));
        assertEquals(today, born.birthAskedOn());
    }

    @Test
    void aChildRegisteredAfterBirthHasNoDueDate() {
        Child child = Child.born("c2", LocalDate.parse("2025-01-31"));
        assertEquals(Track.CHILD, child.track());
        assertEquals(new Position.Child(28, 0, 1), child.position(LocalDate.parse("2025-02-28"), 3));
    }

    @Test
    void aLostChildIsNoLongerActiveButKeepsItsDates() {
        Child lost = Child.expected("c1", DUE).lost();
        assertFalse(lost.isActive());
        assertEquals(ChildStatus.LOST, lost.status());
        assertEquals(DUE, lost.dueDate());
        assertTrue(Child.expected("c1", DUE).isActive());
    }

    @Test
    void aChildNeedsADueDateOrABirthDate() {
        assertThrows(IllegalArgumentException.class, () -> new Child("c1", null, null, ChildStatus.ACTIVE, null));
        assertThrows(IllegalArgumentException.class, () -> Child.expected("c1", DUE).withDueDate(null));
    }
}
