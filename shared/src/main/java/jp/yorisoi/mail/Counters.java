package jp.yorisoi.mail;

import java.time.Duration;
import java.time.Instant;

/** Short-lived counters in fixed time windows (signup rate limits, soft bounces); the adapter is DynamoCounters. */
public interface Counters {

    /**
     * Adds one to {@code key}'s count in the window of length {@code window} that holds {@code now}.
     *
     * @return the count in that window, this one included
     */
    long increment(String key, Duration window, Instant now);
}
