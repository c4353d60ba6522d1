package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.yorisoi.delivery.stubs.CrashingLedger;
import jp.yorisoi.delivery.stubs.DeliveryRig;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.SesStub;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.ReaderStore.ActiveReader;
import jp.yorisoi.reader.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A staff broadcast from planning to the phones: chunks stored in the ledger table, jobs on the ElasticMQ queues of
 * template.yaml, the senders' path (SqsJobBatch over DeliveryService, as both sender functions run it) with the
 * ledger in DynamoDB Local, LINE multicast and SES as WireMock stubs.
 */
class BroadcastDeliveryIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();
    static final String JA = "【サンプル】大雨のため、本日の健診は中止です。";
    static final String EN = "[Sample] Today's health check is cancelled because of heavy rain.";

    final DeliveryRig rig = DeliveryRig.start(LINE, SES);
    final BroadcastPlanner planner = new BroadcastPlanner(rig.readers, rig.broadcasts, rig.jobQueue());

    BroadcastDeliveryIT() {
        rig.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "電話", Plan.FULL, 3, 8,
                List.of("ja", "en"), "info@demo.example.jp", true));
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    @AfterAll
    static void stopStubs() {
        LINE.close();
        SES.close();
    }

    @Test
    void aBroadcastReachesEveryActiveReaderOnceThoughItIsPlannedTwiceAndEveryChunkJobRedelivered() {
        List<Reader> line = saveLineReaders(520);
        List<Reader> mail = List.of(save(reader(Channel.EMAIL, "a@mail.example.jp", "ja")),
                save(reader(Channel.EMAIL, "b@mail.example.jp", "en")));
        Reader paused = save(reader(Channel.LINE, "Upaused", "ja").withStatus(ReaderStatus.PAUSED));

        Broadcast broadcast = create("b1");
        List<ActiveReader> audience = planner.audience("demo");
        assertEquals(522, planner.plan(broadcast, audience));
        // the request sent again: the same chunks, every job enqueued a second time
        assertEquals(522, planner.plan(broadcast, planner.audience("demo")));
        LINE.withFaults(7, 0.3, 0, 0);
        drain(CrashingLedger.oncePerChunkBeforeTheWrite(rig.ledger));

        for (Reader reader : line) {
            List<LineStub.Accepted> got = LINE.acceptedFor(reader.address());
            assertEquals(1, got.size(), "LINE messages to one reader");
            assertTrue(got.getFirst().texts().getFirst().contains(reader.language().equals("en") ? EN : JA));
        }
        assertEquals(0, LINE.acceptedFor(paused.address()).size());
        for (Reader reader : mail) {
            assertEquals(1, SES.sent().stream().filter(m -> m.to().equals(reader.address())).count());
        }
        assertTrue(SES.sent().stream().anyMatch(m -> m.text().contains(EN)));
        // multicast: a request per chunk and language, not one per reader
        long requests = LINE.accepted().stream().map(LineStub.Accepted::retryKey).distinct().count();
        assertTrue(requests <= 2L * broadcast.chunks(), requests + " requests for " + broadcast.chunks() + " chunks");
        assertEquals(new Broadcast.Progress(522, 0, 0), progress("b1"));
    }

    @Test
    void aJobRedeliveredAfterItsOutcomeWasWrittenSendsAndCountsNothingMore() {
        List<Reader> line = saveLineReaders(30);
        Reader email = save(reader(Channel.EMAIL, "c@mail.example.jp", "ja"));
        Broadcast broadcast = create("b2");
        planner.plan(broadcast, planner.audience("demo"));

        CrashingLedger dyingAfterEachWrite = CrashingLedger.oncePerDeliveryAfterTheWrite(rig.ledger);
        drain(dyingAfterEachWrite);

        assertEquals(2, dyingAfterEachWrite.crashes());
        line.forEach(r -> assertEquals(1, LINE.acceptedFor(r.address()).size()));
        assertEquals(1, SES.sent().stream().filter(m -> m.to().equals(email.address())).count());
        assertEquals(new Broadcast.Progress(31, 0, 0), progress("b2"));
    }

    @Test
    void readersWhoStoppedAfterThePlanningAreSkippedAndRefusedOnesCountAsFailed() {
        List<Reader> line = saveLineReaders(20);
        Broadcast broadcast = create("b3");
        planner.plan(broadcast, planner.audience("demo"));
        rig.readers.save(rig.readers.find("demo", line.get(0).readerId()).orElseThrow()
                .withStatus(ReaderStatus.BLOCKED));
        // LINE refuses the English multicast for one of its recipients: the whole request, none of them reached
        List<Reader> english = line.stream().skip(1).filter(r -> r.language().equals("en")).toList();
        LINE.unknownUser(english.getFirst().address());

        drain(rig.ledger);

        assertEquals(0, LINE.acceptedFor(line.get(0).address()).size());
        english.forEach(r -> assertEquals(0, LINE.acceptedFor(r.address()).size()));
        assertEquals(new Broadcast.Progress(19 - english.size(), 1, english.size()), progress("b3"));
    }

    @Test
    void aReaderWhoBecameActiveAfterTheFirstPlanningIsNotAddedToAStoredChunk() {
        saveLineReaders(5);
        Broadcast broadcast = create("b4");
        planner.plan(broadcast, planner.audience("demo"));
        Reader late = save(reader(Channel.LINE, "Ulate", "ja"));

        assertEquals(5, planner.plan(broadcast, planner.audience("demo")));
        drain(rig.ledger);

        assertEquals(0, LINE.acceptedFor(late.address()).size());
        assertEquals(5, rig.broadcasts.find("demo", "b4").orElseThrow().readers());
    }

    private Broadcast create(String id) {
        int readers = planner.audience("demo").size();
        Broadcast broadcast = new Broadcast("demo", id, Map.of("ja", JA, "en", EN), DAY, CLOCK.instant(),
                "staff-subject", readers, BroadcastPlanner.chunksFor(readers), null);
        rig.broadcasts.create(broadcast);
        return rig.broadcasts.find("demo", id).orElseThrow();
    }

    private Broadcast.Progress progress(String id) {
        return rig.broadcasts.find("demo", id).orElseThrow().progress();
    }

    private void drain(Ledger ledger) {
        DeliveryService deliveries = rig.deliveries(ledger, DeliveryMetrics.NONE, CLOCK, Duration.ofSeconds(5));
        SqsJobBatch senders = new SqsJobBatch(deliveries, DeliveryMetrics.NONE);
        rig.driver.drain(rig.queue("LineJobQueue"), senders::process);
        rig.driver.drain(rig.queue("MailJobQueue"), senders::process);
    }

    private List<Reader> saveLineReaders(int count) {
        List<Reader> saved = new ArrayList<>();
        IntStream.range(0, count).parallel()
                .mapToObj(i -> save(reader(Channel.LINE, "U" + i, i % 7 == 0 ? "en" : i % 11 == 0 ? "ko" : "ja")))
                .forEachOrdered(saved::add);
        return saved;
    }

    private Reader save(Reader reader) {
        return rig.readers.save(reader);
    }

    private static Reader reader(Channel channel, String address, String language) {
        return Reader.newcomer("demo", channel, address, CLOCK.instant())
                .withStatus(ReaderStatus.ACTIVE).withRole(Role.MOTHER).withLanguage(language)
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))).withRegisteredOn(DAY.minusDays(3));
    }
}
