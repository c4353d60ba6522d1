package jp.yorisoi.privacy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Dormancy;
import jp.yorisoi.reader.ReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily removal of readers kept long enough: per town and kind of dormancy, it asks the readers table's sparse
 * index for those whose period may have run out, reads each one again (the index lags, and the reader may have come
 * back meanwhile), and erases those still due. A town that fails is named and the run goes on; the run fails at the
 * end so that the failure alarms.
 */
public final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    /** Readers erased in a run, all towns (EMF metric). */
    public static final String READERS_ERASED = "RetentionReadersErased";

    private final MunicipalityStore municipalities;
    private final ReaderStore readers;
    private final RetentionSettings settings;
    private final ReaderErasure erasure;
    private final Metrics metrics;

    /** The job's counter; the functions write it as EMF. */
    @FunctionalInterface
    public interface Metrics {
        void add(String name, int value);
    }

    public RetentionJob(MunicipalityStore municipalities, ReaderStore readers, RetentionSettings settings,
            ReaderErasure erasure, Metrics metrics) {
        this.municipalities = municipalities;
        this.readers = readers;
        this.settings = settings;
        this.erasure = erasure;
        this.metrics = metrics;
    }

    /** @return readers erased per kind, all towns */
    public Map<Dormancy.Kind, Integer> run(LocalDate today) {
        Map<Dormancy.Kind, Integer> erased = new EnumMap<>(Dormancy.Kind.class);
        int failedTowns = 0;
        for (Municipality town : municipalities.listActive()) {
            try {
                runTown(town, today, erased);
            } catch (RuntimeException e) {
                failedTowns++;
                LOG.error("retention of municipality {} failed: {}", town.municipalityId(), e.toString());
            }
        }
        int total = erased.values().stream().mapToInt(Integer::intValue).sum();
        metrics.add(READERS_ERASED, total);
        LOG.info("retention on {}: {} readers erased {}", today, total, erased);
        if (failedTowns > 0) {
            throw new IllegalStateException("retention failed for " + failedTowns + " municipalities");
        }
        return erased;
    }

    private void runTown(Municipality town, LocalDate today, Map<Dormancy.Kind, Integer> erased) {
        RetentionPolicy policy = settings.policyFor(town.municipalityId());
        for (Dormancy.Kind kind : Dormancy.Kind.values()) {
            LocalDate cutoff = policy.dueSinceOnOrBefore(kind, today, town.endBirthday());
            for (int segment = 0; segment < readers.segments(); segment++) {
                readers.forEachDormantReader(town.municipalityId(), kind, segment, cutoff, ids -> {
                    for (String readerId : ids) {
                        if (stillDue(town, readerId, policy, today)) {
                            erasure.erase(town.municipalityId(), readerId);
                            erased.merge(kind, 1, Integer::sum);
                        }
                    }
                });
            }
        }
    }

    private boolean stillDue(Municipality town, String readerId, RetentionPolicy policy, LocalDate today) {
        Optional<Dormancy> dormancy = readers.find(town.municipalityId(), readerId).flatMap(Dormancy::of);
        return dormancy.isPresent() && policy.due(dormancy.get(), today, town.endBirthday());
    }
}
