package jp.yorisoi.delivery;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The record of one delivery to one reader: written with a condition so nothing is sent twice, and counted
 * by the stats.
 *
 * @param reason why a final entry sent nothing, when the status alone does not say (see the constants); else null
 */
public record LedgerEntry(String municipalityId, String readerId, String deliveryKey, LocalDate date,
        DeliveryStatus status, String channel, String role, int parts, Instant updatedAt, String reason) {

    /** The day's push was not sent: LINE answered that the town's channel reached its monthly message limit. */
    public static final String MONTHLY_LIMIT = "MONTHLY_LIMIT";
    /** A LINE push left SENDING for longer than LINE remembers its retry key: it may or may not have arrived. */
    public static final String RETRY_KEY_EXPIRED = "RETRY_KEY_EXPIRED";
    /**
     * On a SENDING entry: the day is being sent as the reply to the reader's request for it. A reply has no retry key,
     * so a push never claims such an entry again (DynamoLedger.claim); final entries keep it to tell how the day went.
     */
    public static final String BY_REPLY = "BY_REPLY";
    /** A reply carrying the day failed in a way that leaves open whether it arrived (a time-out): not pushed after. */
    public static final String REPLY_IN_DOUBT = "REPLY_IN_DOUBT";

    public LedgerEntry(String municipalityId, String readerId, String deliveryKey, LocalDate date,
            DeliveryStatus status, String channel, String role, int parts, Instant updatedAt) {
        this(municipalityId, readerId, deliveryKey, date, status, channel, role, parts, updatedAt, null);
    }

    public enum DeliveryStatus {
        /** A send is under way (or crashed); LINE retries reuse the retry key, so re-sending is safe. */
        SENDING,
        SENT,
        /** The composed day was empty for this reader: nothing to send. */
        NOTHING_TO_SEND,
        /** The reader could not be reached (unknown LINE user, bounced address, no longer active, town's limit). */
        SKIPPED,
        /** An e-mail send failed with nothing sent (throttling): the next attempt may claim it again. */
        RELEASED,
        /**
         * Final: a send may or may not have reached the reader, and repeating it could deliver twice, so it is never
         * tried again (reason {@link #RETRY_KEY_EXPIRED}).
         */
        IN_DOUBT
    }
}
