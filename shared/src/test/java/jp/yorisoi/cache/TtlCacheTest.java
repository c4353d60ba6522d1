package jp.yorisoi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TtlCacheTest {

    private final AtomicLong ticker = new AtomicLong(1_000);
    private final List<String> loads = new ArrayList<>();
    private final TtlCache<String, Optional<String>> cache = new TtlCache<>(Duration.ofMinutes(5), 3, ticker::get);

    private Optional<String> load(String key) {
        loads.add(key);
        return key.startsWith("missing") ? Optional.empty() : Optional.of(key.toUpperCase());
    }

    @Test
    void anAnswerIsKeptUntilItsTimeToLiveRunsOut() {
        assertEquals(Optional.of("A"), cache.get("a", this::load));
        ticker.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        assertEquals(Optional.of("A"), cache.get("a", this::load));
        assertEquals(List.of("a"), loads);

        ticker.addAndGet(1);
        assertEquals(Optional.of("A"), cache.get("a", this::load));
        assertEquals(List.of("a", "a"), loads);
    }

    @Test
    void anAbsentAnswerIsKeptToo() {
        cache.get("missing", this::load);
        cache.get("missing", this::load);

        assertEquals(List.of("missing"), loads);
    }

    @Test
    void pastItsBoundTheExpiredEntriesGoFirst() {
        cache.get("a", this::load);
        ticker.addAndGet(Duration.ofMinutes(6).toNanos());
        cache.get("b", this::load);
        cache.get("c", this::load);
        cache.get("d", this::load);

        assertEquals(3, cache.size());
        cache.get("b", this::load);
        assertEquals(List.of("a", "b", "c", "d"), loads);
    }

    @Test
    void aFullCacheOfFreshEntriesStartsOverRatherThanGrow() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("c", this::load);
        cache.get("d", this::load);

        assertEquals(1, cache.size());
        cache.get("d", this::load);
        assertEquals(List.of("a", "b", "c", "d"), loads);
    }
}
