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

    /** Records the final outcome. */
    void complete(LedgerEntry done);
}
