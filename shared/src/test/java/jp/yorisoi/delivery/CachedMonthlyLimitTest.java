package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedMonthlyLimitTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-02");

    private final AtomicLong ticker = new AtomicLong();
    private final FlagLedger ledger = new FlagLedger();
    private final CachedMonthlyLimit cached = new CachedMonthlyLimit(ledger, ticker::get);

    @Test
    void theFlagIsReadOncePerTownAndDayWithinThirtySecondsWhateverTheNumberOfPushes() {
        for (int push = 0; push < 100; push++) {
            assertFalse(cached.monthlyLimitReached("demo", DAY));
        }
        cached.monthlyLimitReached("other", DAY);
        cached.monthlyLimitReached("demo", DAY.plusDays(1));

        assertEquals(3, ledger.reads.get());
    }

    @Test
    void aFlagAnotherContainerSetIsSeenOnceTheKeptAnswerExpires() {
        assertFalse(cached.monthlyLimitReached("demo", DAY));
        ledger.flags.add("demo|" + DAY);
        assertFalse(cached.monthlyLimitReached("demo", DAY));

        ticker.addAndGet(CachedMonthlyLimit.CACHE_FOR.toNanos());

        assertTrue(cached.monthlyLimitReached("demo", DAY));
    }

    @Test
    void aFlagThisContainerRecordsIsKnownAtOnce() {
        assertFalse(cached.monthlyLimitReached("demo", DAY));

        assertTrue(cached.recordMonthlyLimit("demo", DAY, Instant.EPOCH));

        assertTrue(cached.monthlyLimitReached("demo", DAY));
        assertFalse(cached.monthlyLimitReached("demo", DAY.plusDays(1)));
    }

    /** Only the monthly-limit flag: the other ledger calls are not this class's business. */
    private static final class FlagLedger implements Ledger {
        final Set<String> flags = new HashSet<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public boolean monthlyLimitReached(String municipalityId, LocalDate date) {
            reads.incrementAndGet();
            return flags.contains(municipalityId + "|" + date);
        }

        @Override
        public boolean recordMonthlyLimit(String municipalityId, LocalDate date, Instant at) {
            return flags.add(municipalityId + "|" + date);
        }

        @Override
        public Optional<LedgerEntry> find(String municipalityId, String readerId, String deliveryKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Claim claim(LedgerEntry sending, String claimId, Instant resendableSince) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Claim claimExclusive(LedgerEntry sending, String claimId, Instant inFlightSince) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean complete(LedgerEntry done, String claimId) {
            throw new UnsupportedOperationException();
        }
    }
}
