package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
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

/** The hour's reconciliation on the real tables: what the fan-out recorded against what the ledger says. */
class DeliveryReconciliationIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Instant AT = Instant.parse("2026-11-21T23:05:00Z");

    final LocalTables tables = LocalTables.create();
    final LocalQueues queues = LocalQueues.create();
    final DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers());
    final DynamoFanOutProgress progress = new DynamoFanOutProgress(tables.dynamo(), tables.ledger());
    final DynamoLedger ledger = new DynamoLedger(tables.dynamo(), tables.ledger());
    final RecordingFanOutMetrics metrics = new RecordingFanOutMetrics();
    final DeliveryReconciliation reconciliation = new DeliveryReconciliation(municipalities, progress, ledger, metrics);

    /** The town's readers, fanned out by the hourly run at 08:00; returns their jobs. */
    List<DeliveryJob> fannedOut(String municipalityId, int readerCount) {
        municipalities.save(new Municipality(municipalityId, municipalityId, "", "", Plan.FULL, 3, 8, List.of("ja"),
                null, true));
        IntStream.range(0, readerCount).forEach(i -> readers.save(Reader.newcomer(municipalityId, Channel.LINE,
                        "U" + municipalityId + i, Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE)
                .withChildren(List.of(Child.born("c1", DAY.minusDays(30))))));
        new FanOutService(municipalities, readers, queues.jobQueue(), progress, FanOutMetrics.NONE)
                .run(DAY, Optional.empty(), 8);
        return queues.allJobs().stream().filter(job -> job.municipalityId().equals(municipalityId)).toList();
    }

    static LedgerEntry sending(DeliveryJob job) {
        return new LedgerEntry(job.municipalityId(), job.readerId(), job.deliveryKey(), job.date(),
                DeliveryStatus.SENDING, job.channel().name(), "MOTHER", 0, AT);
    }

    /** Writes the entry a sender would leave: its claim, then (unless still SENDING) the outcome. */
    void ledger(DeliveryJob job, DeliveryStatus status) {
        ledger.claim(sending(job), "sender", AT.minusSeconds(3600));
        if (status != DeliveryStatus.SENDING) {
            ledger.complete(new LedgerEntry(job.municipalityId(), job.readerId(), job.deliveryKey(), job.date(),
                    status, job.channel().name(), "MOTHER", status == DeliveryStatus.SENT ? 1 : 0, AT), "sender");
        }
    }

    @Test
    void threeReadersEnqueuedAndTwoFinalIsAShortfallOfOne() {
        List<DeliveryJob> jobs = fannedOut("short", 3);
        ledger(jobs.get(0), DeliveryStatus.SENT);
        ledger(jobs.get(1), DeliveryStatus.SENT);

        Map<String, Integer> shortfall = reconciliation.reconcile(DAY, 8);

        assertEquals(Map.of("short", 1), shortfall);
        assertEquals(List.of(1), metrics.values(FanOutMetrics.RECONCILIATION_SHORTFALL));
    }

    @Test
    void aRecordedReasonForSendingNothingIsNoShortfallButAnAttemptStillSendingIs() {
        List<DeliveryJob> jobs = fannedOut("reasons", 5);
        ledger(jobs.get(0), DeliveryStatus.SENT);
        ledger(jobs.get(1), DeliveryStatus.NOTHING_TO_SEND);
        ledger(jobs.get(2), DeliveryStatus.SKIPPED);
        ledger(jobs.get(3), DeliveryStatus.SENDING);
        // a LINE claim older than the retry key's life is marked IN_DOUBT with its reason: final, not a shortfall
        ledger(jobs.get(4), DeliveryStatus.SENDING);
        assertEquals(Ledger.Claim.IN_DOUBT, ledger.claim(sending(jobs.get(4)), "redrive", AT.plusSeconds(1)));

        assertEquals(Map.of("reasons", 1), reconciliation.reconcile(DAY, 8));
    }

    @Test
    void aFullyServedHourReportsAShortfallOfZero() {
        fannedOut("served", 5).forEach(job -> ledger(job, DeliveryStatus.SENT));

        assertEquals(Map.of(), reconciliation.reconcile(DAY, 8));
        assertEquals(List.of(0), metrics.values(FanOutMetrics.RECONCILIATION_SHORTFALL));
        assertEquals(Map.of(), reconciliation.reconcile(DAY, 9));
    }
}
