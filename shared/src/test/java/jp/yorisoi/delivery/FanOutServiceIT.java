package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testing.RecordingFanOutMetrics;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fan-out on the real adapters: towns and readers in DynamoDB Local, jobs onto the template's queues in ElasticMQ. */
class FanOutServiceIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    final LocalTables tables = LocalTables.create();
    final LocalQueues queues = LocalQueues.create();
    /** Pages of 7, so a segment's readers come over several pages. */
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers(), 7);
    final DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
    final SqsJobQueue queue = queues.jobQueue();
    final FanOutService fanOut = new FanOutService(municipalities, readers, queue);
    final DynamoFanOutProgress progress = new DynamoFanOutProgress(tables.dynamo(), tables.ledger());
    final RecordingFanOutMetrics metrics = new RecordingFanOutMetrics();
    /** Plenty of time left, as at the start of an invocation. */
    static final LongSupplier PLENTY = () -> 600_000;

    FanOutService hourly(JobQueue jobs) {
        return new FanOutService(municipalities, readers, jobs, progress, metrics);
    }

    static void assertEachReaderOnce(List<DeliveryJob> jobs, int readers) {
        assertEquals(readers, jobs.size());
        assertEquals(readers, jobs.stream().map(DeliveryJob::readerId).distinct().count());
    }

    static Municipality town(String id, int deliveryHour, boolean active) {
        return new Municipality(id, id, id + "より", "", Plan.FULL, 3, deliveryHour, List.of("ja"), null, active);
    }

    void readers(String municipalityId, Channel channel, int count, ReaderStatus status) {
        IntStream.range(0, count).forEach(i -> readers.save(Reader.newcomer(municipalityId, channel,
                        channel == Channel.LINE ? "U" + municipalityId + status + i : municipalityId + status + i + "@example.jp",
                        Instant.EPOCH)
                .withStatus(status)
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100))))));
    }

    @Test
    void everyActiveReaderOfTheTownsDueThisHourGetsOneJobOnTheQueueOfTheirChannel() {
        municipalities.save(town("early", 7, true));
        municipalities.save(town("usual", 8, true));
        municipalities.save(town("closed", 8, false));
        readers("early", Channel.LINE, 5, ReaderStatus.ACTIVE);
        readers("usual", Channel.LINE, 120, ReaderStatus.ACTIVE);
        readers("usual", Channel.EMAIL, 30, ReaderStatus.ACTIVE);
        readers("usual", Channel.LINE, 10, ReaderStatus.PAUSED);
        readers("closed", Channel.LINE, 3, ReaderStatus.ACTIVE);

        FanOutService.FanOutResult result = fanOut.run(DAY, Optional.empty(), 8);

        List<DeliveryJob> lineJobs = queues.jobs("LineJobQueue");
        List<DeliveryJob> mailJobs = queues.jobs("MailJobQueue");
        List<DeliveryJob> jobs = queues.allJobs();
        assertEquals(Map.of("usual", 150), result.enqueuedByMunicipality());
        assertEquals(150, jobs.size());
        assertEquals(150, jobs.stream().map(DeliveryJob::readerId).distinct().count());
        assertEquals(Set.of("usual"), jobs.stream().map(DeliveryJob::municipalityId).collect(Collectors.toSet()));
        assertEquals(Set.of(DAY.toString()), jobs.stream().map(DeliveryJob::deliveryKey).collect(Collectors.toSet()));
        assertEquals(120, lineJobs.size());
        assertEquals(Set.of(Channel.LINE), lineJobs.stream().map(DeliveryJob::channel).collect(Collectors.toSet()));
        assertEquals(30, mailJobs.size());
        assertEquals(Set.of(Channel.EMAIL), mailJobs.stream().map(DeliveryJob::channel).collect(Collectors.toSet()));
    }

    @Test
    void aCatchUpRunOfADayBeforeAReaderRegisteredEnqueuesNothingForThem() {
        municipalities.save(town("usual", 8, true));
        Reader longAgo = readers.save(Reader.newcomer("usual", Channel.LINE, "U-long-ago", Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))));
        Reader onTheDay = readers.save(Reader.newcomer("usual", Channel.LINE, "U-on-the-day", Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withRegisteredOn(DAY)
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))));
        readers.save(Reader.newcomer("usual", Channel.EMAIL, "next-day@example.jp", Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withRegisteredOn(DAY.plusDays(1))
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))));

        FanOutService.FanOutResult result = fanOut.run(DAY, Optional.of("usual"), 3);

        assertEquals(Map.of("usual", 2), result.enqueuedByMunicipality());
        assertEquals(Set.of(longAgo.readerId(), onTheDay.readerId()),
                queues.allJobs().stream().map(DeliveryJob::readerId).collect(Collectors.toSet()));
    }

    @Test
    void catchUpRunNamesOneTownWhateverItsHour() {
        municipalities.save(town("early", 7, true));
        municipalities.save(town("usual", 8, true));
        readers("early", Channel.LINE, 5, ReaderStatus.ACTIVE);
        readers("usual", Channel.LINE, 9, ReaderStatus.ACTIVE);

        FanOutService.FanOutResult result = fanOut.run(DAY, Optional.of("early"), 13);

        assertEquals(Map.of("early", 5), result.enqueuedByMunicipality());
        assertEquals(5, result.total());
        assertEquals(Set.of("early"), queues.allJobs().stream().map(DeliveryJob::municipalityId).collect(Collectors.toSet()));
        assertEquals(5, queues.allJobs().size());
    }

    @Test
    void catchUpForAnUnknownTownIsRefused() {
        assertThrows(FanOutService.UnknownMunicipalityException.class,
                () -> fanOut.run(DAY, Optional.of("nowhere"), 8));
        assertEquals(List.of(), queues.allJobs());
    }

    @Test
    void aTownThatFailsDoesNotKeepTheOthersWaitingAndTheRunStillFails() {
        municipalities.save(town("a-broken", 8, true));
        municipalities.save(town("b-fine", 8, true));
        readers("a-broken", Channel.LINE, 3, ReaderStatus.ACTIVE);
        readers("b-fine", Channel.LINE, 4, ReaderStatus.ACTIVE);
        JobQueue refusingTheBrokenTown = jobs -> {
            if (jobs.getFirst().municipalityId().equals("a-broken")) {
                throw new IllegalStateException("queue refused");
            }
            queue.enqueue(jobs);
        };
        FanOutService partlyBroken = new FanOutService(municipalities, readers, refusingTheBrokenTown);

        assertThrows(IllegalStateException.class, () -> partlyBroken.run(DAY, Optional.empty(), 8));
        List<DeliveryJob> jobs = queues.allJobs();
        assertEquals(4, jobs.size());
        assertEquals(Set.of("b-fine"), jobs.stream().map(DeliveryJob::municipalityId).collect(Collectors.toSet()));
    }

    @Test
    void noTownDueThisHourEnqueuesNothing() {
        municipalities.save(town("usual", 8, true));
        readers("usual", Channel.LINE, 4, ReaderStatus.ACTIVE);

        assertEquals(0, fanOut.run(DAY, Optional.empty(), 3).total());
        assertEquals(List.of(), queues.allJobs());
    }

    @Test
    void anUnreadableTownRecordIsLeftOutAndCountedWhileTheTownsAroundItAreServed() {
        municipalities.save(town("a-good", 8, true));
        municipalities.save(town("c-good", 8, true));
        tables.dynamo().putItem(r -> r.tableName(tables.municipalities()).item(Map.of(
                "municipalityId", AttributeValue.fromS("b-bad"),
                "deliveryHour", AttributeValue.fromS("eight"),
                "active", AttributeValue.fromBool(true))));
        readers("a-good", Channel.LINE, 3, ReaderStatus.ACTIVE);
        readers("c-good", Channel.EMAIL, 2, ReaderStatus.ACTIVE);

        FanOutService.FanOutResult result = hourly(queue).run(DAY, Optional.empty(), 8, PLENTY);

        assertEquals(Map.of("a-good", 3, "c-good", 2), result.enqueuedByMunicipality());
        assertEachReaderOnce(queues.allJobs(), 5);
        assertEquals(List.of(1), metrics.values(FanOutMetrics.TOWN_FAILED));
        assertEquals(List.of(1), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
    }

    @Test
    void aFailedTownIsRetriedWithoutEnqueueingTheTownsThatCompletedAgain() {
        municipalities.save(town("a-fine", 8, true));
        municipalities.save(town("b-failing", 8, true));
        municipalities.save(town("c-fine", 8, true));
        readers("a-fine", Channel.LINE, 20, ReaderStatus.ACTIVE);
        readers("b-failing", Channel.LINE, 6, ReaderStatus.ACTIVE);
        readers("c-fine", Channel.EMAIL, 9, ReaderStatus.ACTIVE);
        JobQueue refusingOneTown = jobs -> {
            if (jobs.getFirst().municipalityId().equals("b-failing")) {
                throw new IllegalStateException("queue refused");
            }
            queue.enqueue(jobs);
        };

        assertThrows(IllegalStateException.class, () -> hourly(refusingOneTown).run(DAY, Optional.empty(), 8, PLENTY));
        assertEquals(29, queues.allJobs().size());
        assertEquals(List.of(1), metrics.values(FanOutMetrics.TOWN_FAILED));
        assertEquals(List.of(), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));

        metrics.clear();
        FanOutService.FanOutResult retried = hourly(queue).run(DAY, Optional.empty(), 8, PLENTY);

        assertEquals(Map.of("a-fine", 20, "b-failing", 6, "c-fine", 9), retried.enqueuedByMunicipality());
        assertEachReaderOnce(queues.allJobs(), 35);
        assertEquals(List.of(), metrics.values(FanOutMetrics.TOWN_FAILED));
        assertEquals(List.of(1), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
        assertEquals(35, progress.enqueued("a-fine", DAY) + progress.enqueued("b-failing", DAY)
                + progress.enqueued("c-fine", DAY));
    }

    @Test
    void noPartStartsOnceTheTimeLeftIsUnderTheReserve() {
        municipalities.save(town("usual", 8, true));
        readers("usual", Channel.LINE, 4, ReaderStatus.ACTIVE);

        assertThrows(FanOutService.FanOutContinuesException.class,
                () -> hourly(queue).run(DAY, Optional.empty(), 8, () -> FanOutService.RESERVE_MILLIS - 1));

        assertEquals(List.of(), queues.allJobs());
        assertEquals(Map.of(), progress.completedSegments("usual", DAY));
        assertEquals(List.of(), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
    }

    @Test
    void whenTimeRunsShortTheRetryFinishesTheHourAndEveryReaderIsEnqueuedOnce() {
        municipalities.save(town("big", 8, true));
        municipalities.save(town("small", 8, true));
        readers("big", Channel.LINE, 40, ReaderStatus.ACTIVE);
        readers("small", Channel.EMAIL, 5, ReaderStatus.ACTIVE);
        // one page per part, so a part stopped before its page has enqueued nothing
        FanOutService hourly = new FanOutService(municipalities, new DynamoReaderStore(tables.dynamo(),
                tables.readers()), queue, progress, metrics);
        AtomicInteger asked = new AtomicInteger();
        LongSupplier runningOut = () -> asked.incrementAndGet() <= 12 ? 600_000 : FanOutService.RESERVE_MILLIS - 1;

        assertThrows(FanOutService.FanOutContinuesException.class,
                () -> hourly.run(DAY, Optional.empty(), 8, runningOut));
        int recordedParts = progress.completedSegments("big", DAY).size()
                + progress.completedSegments("small", DAY).size();
        assertTrue(recordedParts < 2 * readers.segments(), "parts recorded: " + recordedParts);
        assertTrue(queues.allJobs().size() < 45);
        assertEquals(List.of(), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));

        FanOutService.FanOutResult finished = hourly.run(DAY, Optional.empty(), 8, PLENTY);

        assertEquals(Map.of("big", 40, "small", 5), finished.enqueuedByMunicipality());
        assertEachReaderOnce(queues.allJobs(), 45);
        assertEquals(List.of(1), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
    }

    @Test
    void anHourWithNoTownDueStillReportsTheHeartbeat() {
        municipalities.save(town("usual", 8, true));

        assertEquals(0, hourly(queue).run(DAY, Optional.empty(), 3, PLENTY).total());

        assertEquals(List.of(1), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
        assertEquals(List.of(), metrics.values(FanOutMetrics.TOWN_FAILED));
    }

    @Test
    void aCatchUpRunEnqueuesTheWholeTownAgainAndReportsNoHeartbeat() {
        municipalities.save(town("usual", 8, true));
        readers("usual", Channel.LINE, 4, ReaderStatus.ACTIVE);
        hourly(queue).run(DAY, Optional.empty(), 8, PLENTY);
        metrics.clear();

        assertEquals(4, hourly(queue).run(DAY, Optional.of("usual"), 13, PLENTY).total());

        assertEquals(8, queues.allJobs().size());
        assertEquals(List.of(), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
        assertEquals(4, progress.enqueued("usual", DAY));
    }
}
