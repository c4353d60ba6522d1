package jp.yorisoi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DormancyTest {

    /** 2026-12-01T16:00Z is already 2 December in Tokyo. */
    static final Instant CREATED = Instant.parse("2026-12-01T16:00:00Z");
    static final Instant CHANGED = Instant.parse("2027-01-10T03:00:00Z");

    private static Reader reader(ReaderStatus status, List<Child> children) {
        return Reader.newcomer("demo", Channel.LINE, "U1", CREATED).withStatus(status).withChildren(children)
                .withUpdatedAt(CHANGED);
    }

    @Test
    void anUnfinishedRegistrationCountsFromItsFirstMessageInTokyo() {
        assertEquals(Optional.of(new Dormancy(Dormancy.Kind.UNFINISHED, LocalDate.of(2026, 12, 2))),
                Dormancy.of(reader(ReaderStatus.REGISTERING, List.of())));
    }

    @Test
    void blockedUnreachableAndUnsubscribedReadersCountFromTheirLastChange() {
        for (ReaderStatus status : List.of(ReaderStatus.BLOCKED, ReaderStatus.UNREACHABLE, ReaderStatus.UNSUBSCRIBED)) {
            assertEquals(Optional.of(new Dormancy(Dormancy.Kind.CUT_OFF, LocalDate.of(2027, 1, 10))),
                    Dormancy.of(reader(status, List.of(Child.born("c1", LocalDate.of(2026, 5, 1))))));
        }
    }

    @Test
    void aReaderWhoseEveryChildWasLostCountsFromTheLastChange() {
        assertEquals(Optional.of(new Dormancy(Dormancy.Kind.ENDED, LocalDate.of(2027, 1, 10))),
                Dormancy.of(reader(ReaderStatus.ACTIVE, List.of(Child.expected("c1", LocalDate.of(2027, 3, 1)).lost()))));
    }

    @Test
    void aReaderWithOnlyBornChildrenCountsFromTheYoungestBirth() {
        assertEquals(Optional.of(new Dormancy(Dormancy.Kind.GROWN, LocalDate.of(2026, 6, 1))),
                Dormancy.of(reader(ReaderStatus.PAUSED, List.of(Child.born("c1", LocalDate.of(2024, 2, 29)),
                        Child.born("c2", LocalDate.of(2026, 6, 1)), Child.born("c3", LocalDate.of(2026, 9, 1)).lost()))));
    }

    @Test
    void aReaderStillExpectingABabyIsNotDormant() {
        assertEquals(Optional.empty(), Dormancy.of(reader(ReaderStatus.ACTIVE, List.of(
                Child.born("c1", LocalDate.of(2020, 1, 1)), Child.expected("c2", LocalDate.of(2027, 3, 1))))));
    }
}
