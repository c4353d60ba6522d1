package jp.yorisoi.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter (a random wait between zero and base·2^attempt, capped), so that many
 * senders throttled at once do not retry in step.
 */
public record Backoff(int maxAttempts, Duration base, Duration cap, RandomGenerator random) {

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before attempt number {@code attempt + 1}, for {@code attempt} ≥ 1. */
    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
