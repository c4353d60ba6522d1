package jp.yorisoi.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The delivery ledger; the DynamoDB adapter is {@code DynamoLedger}.
 *
 * <p>Every attempt at a delivery carries a claim id of its own. A write that the store applied but whose answer was
 * lost (a time-out, a dropped connection) is retried by the client and then fails its own condition; the ledger
 * recognises its own claim id there and reports success, not "someone else did it".
 *
 * <p>Every claim is conditional on the reader still being stored: a job still queued when its reader was erased
 * gets {@link Claim#READER_GONE} and writes nothing, and an outcome is only written over its own claim, which an
 * erasure removes.
 */
public interface Ledger {

    Optional<LedgerEntry> find(String municipalityId, String readerId, String deliveryKey);

    /** What a claim found. */
    enum Claim {
        /** This attempt holds the delivery and may send. */
        CLAIMED,
        /** An earlier attempt finished the delivery (or gave it up as in doubt): nothing left to do. */
        DONE,
        /** Another attempt left SENDING that must not be sent again: it may or may not have reached the reader. */
        IN_DOUBT,
        /** Another attempt claimed the e-mail moments ago and may be sending it now: its own outcome will follow. */
        IN_FLIGHT,
        /** The reader was erased: nothing was written, and nothing may be sent or recorded about them. */
        READER_GONE
    }

    /**
     * Claims a delivery whose send may be repeated (LINE: the retry key): writes SENDING with {@code claimId} when
     * there is no entry, the last attempt was RELEASED, or a SENDING entry was first claimed at or after
     * {@code resendableSince} and is not a reply's ({@link LedgerEntry#BY_REPLY}: a reply cannot be repeated safely). An older SENDING entry becomes IN_DOUBT (final) and IN_DOUBT is returned; a final
     * entry returns DONE. The first claim time is kept across re-claims: it is what ages.
     */
    Claim claim(LedgerEntry sending, String claimId, Instant resendableSince);

    /**
     * Claims a delivery that cannot be repeated safely (e-mail: SES has no idempotency key): writes SENDING only
     * when there is no entry yet or the last attempt was RELEASED, in one conditional write. Another attempt's
     * SENDING stays as it is: written at or after {@code inFlightSince} it returns IN_FLIGHT (that attempt may still
     * be running), older it returns IN_DOUBT (that attempt crashed at an unknown point).
     */
    Claim claimExclusive(LedgerEntry sending, String claimId, Instant inFlightSince);

    /**
     * Records the outcome of the claim {@code claimId}: final, or RELEASED after a failure that sent nothing. A
     * broadcast's entry also counts in the broadcast's progress, in the same write.
     *
     * @return false when the entry is no longer this claim's (another attempt re-claimed it): nothing was written
     */
    boolean complete(LedgerEntry done, String claimId);

    /**
     * Records the outcome of a broadcast chunk's claim (one LINE multicast for many readers) and adds
     * {@code tally} to the broadcast's progress in the same write.
     *
     * @return false when the entry is no longer this claim's: nothing was written or counted
     */
    boolean completeChunk(LedgerEntry done, String claimId, Broadcast.Progress tally);

    /**
     * Removes every entry of the reader (their erasure), with the index entries that go with them.
     *
     * @return how many entries were removed
     */
    int forgetReader(String municipalityId, String readerId);

    /**
     * Counts, without naming anyone, an erased reader who was receiving deliveries on {@code date}: their entry of
     * that day is gone (or never comes), and the day's reconciliation allows for it.
     */
    void countErasure(String municipalityId, LocalDate date);

    /** Whether LINE answered "monthly limit reached" to a push of this town on this delivery day. */
    boolean monthlyLimitReached(String municipalityId, LocalDate date);

    /**
     * Remembers that the town's channel reached its monthly limit on this delivery day, so every sender skips its
     * remaining pushes of the day.
     *
     * @return true for the call that recorded it first (one alarm per town and day), false when it was known
     */
    boolean recordMonthlyLimit(String municipalityId, LocalDate date, Instant at);
}
