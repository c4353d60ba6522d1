package jp.yorisoi.delivery;

import java.util.Optional;

/** The delivery ledger; the DynamoDB adapter is {@code DynamoLedger}. */
public interface Ledger {

    Optional<LedgerEntry> find(String municipalityId, String readerId, String deliveryKey);

    /**
     * Claims the delivery: writes SENDING unless the entry is already final (SENT, NOTHING_TO_SEND, SKIPPED).
     * Returns false when it was already final, i.e. there is nothing left to do.
     */
    boolean claim(LedgerEntry sending);

    /**
     * Claims a delivery that cannot be repeated safely (e-mail: SES has no idempotency key): writes SENDING only
     * when there is no entry yet or the last attempt was RELEASED. Returns false otherwise, including when another
     * attempt is SENDING (in flight, or crashed at an unknown point).
     *
     * <p>The default reads then claims, which leaves a small window for two concurrent attempts; adapters
     * override it with one conditional write.
     */
    default boolean claimExclusive(LedgerEntry sending) {
        Optional<LedgerEntry> existing = find(sending.municipalityId(), sending.readerId(), sending.deliveryKey());
        if (existing.isPresent() && existing.get().status() != LedgerEntry.DeliveryStatus.RELEASED) {
            return false;
        }
        return claim(sending);
    }

    /** Records the outcome: final, or RELEASED after a failure that sent nothing. */
    void complete(LedgerEntry done);
}
