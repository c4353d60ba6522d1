package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsAreJitteredBelowAnExponentialCeilingAndTheCap() {
        Backoff backoff = new Backoff(10, Duration.ofMillis(100), Duration.ofSeconds(1), new Random(7));
        for (int attempt = 1; attempt <= 9; attempt++) {
            long ceiling = Math.min(1000, 100L << (attempt - 1));
            for (int i = 0; i < 50; i++) {
                long wait = backoff.delayAfter(attempt).toMillis();
                assertTrue(wait >= 0 && wait <= ceiling, "attempt " + attempt + " waited " + wait);
            }
        }
    }
}
