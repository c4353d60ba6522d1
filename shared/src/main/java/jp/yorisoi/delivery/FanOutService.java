package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.ReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "deliver the day" into one job per active reader on the job queues. Composes nothing: it pages the
 * sparse active-reader index and enqueues ids, in parts of one (town, reader segment) each, many parts at once on
 * virtual threads. Running it twice for the same day is harmless because the senders claim each (reader, day) in
 * the ledger; readers who registered after the day are left out (they start at the position of the day
 * they joined). The hourly run also records each finished part, so that its retry enqueues only what is left.
 */
public final class FanOutService {

    private static final Logger LOG = LoggerFactory.getLogger(FanOutService.class);

    /**
     * Time an invocation keeps in hand when it stops taking parts: enough for the pages in flight (SDK call
     * timeouts are seconds), the progress writes and the hour's reconciliation after the fan-out.
     */
    static final long RESERVE_MILLIS = 120_000;
    /**
     * Parts enqueued side by side: 16, times SqsJobQueue's 8 calls in flight, is the ~128 concurrent
     * SendMessageBatch calls the 1,000,000-reader arithmetic in docs/delivery.md assumes.
     */
    static final int PARALLEL_PARTS = 16;

    private final MunicipalityStore municipalities;
    private final ReaderStore readers;
    private final JobQueue jobs;
    private final FanOutProgress progress;
    private final FanOutMetrics metrics;

    /** A fan-out that records no progress and reports no metrics (catch-up runs, tests of the senders). */
    public FanOutService(MunicipalityStore municipalities, ReaderStore readers, JobQueue jobs) {
        this(municipalities, readers, jobs, FanOutProgress.NONE, FanOutMetrics.NONE);
    }

    public FanOutService(MunicipalityStore municipalities, ReaderStore readers, JobQueue jobs,
            FanOutProgress progress, FanOutMetrics metrics) {
        this.municipalities = municipalities;
        this.readers = readers;
        this.jobs = jobs;
        this.progress = progress;
        this.metrics = metrics;
    }

    /** {@link #run(LocalDate, Optional, int, LongSupplier)} with no time limit. */
    public FanOutResult run(LocalDate date, Optional<String> municipalityId, int hour) {
        return run(date, municipalityId, hour, () -> Long.MAX_VALUE);
    }

    /**
     * Fans out the day {@code date}: for the named municipality (a catch-up run, whatever its delivery hour, all of
     * its readers again), or else for every active municipality whose delivery hour is {@code hour}.
     *
     * <p>The hourly run skips the parts an earlier attempt finished, leaves out a town whose record cannot be read
     * ({@code TownFailed}), carries on past a town that fails ({@code TownFailed}, then the run fails so that it is
     * retried) and, when every due town is planned, reports {@code FanOutCompleted}.
     *
     * @param remainingMillis the invocation's time left; below {@link #RESERVE_MILLIS} no further part is started
     * @throws FanOutContinuesException when time ran short with parts left: a retry of the same event finishes them
     */
    public FanOutResult run(LocalDate date, Optional<String> municipalityId, int hour, LongSupplier remainingMillis) {
        if (municipalityId.isPresent()) {
            Municipality town = municipalities.find(municipalityId.get()).filter(Municipality::active)
                    .orElseThrow(() -> new UnknownMunicipalityException(municipalityId.get()));
            // a catch-up enqueues the whole town again: the ledger skips whoever was served already
            Outcome outcome = fanOut(date, List.of(town), FanOutProgress.NONE, remainingMillis);
            outcome.throwIfUnfinished();
            return outcome.result(date);
        }
        List<String> unreadable = new ArrayList<>();
        List<Municipality> due = municipalities.listActive(unreadable::add).stream()
                .filter(m -> m.deliveryHour() == hour)
                .toList();
        unreadable.forEach(id -> metrics.add(FanOutMetrics.TOWN_FAILED, 1));
        Outcome outcome = fanOut(date, due, progress, remainingMillis);
        outcome.failures().keySet().forEach(id -> metrics.add(FanOutMetrics.TOWN_FAILED, 1));
        outcome.throwIfUnfinished();
        // a town with an unreadable record cannot be planned by a retry either: TownFailed reports it, hourly
        metrics.add(FanOutMetrics.FAN_OUT_COMPLETED, 1);
        return outcome.result(date);
    }

    private Outcome fanOut(LocalDate date, List<Municipality> towns, FanOutProgress progress,
            LongSupplier remainingMillis) {
        Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> enqueued = new ConcurrentHashMap<>();
        Map<String, Map<Integer, Integer>> done = new LinkedHashMap<>();
        for (Municipality town : towns) {
            String id = town.municipalityId();
            try {
                done.put(id, progress.completedSegments(id, date));
                enqueued.put(id, new AtomicInteger(done.get(id).values().stream().mapToInt(Integer::intValue).sum()));
            } catch (RuntimeException e) {
                failures.put(id, e);
            }
        }
        // segment by segment across the towns, so that every town is under way before any town is finished
        Queue<Part> parts = new ConcurrentLinkedQueue<>();
        for (int segment = 0; segment < readers.segments(); segment++) {
            for (Map.Entry<String, Map<Integer, Integer>> town : done.entrySet()) {
                if (!town.getValue().containsKey(segment)) {
                    parts.add(new Part(town.getKey(), segment));
                }
            }
        }
        AtomicBoolean outOfTime = new AtomicBoolean();
        AtomicInteger unfinished = new AtomicInteger(parts.size());
        Runnable worker = () -> {
            Part part;
            while (!outOfTime.get() && (part = parts.poll()) != null) {
                if (remainingMillis.getAsLong() < RESERVE_MILLIS) {
                    outOfTime.set(true);
                    return;
                }
                try {
                    int count = enqueue(part, date, remainingMillis);
                    progress.recordCompleted(part.municipalityId(), date, part.segment(), count);
                    enqueued.get(part.municipalityId()).addAndGet(count);
                    unfinished.decrementAndGet();
                } catch (OutOfTimeException e) {
                    outOfTime.set(true);
                } catch (RuntimeException e) {
                    failures.merge(part.municipalityId(), e, (first, next) -> {
                        first.addSuppressed(next);
                        return first;
                    });
                }
            }
        };
        VirtualThreads.runAll(Collections.nCopies(PARALLEL_PARTS, worker), "interrupted during fan-out");

        Map<String, Integer> finished = new TreeMap<>();
        for (Municipality town : towns) {
            String id = town.municipalityId();
            if (failures.containsKey(id)) {
                // the class only: a message could carry a queue URL or a request id, never useful here
                LOG.error("fan-out for municipality {} on {} failed: {}", id, date,
                        failures.get(id).getClass().getName());
            } else if (!outOfTime.get()) {
                finished.put(id, enqueued.get(id).get());
                LOG.info("fan-out for municipality {} on {}: {} jobs", id, date, enqueued.get(id).get());
            }
        }
        if (outOfTime.get()) {
            LOG.warn("fan-out on {} stopped for time with {} parts left: the retry finishes them", date,
                    unfinished.get());
        }
        return new Outcome(finished, Map.copyOf(failures), outOfTime.get() ? unfinished.get() : 0);
    }

    private int enqueue(Part part, LocalDate date, LongSupplier remainingMillis) {
        AtomicInteger count = new AtomicInteger();
        readers.forEachActiveReader(part.municipalityId(), part.segment(), page -> {
            if (remainingMillis.getAsLong() < RESERVE_MILLIS) {
                // the part is not recorded: the retry enqueues it whole, and the ledger absorbs the repeats
                throw new OutOfTimeException();
            }
            // a catch-up run of a past day never reaches readers who joined after it
            List<DeliveryJob> due = page.stream()
                    .filter(r -> r.registeredBy(date))
                    .map(r -> DeliveryJob.daily(part.municipalityId(), r.readerId(), r.channel(), date))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            jobs.enqueue(due);
            count.addAndGet(due.size());
        });
        return count.get();
    }

    /** One town's readers of one segment of the active-reader index. */
    private record Part(String municipalityId, int segment) {}

    private record Outcome(Map<String, Integer> finished, Map<String, RuntimeException> failures, int partsLeft) {

        void throwIfUnfinished() {
            if (partsLeft > 0) {
                throw new FanOutContinuesException(partsLeft);
            }
            RuntimeException first = null;
            for (RuntimeException failure : failures.values()) {
                if (first == null) {
                    first = failure;
                } else if (first != failure) {
                    first.addSuppressed(failure);
                }
            }
            if (first != null) {
                throw first;
            }
        }

        FanOutResult result(LocalDate date) {
            return new FanOutResult(date, finished);
        }
    }

    /** Jobs enqueued per municipality for one day (by this run and the earlier attempts it continued). */
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

    /**
     * The invocation stopped for time with parts of the hour left. The function fails on purpose: Lambda runs an
     * asynchronous invocation that returned an error twice more by default, one and then two minutes later, with
     * the same event (Lambda developer guide, "How Lambda handles errors and retries with asynchronous
     * invocation"), and the retry skips the recorded parts. No self-invocation, so no permission on itself.
     */
    public static final class FanOutContinuesException extends RuntimeException {
        public FanOutContinuesException(int partsLeft) {
            super(partsLeft + " fan-out parts left for the retry");
        }
    }

    private static final class OutOfTimeException extends RuntimeException {
        OutOfTimeException() {
            super(null, null, false, false);
        }
    }
}
