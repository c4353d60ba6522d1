package jp.yorisoi.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import jp.yorisoi.cache.TtlCache;

/**
 * The ledger with the town's monthly-limit flag kept per container: a sender reads the flag once per town, day and
 * {@link #CACHE_FOR}, not once per push. A flag another container sets is seen here at most that long later; the
 * pushes in between get LINE's own 429 "monthly limit" answer, which records the flag again and skips the reader
 * the same way, so the cache costs at most a few refused requests, never a message. A flag this container records
 * is known at once. Everything else goes straight to the ledger.
 */
public final class CachedMonthlyLimit implements Ledger {

    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final int MAX_TOWN_DAYS = 5_000;

    private final Ledger ledger;
    private final TtlCache<String, Boolean> flags;
    private final Set<String> recordedHere = ConcurrentHashMap.newKeySet();

    public CachedMonthlyLimit(Ledger ledger) {
        this(ledger, System::nanoTime);
    }

    public CachedMonthlyLimit(Ledger ledger, LongSupplier ticker) {
        this.ledger = ledger;
        this.flags = new TtlCache<>(CACHE_FOR, MAX_TOWN_DAYS, ticker);
    }

    @Override
    public boolean monthlyLimitReached(String municipalityId, LocalDate date) {
        String key = municipalityId + "|" + date;
        return recordedHere.contains(key) || flags.get(key, k -> ledger.monthlyLimitReached(municipalityId, date));
    }

    @Override
    public boolean recordMonthlyLimit(String municipalityId, LocalDate date, Instant at) {
        boolean first = ledger.recordMonthlyLimit(municipalityId, date, at);
        if (recordedHere.size() >= MAX_TOWN_DAYS) {
            recordedHere.clear();
        }
        recordedHere.add(municipalityId + "|" + date);
        return first;
    }

    @Override
    public Optional<LedgerEntry> find(String municipalityId, String readerId, String deliveryKey) {
        return ledger.find(municipalityId, readerId, deliveryKey);
    }

    @Override
    public Claim claim(LedgerEntry sending, String claimId, Instant resendableSince) {
        return ledger.claim(sending, claimId, resendableSince);
    }

    @Override
    public Claim claimExclusive(LedgerEntry sending, String claimId, Instant inFlightSince) {
        return ledger.claimExclusive(sending, claimId, inFlightSince);
    }

    @Override
    public boolean complete(LedgerEntry done, String claimId) {
        return ledger.complete(done, claimId);
    }
}
