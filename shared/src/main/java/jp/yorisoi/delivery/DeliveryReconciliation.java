package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an hour's delivery as a whole, after the senders had their time: per town, the readers the hourly
 * fan-out enqueued against the ledger entries of that day that reached a final state. Every path of a sender
 * that sends nothing writes its reason to the ledger (NOTHING_TO_SEND, SKIPPED), except for a reader erased
 * meanwhile, whom the erasure counts for the day instead (DeliveryTally), so a shortfall is a reader who
 * was due a message and got none for no recorded reason: a job in a dead-letter queue, an e-mail in doubt,
 * a job lost on the way. It names the town and the catch-up command, never a reader.
 */
public final class DeliveryReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReconciliation.class);

    private final MunicipalityStore municipalities;
    private final FanOutProgress progress;
    private final DeliveryTally tally;
    private final FanOutMetrics metrics;

    public DeliveryReconciliation(MunicipalityStore municipalities, FanOutProgress progress, DeliveryTally tally,
            FanOutMetrics metrics) {
        this.municipalities = municipalities;
        this.progress = progress;
        this.tally = tally;
        this.metrics = metrics;
    }

    /**
     * Reconciles the towns whose delivery hour is {@code hour} on {@code date}; reports the hour's total shortfall
     * as {@code ReconciliationShortfall} (0 included, so the metric has a value every hour).
     *
     * @return the missing deliveries per town that has any
     */
    public Map<String, Integer> reconcile(LocalDate date, int hour) {
        Map<String, Integer> shortfalls = new TreeMap<>();
        for (Municipality town : municipalities.listActive()) {
            if (town.deliveryHour() != hour) {
                continue;
            }
            String id = town.municipalityId();
            int enqueued = progress.enqueued(id, date);
            if (enqueued == 0) {
                continue;
            }
            int missing = enqueued - tally.finalDailyDeliveries(id, date);
            if (missing > 0) {
                shortfalls.put(id, missing);
                LOG.warn("reconciliation: municipality {} on {}: {} of {} readers enqueued have no final ledger entry;"
                        + " after redriving the job DLQs, catch up with: curl -sS -X POST \"$API_URL/admin/runs\""
                        + " -H \"Authorization: Bearer $OPERATOR_TOKEN\" -H 'Content-Type: application/json'"
                        + " -d '{\"date\":\"{}\",\"municipalityId\":\"{}\"}'", id, date, missing, enqueued, date, id);
            }
        }
        metrics.add(FanOutMetrics.RECONCILIATION_SHORTFALL,
                shortfalls.values().stream().mapToInt(Integer::intValue).sum());
        return shortfalls;
    }
}
