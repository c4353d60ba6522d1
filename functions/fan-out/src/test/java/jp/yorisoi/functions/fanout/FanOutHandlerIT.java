package jp.yorisoi.functions.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.Context;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryReconciliation;
import jp.yorisoi.delivery.DynamoFanOutProgress;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.delivery.FanOutMetrics;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.JobQueue;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
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

/** The fan-out function's events through the handler, with towns and readers in DynamoDB Local and jobs in ElasticMQ. */
class FanOutHandlerIT {

    final LocalTables tables = LocalTables.create();
    final LocalQueues queues = LocalQueues.create();
    final DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers(), 5);

    FanOutHandlerIT() {
        town("morning", 8, 3);
        town("later", 9, 2);
    }

    void town(String id, int hour, int readerCount) {
        municipalities.save(new Municipality(id, id, id + "より", "", Plan.FULL, 3, hour, List.of("ja"), null, true));
        IntStream.range(0, readerCount).forEach(i -> readers.save(Reader.newcomer(id, Channel.LINE, "U" + id + i, Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE)
                .withChildren(List.of(Child.born("c1", LocalDate.of(2026, 10, 1))))));
    }

    final DynamoFanOutProgress progress = new DynamoFanOutProgress(tables.dynamo(), tables.ledger());
    final DynamoLedger ledger = new DynamoLedger(tables.dynamo(), tables.ledger());
    final RecordingFanOutMetrics metrics = new RecordingFanOutMetrics();
    final AtomicInteger flushes = new AtomicInteger();

    /** The handler as the function wires it, on the emulators: progress, reconciliation, metrics. */
    FanOutHandler hourlyHandlerAt(String instant, JobQueue jobs) {
        return new FanOutHandler(new FanOutService(municipalities, readers, jobs, progress, metrics),
                Optional.of(new DeliveryReconciliation(municipalities, progress, ledger, metrics)),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), flushes::incrementAndGet);
    }

    /** A Lambda context with the given time left; the rest as Lambda fills it in (Powertools logging reads it). */
    static Context withRemainingMillis(long millis) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) millis;
                    case "getMemoryLimitInMB" -> 1024;
                    case "getAwsRequestId" -> "c0ffee00-0000-4000-8000-000000000001";
                    case "getFunctionName" -> "fan-out";
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:ap-northeast-1:000000000000:function:fan-out";
                    case "getLogGroupName" -> "/aws/lambda/fan-out";
                    case "getLogStreamName" -> "2026/11/22/[$LATEST]0";
                    default -> null;
                });
    }

    FanOutHandler handlerAt(String instant) {
        return new FanOutHandler(new FanOutService(municipalities, readers, queues.jobQueue()),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    static Map<String, Object> event(String name) throws IOException {
        return new ObjectMapper().readValue(Path.of("../../events", name).toFile(), new TypeReference<>() {});
    }

    Set<String> townsWithJobs() {
        return queues.allJobs().stream().map(DeliveryJob::municipalityId).collect(Collectors.toSet());
    }

    @Test
    void theHourlyScheduleServesTheTownsDueAtItsScheduledTokyoHourEvenWhenInvokedLate() throws IOException {
        Map<String, Object> result = handlerAt("2026-11-22T00:40:00Z").handleRequest(event("fan-out-hourly.json"), null);

        assertEquals("2026-11-22", result.get("date"));
        assertEquals(8, result.get("hour"));
        assertEquals(Map.of("morning", 3), result.get("enqueued"));
        assertEquals(3, queues.jobs("LineJobQueue").size());
        assertEquals(Set.of("morning"), townsWithJobs());
    }

    @Test
    void aScheduledEventUsesItsTime() throws IOException {
        Map<String, Object> result = handlerAt("2026-11-22T05:00:00Z").handleRequest(event("fan-out-scheduled-event.json"), null);

        assertEquals(9, result.get("hour"));
        assertEquals(Map.of("later", 2), result.get("enqueued"));
        assertEquals(Set.of("later"), townsWithJobs());
    }

    @Test
    void anAutoHourComesFromTheClockInTokyo() {
        Map<String, Object> result = handlerAt("2026-11-21T23:00:05Z").handleRequest(Map.of("hour", "auto"), null);

        assertEquals("2026-11-22", result.get("date"));
        assertEquals(8, result.get("hour"));
        assertEquals(3, result.get("total"));
        assertEquals(3, queues.allJobs().size());
    }

    @Test
    void aDirectInvocationMayNameTheDayAndTheTown() {
        Map<String, Object> result = handlerAt("2026-11-22T03:00:00Z")
                .handleRequest(Map.of("date", "2026-11-20", "municipalityId", "later"), null);

        assertEquals("2026-11-20", result.get("date"));
        assertEquals(Map.of("later", 2), result.get("enqueued"));
        List<DeliveryJob> jobs = queues.allJobs();
        assertEquals(2, jobs.size());
        assertEquals(Set.of(LocalDate.of(2026, 11, 20)), jobs.stream().map(DeliveryJob::date).collect(Collectors.toSet()));
        assertEquals(Set.of("later"), townsWithJobs());
    }

    @Test
    void theHourAfterReconcilesTheTownsOfTheHourBeforeAndReportsTheShortfall() throws IOException {
        hourlyHandlerAt("2026-11-22T00:00:00Z", queues.jobQueue()).handleRequest(event("fan-out-hourly.json"), null);
        List<DeliveryJob> morning = queues.jobs("LineJobQueue");
        assertEquals(3, morning.size());
        settle(morning.get(0), DeliveryStatus.SENT);
        settle(morning.get(1), DeliveryStatus.SKIPPED);
        settle(morning.get(2), DeliveryStatus.SENDING);

        Map<String, Object> nine = hourlyHandlerAt("2026-11-22T00:30:00Z", queues.jobQueue())
                .handleRequest(Map.of("time", "2026-11-22T00:00:00Z"), null);

        assertEquals(Map.of("later", 2), nine.get("enqueued"));
        // 08:00 reconciled nothing (no town of 07:00), 09:00 found one of the three morning readers unserved
        assertEquals(List.of(0, 1), metrics.values(FanOutMetrics.RECONCILIATION_SHORTFALL));
        assertEquals(List.of(1, 1), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
        assertEquals(2, flushes.get());
    }

    /** Leaves the entry a sender would: its claim, then (unless still SENDING) the outcome. */
    private void settle(DeliveryJob job, DeliveryStatus status) {
        LedgerEntry done = finalEntry(job, status);
        ledger.claim(finalEntry(job, DeliveryStatus.SENDING), "sender", done.updatedAt().minusSeconds(3600));
        if (status != DeliveryStatus.SENDING) {
            ledger.complete(done, "sender");
        }
    }

    @Test
    void aFailingTownFailsTheInvocationAfterTheOthersAndTheMetricsAreStillFlushed() throws IOException {
        town("morning-too", 8, 4);
        JobQueue refusingMorning = jobs -> {
            if (jobs.getFirst().municipalityId().equals("morning")) {
                throw new IllegalStateException("queue refused");
            }
            queues.jobQueue().enqueue(jobs);
        };

        assertThrows(IllegalStateException.class, () -> hourlyHandlerAt("2026-11-22T00:40:00Z", refusingMorning)
                .handleRequest(event("fan-out-hourly.json"), null));

        assertEquals(Set.of("morning-too"), townsWithJobs());
        assertEquals(List.of(1), metrics.values(FanOutMetrics.TOWN_FAILED));
        assertEquals(List.of(), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
        assertEquals(1, flushes.get());
    }

    @Test
    void anInvocationWithTooLittleTimeLeftHandsTheHourToItsRetry() throws IOException {
        Map<String, Object> event = event("fan-out-hourly.json");

        assertThrows(FanOutService.FanOutContinuesException.class,
                () -> hourlyHandlerAt("2026-11-22T00:00:00Z", queues.jobQueue()).handleRequest(event,
                        withRemainingMillis(60_000)));
        assertEquals(List.of(), queues.allJobs());

        Map<String, Object> retried = hourlyHandlerAt("2026-11-22T00:01:00Z", queues.jobQueue())
                .handleRequest(event, withRemainingMillis(890_000));

        assertEquals(Map.of("morning", 3), retried.get("enqueued"));
        assertEquals(3, queues.allJobs().size());
        assertEquals(List.of(1), metrics.values(FanOutMetrics.FAN_OUT_COMPLETED));
        assertEquals(2, flushes.get());
    }

    @Test
    void aCatchUpEventEnqueuesThatTownsReadersForItsDayWhateverTheHour() throws IOException {
        town("demo", 10, 2);

        Map<String, Object> result = hourlyHandlerAt("2026-11-22T03:00:00Z", queues.jobQueue())
                .handleRequest(event("fan-out-catch-up.json"), withRemainingMillis(890_000));

        assertEquals("2026-11-22", result.get("date"));
        assertEquals(Map.of("demo", 2), result.get("enqueued"));
        assertEquals(Set.of("demo"), townsWithJobs());
        assertEquals(Set.of(LocalDate.of(2026, 11, 22)),
                queues.allJobs().stream().map(DeliveryJob::date).collect(Collectors.toSet()));
        // not the hourly run: no town of the hour, no reconciliation, no FanOutCompleted
        assertEquals(List.of(), metrics.values(FanOutMetrics.RECONCILIATION_SHORTFALL));
        assertEquals(1, flushes.get());
    }

    @Test
    void aCatchUpWithTooLittleTimeLeftFailsSoThatLambdasRetryFinishesIt() throws IOException {
        town("demo", 10, 2);
        Map<String, Object> event = event("fan-out-catch-up.json");

        assertThrows(FanOutService.FanOutContinuesException.class,
                () -> hourlyHandlerAt("2026-11-22T03:00:00Z", queues.jobQueue()).handleRequest(event,
                        withRemainingMillis(60_000)));
        assertEquals(List.of(), queues.allJobs());

        Map<String, Object> retried = hourlyHandlerAt("2026-11-22T03:01:00Z", queues.jobQueue())
                .handleRequest(event, withRemainingMillis(890_000));

        assertEquals(Map.of("demo", 2), retried.get("enqueued"));
        assertEquals(2, queues.allJobs().size());
    }

    @Test
    void aCatchUpEventWithoutADateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> handlerAt("2026-11-22T03:00:00Z")
                .handleRequest(Map.of("catchUp", Map.of("municipalityId", "later")), null));
        assertEquals(List.of(), queues.allJobs());
    }

    static LedgerEntry finalEntry(DeliveryJob job, DeliveryStatus status) {
        return new LedgerEntry(job.municipalityId(), job.readerId(), job.deliveryKey(), job.date(), status,
                job.channel().name(), "MOTHER", status == DeliveryStatus.SENT ? 1 : 0, Instant.parse("2026-11-21T23:01:00Z"));
    }
}
