package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.ReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "deliver the day" into one job per active reader on the job queues. Composes nothing: it pages the
 * sparse active-reader index (every segment in parallel on virtual threads) and enqueues ids. Running it twice
 * for the same day is harmless because the senders claim each (reader, day) in the ledger.
 */
public final class FanOutService {

    private static final Logger LOG = LoggerFactory.getLogger(FanOutService.class);

    private final MunicipalityStore municipalities;
    private final ReaderStore readers;
    private final JobQueue jobs;

    public FanOutService(MunicipalityStore municipalities, ReaderStore readers, JobQueue jobs) {
        this.municipalities = municipalities;
        this.readers = readers;
        this.jobs = jobs;
    }

    /**
     * Fans out the day {@code date}: for the named municipality (a catch-up run, whatever its delivery hour), or
     * else for every active municipality whose delivery hour is {@code hour}.
     */
    public FanOutResult run(LocalDate date, Optional<String> municipalityId, int hour) {
        List<Municipality> due = municipalityId
                .map(id -> municipalities.find(id).filter(Municipality::active)
                        .map(List::of)
                        .orElseThrow(() -> new UnknownMunicipalityException(id)))
                .orElseGet(() -> municipalities.listActive().stream()
                        .filter(m -> m.deliveryHour() == hour)
                        .toList());
        Map<String, Integer> enqueued = new TreeMap<>();
        RuntimeException firstFailure = null;
        for (Municipality municipality : due) {
            try {
                int count = fanOut(municipality.municipalityId(), date);
                enqueued.put(municipality.municipalityId(), count);
                LOG.info("fan-out for municipality {} on {}: {} jobs", municipality.municipalityId(), date, count);
            } catch (RuntimeException e) {
                // one town's failure must not keep the others waiting; the run fails afterwards so it is retried
                LOG.error("fan-out for municipality {} on {} failed: {}", municipality.municipalityId(), date,
                        e.getClass().getName());
                if (firstFailure == null) {
                    firstFailure = e;
                } else {
                    firstFailure.addSuppressed(e);
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return new FanOutResult(date, enqueued);
    }

    private int fanOut(String municipalityId, LocalDate date) {
        AtomicInteger count = new AtomicInteger();
        FullBatches batches = new FullBatches(jobs);
        List<Runnable> segments = new ArrayList<>();
        for (int segment = 0; segment < readers.segments(); segment++) {
            int s = segment;
            segments.add(() -> readers.forEachActiveReader(municipalityId, s, page -> {
                if (page.isEmpty()) {
                    return;
                }
                batches.add(page.stream()
                        .map(r -> DeliveryJob.daily(municipalityId, r.readerId(), r.channel(), date))
                        .toList());
                count.addAndGet(page.size());
            }));
        }
        VirtualThreads.runAll(segments, "interrupted during fan-out");
        batches.flush();
        return count.get();
    }

    /** Jobs enqueued per municipality for one day. */
    public record FanOutResult(LocalDate date, Map<String, Integer> enqueuedByMunicipality) {

        public FanOutResult {
            enqueuedByMunicipality = Map.copyOf(enqueuedByMunicipality);
        }

        public int total() {
            return enqueuedByMunicipality.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A catch-up run named a municipality that does not exist or is not active. */
    public static final class UnknownMunicipalityException extends RuntimeException {
        public UnknownMunicipalityException(String municipalityId) {
            super("no active municipality " + municipalityId);
        }
    }
}
