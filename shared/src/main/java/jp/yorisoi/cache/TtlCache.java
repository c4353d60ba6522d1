package jp.yorisoi.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A per-container memo of answers that do not change within a delivery run (town settings, content texts), each
 * kept for a fixed time after it was read. Absent answers are kept too: a town without a local text for a day is
 * asked once, not once per reader. Bounded: past {@code maxEntries} the expired entries go, and if that is not
 * enough, all of them (the next reads fill it again). Time comes from a ticker (nanoseconds, monotonic), so a
 * test moves it by hand.
 */
public final class TtlCache<K, V> {

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier ticker;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TtlCache(Duration ttl, int maxEntries, LongSupplier ticker) {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("a cache needs a positive time to live and room for an entry");
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.ticker = ticker;
    }

    /**
     * The kept answer for {@code key} while it is fresh, else {@code load}'s answer, kept from now on. Callers
     * asking for the same key at once wait for one load rather than each loading it.
     */
    public V get(K key, Function<? super K, ? extends V> load) {
        long now = ticker.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && fresh(entry, now)) {
            return entry.value();
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !fresh(e, now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        return entries.compute(key, (k, current) -> current != null && fresh(current, now)
                ? current
                : new Entry<>(load.apply(k), now)).value();
    }

    private boolean fresh(Entry<V> entry, long now) {
        return now - entry.readAt() < ttlNanos;
    }

    /** Forgets everything: after a write through this container, the next read sees it. */
    public void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private record Entry<V>(V value, long readAt) {}
}
