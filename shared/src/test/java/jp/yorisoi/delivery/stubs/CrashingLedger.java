package jp.yorisoi.delivery.stubs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import jp.yorisoi.delivery.Broadcast;
import jp.yorisoi.delivery.Ledger;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;

/**
 * The real ledger, except that the sender "dies" at a chosen {@code complete()}: just before the write (the push
 * went out, the ledger never heard of it) or just after it. A decorator for fault tests, never a store of its own.
 */
public final class CrashingLedger implements Ledger {

    private final Ledger ledger;
    private final Predicate<LedgerEntry> crashesAt;
    private final Function<LedgerEntry, String> once;
    private final boolean afterWrite;
    private final Set<String> crashed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger crashes = new AtomicInteger();

    private CrashingLedger(Ledger ledger, Predicate<LedgerEntry> crashesAt, Function<LedgerEntry, String> once,
            boolean afterWrite) {
        this.ledger = ledger;
        this.crashesAt = crashesAt;
        this.once = once;
        this.afterWrite = afterWrite;
    }

    /** Dies once, at the first completion of any delivery, before it is written. */
    public static CrashingLedger onceBeforeTheWrite(Ledger ledger) {
        return new CrashingLedger(ledger, done -> true, done -> "once", false);
    }

    /** Dies once, right after the first delivery was written as SENT. */
    public static CrashingLedger onceAfterWritingSent(Ledger ledger) {
        return new CrashingLedger(ledger, done -> done.status() == DeliveryStatus.SENT, done -> "once", true);
    }

    /** Dies once per reader, when its delivery would be written as SENT, before the write. */
    public static CrashingLedger oncePerReaderBeforeWritingSent(Ledger ledger) {
        return new CrashingLedger(ledger, done -> done.status() == DeliveryStatus.SENT, LedgerEntry::readerId, false);
    }

    /** Dies once per broadcast chunk, when its outcome would be written, before the write: the job comes back. */
    public static CrashingLedger oncePerChunkBeforeTheWrite(Ledger ledger) {
        return new CrashingLedger(ledger, done -> done.readerId().startsWith("chunk-"), LedgerEntry::readerId, false);
    }

    /** Dies once per delivery, right after its outcome was written: the job comes back to a finished entry. */
    public static CrashingLedger oncePerDeliveryAfterTheWrite(Ledger ledger) {
        return new CrashingLedger(ledger, done -> done.status() != DeliveryStatus.RELEASED, LedgerEntry::readerId, true);
    }

    /** How many times the sender died. */
    public int crashes() {
        return crashes.get();
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
    public int forgetReader(String municipalityId, String readerId) {
        return ledger.forgetReader(municipalityId, readerId);
    }

    @Override
    public void countErasure(String municipalityId, LocalDate date) {
        ledger.countErasure(municipalityId, date);
    }

    @Override
    public boolean monthlyLimitReached(String municipalityId, LocalDate date) {
        return ledger.monthlyLimitReached(municipalityId, date);
    }

    @Override
    public boolean recordMonthlyLimit(String municipalityId, LocalDate date, Instant at) {
        return ledger.recordMonthlyLimit(municipalityId, date, at);
    }

    @Override
    public boolean complete(LedgerEntry done, String claimId) {
        boolean crash = crashesAt.test(done) && crashed.add(once.apply(done));
        if (crash && !afterWrite) {
            crashes.incrementAndGet();
            throw new IllegalStateException("the sender died before the ledger write");
        }
        boolean written = ledger.complete(done, claimId);
        if (crash) {
            crashes.incrementAndGet();
            throw new IllegalStateException("the sender died after the ledger write");
        }
        return written;
    }

    @Override
    public boolean completeChunk(LedgerEntry done, String claimId, Broadcast.Progress tally) {
        boolean crash = crashesAt.test(done) && crashed.add(once.apply(done));
        if (crash && !afterWrite) {
            crashes.incrementAndGet();
            throw new IllegalStateException("the sender died before the ledger write");
        }
        boolean written = ledger.completeChunk(done, claimId, tally);
        if (crash) {
            crashes.incrementAndGet();
            throw new IllegalStateException("the sender died after the ledger write");
        }
        return written;
    }
}
