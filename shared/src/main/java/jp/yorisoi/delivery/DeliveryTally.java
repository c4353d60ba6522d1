package jp.yorisoi.delivery;

import java.time.LocalDate;

/** What the ledger says about a town's day as a whole; the DynamoDB adapter is {@code DynamoLedger}. */
public interface DeliveryTally {

    /**
     * The town's daily deliveries of {@code date} that reached a final state: SENT, or a recorded reason for
     * sending nothing (NOTHING_TO_SEND, SKIPPED); a reader erased that day while receiving deliveries counts as one.
     */
    int finalDailyDeliveries(String municipalityId, LocalDate date);
}
