package jp.yorisoi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jp.yorisoi.delivery.stubs.LostAnswerDynamo;
import jp.yorisoi.reader.ReaderStore.ActiveReader;
import jp.yorisoi.reader.ReaderStore.ConcurrentChangeException;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class DynamoReaderStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    private final LocalTables tables = LocalTables.create();
    private final DynamoReaderStore store = new DynamoReaderStore(tables.dynamo(), tables.readers());

    @Test
    void readerWithTwinsAndConversationReadsBackAsSaved() {
        Reader reader = Reader.newcomer("m1", Channel.LINE, "U1234", NOW)
                .withRole(Role.PARTNER)
                .withLanguage("ja-easy")
                .withStatus(ReaderStatus.ACTIVE)
                .withChildren(List.of(
                        Child.born("c1", LocalDate.of(2026, 2, 28)),
                        Child.born("c2", LocalDate.of(2026, 2, 28)).askedAboutBirth(LocalDate.of(2026, 2, 20)),
                        Child.expected("c3", LocalDate.of(2027, 3, 1)).lost()))
                .withConversation(Map.of("pending", "dueDate", "childId", "c3"));

        Reader saved = store.save(reader);

        assertEquals(1, saved.version());
        assertEquals(saved, store.find("m1", reader.readerId()).orElseThrow());
        assertEquals(saved, store.findByAddress("m1", Channel.LINE, "U1234").orElseThrow());
    }

    @Test
    void aBatchReadAnswersEveryKeyBeyondOneHundredAsFindWouldWithAbsentReadersEmpty() {
        List<ReaderStore.Key> keys = new ArrayList<>();
        Map<ReaderStore.Key, Reader> saved = new HashMap<>();
        for (int i = 0; i < 130; i++) {
            String town = i % 2 == 0 ? "m1" : "m2";
            Reader reader = store.save(Reader.newcomer(town, Channel.LINE, "U-batch-" + i, NOW).withRole(Role.MOTHER)
                    .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.born("c1", LocalDate.of(2026, 5, 1)))));
            ReaderStore.Key key = new ReaderStore.Key(town, reader.readerId());
            keys.add(key);
            saved.put(key, reader);
        }
        ReaderStore.Key absent = new ReaderStore.Key("m1", Reader.idFor("m1", Channel.LINE, "U-never-registered"));
        keys.add(absent);
        keys.add(keys.get(0));

        Map<ReaderStore.Key, Optional<Reader>> found = store.findAll(keys);

        assertEquals(131, found.size());
        saved.forEach((key, reader) -> assertEquals(Optional.of(reader), found.get(key), key.readerId()));
        assertEquals(Optional.empty(), found.get(absent));
    }

    @Test
    void registrationDayAndTheDayEachChildWasAddedReadBackAsSavedAndReachTheActiveIndex() {
        Reader reader = Reader.newcomer("m1", Channel.LINE, "U-joined", NOW)
                .withRole(Role.MOTHER)
                .withStatus(ReaderStatus.ACTIVE)
                .withRegisteredOn(LocalDate.of(2026, 12, 1))
                .withChildren(List.of(
                        Child.born("c1", LocalDate.of(2026, 5, 1)).withAddedOn(LocalDate.of(2026, 12, 1)),
                        Child.expected("c2", LocalDate.of(2027, 9, 1)).withAddedOn(LocalDate.of(2027, 2, 14))));

        Reader saved = store.save(reader);

        Reader read = store.find("m1", reader.readerId()).orElseThrow();
        assertEquals(saved, read);
        assertEquals(LocalDate.of(2026, 12, 1), read.registeredOn());
        assertEquals(LocalDate.of(2027, 2, 14), read.child("c2").orElseThrow().addedOn());
        assertEquals(Set.of(new ActiveReader(reader.readerId(), Channel.LINE, LocalDate.of(2026, 12, 1))),
                activeIn("m1", store));
    }

    @Test
    void aReaderStoredBeforeRegistrationDaysWereRecordedCountsAsRegisteredLongAgo() {
        Reader reader = Reader.newcomer("m1", Channel.LINE, "U-old", NOW).withRole(Role.MOTHER)
                .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.born("c1", LocalDate.of(2026, 5, 1))));
        store.save(reader);
        // as an item written before registeredOn and addedOn existed: neither attribute is present
        Map<String, AttributeValue> item = tables.dynamo().getItem(r -> r.tableName(tables.readers())
                .key(Map.of("pk", AttributeValue.fromS("m1#" + reader.readerId().charAt(1)),
                        "readerId", AttributeValue.fromS(reader.readerId())))).item();
        assertFalse(item.containsKey("registeredOn"));
        assertFalse(item.get("children").l().getFirst().m().containsKey("addedOn"));

        Reader read = store.find("m1", reader.readerId()).orElseThrow();

        assertEquals(null, read.registeredOn());
        assertTrue(read.registeredBy(LocalDate.of(2000, 1, 1)));
        assertEquals(List.of("c1"), read.activeChildrenOn(LocalDate.of(2026, 5, 1)).stream().map(Child::childId).toList());
        assertTrue(activeIn("m1", store).iterator().next().registeredBy(LocalDate.of(2000, 1, 1)));
    }

    @Test
    void newcomerWithoutChildrenOrRoleReadsBackAsSaved() {
        Reader saved = store.save(Reader.newcomer("m1", Channel.EMAIL, "Parent@Example.jp", NOW));

        assertEquals(saved, store.findByAddress("m1", Channel.EMAIL, "parent@example.jp").orElseThrow());
    }

    @Test
    void unknownReaderIsEmpty() {
        assertTrue(store.find("m1", Reader.idFor("m1", Channel.LINE, "nobody")).isEmpty());
    }

    @Test
    void eachSaveAdvancesTheVersion() {
        Reader first = store.save(Reader.newcomer("m1", Channel.LINE, "U1", NOW));
        Reader second = store.save(first.withStatus(ReaderStatus.ACTIVE));

        assertEquals(2, second.version());
        assertEquals(ReaderStatus.ACTIVE, store.find("m1", first.readerId()).orElseThrow().status());
    }

    @Test
    void saveLosesToAConcurrentSaveOfTheSameVersion() {
        Reader read = store.save(Reader.newcomer("m1", Channel.LINE, "U1", NOW));
        store.save(read.withLanguage("en"));

        assertThrows(ConcurrentChangeException.class, () -> store.save(read.withLanguage("ja-easy")));
        assertEquals("en", store.find("m1", read.readerId()).orElseThrow().language());
    }

    @Test
    void aSaveWhoseAnswerWasLostIsThisSavesAndNotAConcurrentChange() {
        Reader read = store.save(Reader.newcomer("m1", Channel.LINE, "U1", NOW));
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof PutItemRequest);
        DynamoReaderStore overLossyNetwork = new DynamoReaderStore(lossy.client(), tables.readers());

        Reader saved = overLossyNetwork.save(read.withLanguage("en"));

        assertTrue(lossy.lostAnAnswer());
        assertEquals(2, lossy.matchingRequestsSent());
        assertEquals(2, saved.version());
        assertEquals(saved, store.find("m1", read.readerId()).orElseThrow());
        // a save from the version before still loses: the own-write check does not let others through
        assertThrows(ConcurrentChangeException.class, () -> store.save(read.withLanguage("ja-easy")));
    }

    @Test
    void aNewcomerWhoseSaveAnswerWasLostIsSavedOnce() {
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof PutItemRequest);
        DynamoReaderStore overLossyNetwork = new DynamoReaderStore(lossy.client(), tables.readers());

        Reader saved = overLossyNetwork.save(Reader.newcomer("m1", Channel.LINE, "U1", NOW));

        assertEquals(2, lossy.matchingRequestsSent());
        assertEquals(1, saved.version());
        assertEquals(saved, store.findByAddress("m1", Channel.LINE, "U1").orElseThrow());
        assertThrows(ConcurrentChangeException.class,
                () -> overLossyNetwork.save(Reader.newcomer("m1", Channel.LINE, "U1", NOW)));
    }

    @Test
    void secondNewcomerWithTheSameAddressDoesNotOverwriteTheFirst() {
        store.save(Reader.newcomer("m1", Channel.LINE, "U1", NOW).withLanguage("en"));

        assertThrows(ConcurrentChangeException.class,
                () -> store.save(Reader.newcomer("m1", Channel.LINE, "U1", NOW)));
        assertEquals("en", store.findByAddress("m1", Channel.LINE, "U1").orElseThrow().language());
    }

    @Test
    void deleteRemovesTheReader() {
        Reader saved = store.save(Reader.newcomer("m1", Channel.LINE, "U1", NOW).withStatus(ReaderStatus.ACTIVE));

        store.delete("m1", saved.readerId());

        assertTrue(store.find("m1", saved.readerId()).isEmpty());
        assertTrue(activeIn("m1", store).isEmpty());
    }

    @Test
    void onlyActiveReadersAreInTheActiveIndex() {
        Reader active = store.save(Reader.newcomer("m1", Channel.LINE, "U-active", NOW)
                .withStatus(ReaderStatus.ACTIVE));
        Reader paused = store.save(Reader.newcomer("m1", Channel.EMAIL, "paused@example.jp", NOW)
                .withStatus(ReaderStatus.ACTIVE));
        store.save(paused.withStatus(ReaderStatus.PAUSED));
        store.save(Reader.newcomer("m1", Channel.LINE, "U-registering", NOW));
        store.save(Reader.newcomer("m2", Channel.LINE, "U-other-town", NOW).withStatus(ReaderStatus.ACTIVE));

        assertEquals(Set.of(new ActiveReader(active.readerId(), Channel.LINE)), activeIn("m1", store));
        Map<String, AttributeValue> stored = tables.dynamo().getItem(r -> r.tableName(tables.readers())
                .key(Map.of("pk", AttributeValue.fromS("m1#" + paused.readerId().charAt(1)),
                        "readerId", AttributeValue.fromS(paused.readerId())))).item();
        assertFalse(stored.containsKey("activeShard"));
    }

    @Test
    void resumedReaderIsListedAgainWithItsChannel() {
        Reader reader = store.save(Reader.newcomer("m1", Channel.EMAIL, "a@example.jp", NOW)
                .withStatus(ReaderStatus.PAUSED));

        store.save(reader.withStatus(ReaderStatus.ACTIVE));

        assertEquals(Set.of(new ActiveReader(reader.readerId(), Channel.EMAIL)), activeIn("m1", store));
    }

    @Test
    void everyActiveReaderIsListedExactlyOnceAcrossSegmentsAndPages() {
        DynamoReaderStore smallPages = new DynamoReaderStore(tables.dynamo(), tables.readers(), 40);
        Set<ActiveReader> expected = new HashSet<>();
        for (int i = 0; i < 2500; i++) {
            Channel channel = i % 3 == 0 ? Channel.EMAIL : Channel.LINE;
            Reader reader = Reader.newcomer("m1", channel, "reader-" + i + "@example.jp", NOW);
            ReaderStatus status = i % 10 == 0 ? ReaderStatus.PAUSED : ReaderStatus.ACTIVE;
            smallPages.save(reader.withStatus(status));
            if (status == ReaderStatus.ACTIVE) {
                expected.add(new ActiveReader(reader.readerId(), channel));
            }
        }

        List<ActiveReader> listed = new ArrayList<>();
        AtomicInteger pages = new AtomicInteger();
        Map<Integer, Integer> pagesPerSegment = new HashMap<>();
        for (int segment = 0; segment < smallPages.segments(); segment++) {
            int s = segment;
            smallPages.forEachActiveReader("m1", segment, page -> {
                assertTrue(page.size() <= 40);
                page.forEach(r -> assertEquals(s, Character.digit(r.readerId().charAt(1), 16)));
                pages.incrementAndGet();
                pagesPerSegment.merge(s, 1, Integer::sum);
                listed.addAll(page);
            });
        }

        assertEquals(2250, expected.size());
        assertEquals(expected.size(), listed.size());
        assertEquals(expected, Set.copyOf(listed));
        assertEquals(16, pagesPerSegment.size());
        assertTrue(pagesPerSegment.values().stream().allMatch(n -> n > 1), pagesPerSegment::toString);
    }

    @Test
    void segmentOutsideTheSixteenIsRejected() {
        assertEquals(16, store.segments());
        assertThrows(IllegalArgumentException.class, () -> store.forEachActiveReader("m1", 16, page -> {}));
    }

    private static Set<ActiveReader> activeIn(String municipalityId, ReaderStore store) {
        Set<ActiveReader> active = new HashSet<>();
        for (int segment = 0; segment < store.segments(); segment++) {
            store.forEachActiveReader(municipalityId, segment, active::addAll);
        }
        return active;
    }
}
