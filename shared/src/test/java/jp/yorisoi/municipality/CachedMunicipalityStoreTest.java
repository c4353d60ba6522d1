package jp.yorisoi.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedMunicipalityStoreTest {

    private final AtomicLong ticker = new AtomicLong();
    private final CountingStore store = new CountingStore();
    private final CachedMunicipalityStore towns = new CachedMunicipalityStore(store, ticker::get);

    @Test
    void aTownIsReadOncePerFiveMinutesWhateverTheNumberOfJobs() {
        store.save(town("demo", true));
        for (int job = 0; job < 50; job++) {
            assertEquals("demo", towns.find("demo").orElseThrow().municipalityId());
        }
        ticker.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        towns.find("demo");

        assertEquals(List.of("find demo"), store.reads);
    }

    @Test
    void afterFiveMinutesAChangedSettingIsSeen() {
        store.save(town("demo", true));
        assertEquals(true, towns.find("demo").orElseThrow().active());
        store.save(town("demo", false));
        ticker.addAndGet(CachedMunicipalityStore.CACHE_FOR.toNanos());

        assertEquals(false, towns.find("demo").orElseThrow().active());
        assertEquals(List.of("find demo", "find demo"), store.reads);
    }

    @Test
    void anUnknownTownIsAskedOnceToo() {
        assertEquals(Optional.empty(), towns.find("nowhere"));
        assertEquals(Optional.empty(), towns.find("nowhere"));

        assertEquals(List.of("find nowhere"), store.reads);
    }

    @Test
    void theActiveListIsReadEveryTimeSoTheHourlyRunSeesAChangedHourAtOnce() {
        store.save(town("demo", true));
        assertEquals(1, towns.listActive().size());
        store.save(town("other", true));

        assertEquals(2, towns.listActive().size());
        assertEquals(List.of("listActive", "listActive"), store.reads);
    }

    private static Municipality town(String id, boolean active) {
        return new Municipality(id, "デモ町", "デモ町より", "デモ町役場", Plan.FULL, 3, 8, List.of("ja"), null, active);
    }

    /** Towns in a map; records each read. */
    private static final class CountingStore implements MunicipalityStore {
        final List<String> reads = new ArrayList<>();
        private final Map<String, Municipality> towns = new HashMap<>();

        @Override
        public Optional<Municipality> find(String municipalityId) {
            reads.add("find " + municipalityId);
            return Optional.ofNullable(towns.get(municipalityId));
        }

        @Override
        public List<Municipality> listActive(Consumer<String> unreadable) {
            reads.add("listActive");
            return towns.values().stream().filter(Municipality::active).toList();
        }

        @Override
        public void save(Municipality municipality) {
            towns.put(municipality.municipalityId(), municipality);
        }
    }
}
