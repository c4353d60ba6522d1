package jp.yorisoi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.ChildStatus;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;

/**
 * The counters follow readers through their life (registering, stopping, a loss, blocking, deletion) in DynamoDB
 * Local, and a recording that was missed (the writer died after the reader's write) is made good by the reader's
 * next write.
 */
class CountingReaderStoreIT {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    final LocalTables tables = LocalTables.create();
    final DynamoReaderStore plain = new DynamoReaderStore(tables.dynamo(), tables.readers());
    final DynamoReaderCounters counters = new DynamoReaderCounters(tables.dynamo(), tables.readers());
    final CountingReaderStore readers = new CountingReaderStore(plain, counters);

    @Test
    void countsStayRightAsReadersRegisterStopLoseBlockAndAreDeleted() {
        Reader mother = readers.save(Reader.newcomer("demo", Channel.LINE, "U1", NOW));
        Reader partner = readers.save(Reader.newcomer("demo", Channel.EMAIL, "p@mail.example.jp", NOW));
        assertEquals(2L, stats().get("status#REGISTERING"));

        mother = readers.save(registered(mother, Role.MOTHER, "ja",
                Child.expected("c1", TODAY.plusDays(150)), new Child("c2", null, TODAY.minusDays(400),
                        ChildStatus.ACTIVE, null)));
        partner = readers.save(registered(partner, Role.PARTNER, "en", Child.expected("c1", TODAY.plusDays(150))));
        Map<String, Long> registered = stats();
        assertEquals(0L, registered.getOrDefault("status#REGISTERING", 0L));
        assertEquals(2L, registered.get("registered#2026-11"));
        assertEquals(2L, registered.get("status#ACTIVE"));
        assertEquals(1L, registered.get("channel#LINE"));
        assertEquals(1L, registered.get("role#PARTNER"));
        assertEquals(1L, registered.get("language#en"));
        assertEquals(2L, registered.get("due#2027-04"));
        assertEquals(1L, registered.get("born#2025-10"));

        partner = readers.save(partner.withStatus(ReaderStatus.PAUSED));
        mother = readers.save(mother.withChild(mother.child("c1").orElseThrow().lost()));
        Map<String, Long> later = stats();
        assertEquals(1L, later.get("status#ACTIVE"));
        assertEquals(1L, later.get("status#PAUSED"));
        assertEquals(0L, later.get("role#PARTNER"));
        assertEquals(0L, later.get("due#2027-04"));
        assertEquals(1L, later.get("losses"));
        assertEquals(2L, later.get("registered#2026-11"), "a registration stays counted in its month");

        readers.save(mother.withStatus(ReaderStatus.BLOCKED));
        readers.delete("demo", partner.readerId());
        Map<String, Long> last = stats();
        assertEquals(0L, last.get("status#ACTIVE"));
        assertEquals(1L, last.get("status#BLOCKED"));
        assertEquals(0L, last.get("status#PAUSED"));
        assertEquals(1L, last.get("registered#2026-11"));
        assertEquals(0L, last.get("born#2025-10"));
    }

    @Test
    void aRecordingMissedAfterTheReadersWriteIsMadeGoodByItsNextWrite() {
        Reader reader = readers.save(registered(Reader.newcomer("demo", Channel.LINE, "U2", NOW), Role.MOTHER, "ja",
                Child.expected("c1", TODAY.plusDays(100))));
        // the writer died between the reader's write and its counters
        Reader paused = plain.save(reader.withStatus(ReaderStatus.PAUSED));
        assertEquals(1L, stats().get("status#ACTIVE"));

        readers.save(paused.withLanguage("en"));

        Map<String, Long> healed = stats();
        assertEquals(0L, healed.get("status#ACTIVE"));
        assertEquals(1L, healed.get("status#PAUSED"));
        assertEquals(0L, healed.get("channel#LINE"));
    }

    @Test
    void recordingTheSameWriteTwiceCountsItOnce() {
        Reader reader = readers.save(registered(Reader.newcomer("demo", Channel.LINE, "U3", NOW), Role.OTHER, "ja",
                Child.expected("c1", TODAY.plusDays(100))));

        counters.record(reader);
        counters.record(reader);

        assertEquals(1L, stats().get("status#ACTIVE"));
        assertEquals(1L, stats().get("role#OTHER"));
    }

    private Map<String, Long> stats() {
        return counters.counters("demo");
    }

    private static Reader registered(Reader reader, Role role, String language, Child... children) {
        return reader.withStatus(ReaderStatus.ACTIVE).withRole(role).withLanguage(language)
                .withChildren(List.of(children)).withRegisteredOn(TODAY);
    }
}
