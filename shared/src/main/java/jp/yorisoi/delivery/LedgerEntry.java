package jp.yorisoi.delivery;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The record of one delivery to one reader: written with a condition so nothing is sent twice, and counted
 * by the stats.
 */
public record LedgerEntry(String municipalityId, String readerId, String deliveryKey, LocalDate date,
        DeliveryStatus status, String channel, String role, int parts, Instant updatedAt) {

    public enum DeliveryStatus {
        /** A send is under way (or crashed); LINE retries reuse the retry key, so re-sending is safe. */
        SENDING,
        SENT,
        /** The composed day was empty for this reader: nothing to send. */
        NOTHING_TO_SEND,
        /** The reader could not be reached (unknown LINE user, bounced address, no longer active). */
        SKIPPED,
        /** An e-mail send failed with nothing sent (throttling): the next attempt may claim it again. */
        RELEASED
    }
}
