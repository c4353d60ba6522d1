package jp.yorisoi.delivery;

import java.util.List;
import java.util.UUID;

/** Sends LINE messages for one municipality's channel; the SDK adapter is {@code LinePushChannel}. */
public interface LineMessenger {

    /**
     * Pushes 1–5 text messages with a retry key; a 409 with an accepted request id counts as accepted.
     *
     * @return ACCEPTED; UNKNOWN_USER when LINE refused the recipient; MONTHLY_LIMIT when the town's channel may send
     *         no more messages this month (nothing was sent)
     * @throws RetryableSendException on a rate-limit 429, 5xx and time-outs, after the adapter's own short back-off
     */
    PushOutcome push(String municipalityId, String lineUserId, List<String> texts, UUID retryKey);

    /**
     * Sends the same 1–5 text messages to at most {@link #MULTICAST_LIMIT} users in one request, with a retry key;
     * a 409 with an accepted request id counts as accepted.
     *
     * @return as {@link #push}; UNKNOWN_USER when LINE refused the request for its recipients
     * @throws RetryableSendException as {@link #push}
     */
    PushOutcome multicast(String municipalityId, List<String> lineUserIds, List<String> texts, UUID retryKey);

    /** Most user ids in one multicast ("to": max 500 user IDs, Messaging API reference, "Send multicast message"). */
    int MULTICAST_LIMIT = 500;

    enum PushOutcome {
        ACCEPTED,
        UNKNOWN_USER,
        MONTHLY_LIMIT
    }
}
