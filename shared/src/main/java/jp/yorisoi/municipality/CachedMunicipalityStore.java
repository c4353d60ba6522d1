package jp.yorisoi.municipality;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import jp.yorisoi.cache.TtlCache;

/**
 * Town settings kept per container for {@link #CACHE_FOR}: a sender reads its town once per container and run,
 * not once per job. Settings change by a staff member's edit or an import, a few times a year; a job sent within
 * five minutes of a change follows the previous settings, as channel secrets from SSM already do
 * ({@code SsmChannelCredentials}). Writes go straight through and clear what this container kept. The list of
 * active towns is not kept.
 */
public final class CachedMunicipalityStore implements MunicipalityStore {

    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    /** Every town of a national deployment (about 1,700) with room to spare; a town is a small item. */
    static final int MAX_TOWNS = 5_000;

    private final MunicipalityStore store;
    private final TtlCache<String, Optional<Municipality>> towns;

    public CachedMunicipalityStore(MunicipalityStore store) {
        this(store, System::nanoTime);
    }

    public CachedMunicipalityStore(MunicipalityStore store, LongSupplier ticker) {
        this.store = store;
        this.towns = new TtlCache<>(CACHE_FOR, MAX_TOWNS, ticker);
    }

    @Override
    public Optional<Municipality> find(String municipalityId) {
        return towns.get(municipalityId, store::find);
    }

    /**
     * Always read: the hourly fan-out lists the towns once per run, and must see a delivery hour or an activation
     * changed a minute ago, and every unreadable record, each time.
     */
    @Override
    public List<Municipality> listActive(Consumer<String> unreadable) {
        return store.listActive(unreadable);
    }

    @Override
    public void save(Municipality municipality) {
        store.save(municipality);
        towns.clear();
    }
}
