package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jp.yorisoi.delivery.LineMessenger.PushOutcome;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.municipality.ChannelCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinePushChannelIT {

    static final LineStub STUB = new LineStub();
    static final ChannelCredentials CREDENTIALS = new ChannelCredentials() {
        @Override
        public Optional<String> channelSecret(String municipalityId) {
            return Optional.of("secret");
        }

        @Override
        public Optional<String> accessToken(String municipalityId) {
            return Optional.of("token-" + municipalityId);
        }
    };

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final List<String> counted = new CopyOnWriteArrayList<>();
    final LinePushChannel channel = new LinePushChannel(CREDENTIALS, STUB.endpoint(), Duration.ofMillis(400),
            new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(1), new Random(3)), waits::add, counted::add);

    @BeforeEach
    void resetStub() {
        STUB.reset();
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void pushCarriesTheTextsAndTheRetryKey() {
        UUID key = UUID.randomUUID();

        assertEquals(PushOutcome.ACCEPTED, channel.push("demo", "U1", List.of("一", "二"), key));

        assertEquals(List.of(new LineStub.Accepted(key, "U1", List.of("一", "二"), STUB.accepted().getFirst().requestId())),
                STUB.accepted());
    }

    @Test
    void aRepeatLineAnswersWith409IsAcceptedAndNotPushedTwice() {
        UUID key = UUID.randomUUID();
        channel.push("demo", "U1", List.of("一"), key);

        assertEquals(PushOutcome.ACCEPTED, channel.push("demo", "U1", List.of("一"), key));

        assertEquals(2, STUB.requests());
        assertEquals(1, STUB.accepted().size());
    }

    @Test
    void aRotatedTokenFailsTheAttemptAndTheNextOneUsesTheNewToken() {
        AtomicInteger lookups = new AtomicInteger();
        ChannelCredentials rotating = new ChannelCredentials() {
            @Override
            public Optional<String> channelSecret(String municipalityId) {
                return Optional.of("secret");
            }

            @Override
            public Optional<String> accessToken(String municipalityId) {
                return Optional.of(lookups.incrementAndGet() == 1 ? "old-token" : "new-token");
            }
        };
        LinePushChannel rotated = new LinePushChannel(rotating, STUB.endpoint(), Duration.ofMillis(400),
                new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(1), new Random(3)), waits::add);
        STUB.rejectingToken("old-token");
        UUID key = UUID.randomUUID();

        assertThrows(RetryableSendException.class, () -> rotated.push("demo", "U1", List.of("一"), key));
        assertEquals(PushOutcome.ACCEPTED, rotated.push("demo", "U1", List.of("一"), key));

        assertEquals(1, STUB.accepted().size());
    }

    @Test
    void unknownUserIsReportedNotRetried() {
        STUB.unknownUser("Unobody");

        assertEquals(PushOutcome.UNKNOWN_USER, channel.push("demo", "Unobody", List.of("一"), UUID.randomUUID()));
        assertEquals(1, STUB.requests());
    }

    @Test
    void throttlingIsRetriedWithJitteredBackoffThenGivenBackToTheQueue() {
        STUB.withFaults(1, 1.0, 0, 0);

        assertThrows(RetryableSendException.class, () -> channel.push("demo", "U1", List.of("一"), UUID.randomUUID()));

        assertEquals(4, STUB.requests());
        assertEquals(3, waits.size());
        assertEquals(0, STUB.accepted().size());
    }

    @Test
    void anAnswerLostToTheReadTimeoutIsRetriedAndLineSeesOnePush() {
        STUB.withFaults(5, 0, 1.0, 1_000);
        UUID key = UUID.randomUUID();

        assertEquals(PushOutcome.ACCEPTED, channel.push("demo", "U1", List.of("一"), key));

        assertEquals(2, STUB.requests());
        assertEquals(1, STUB.accepted().size());
    }

    @Test
    void everyRateLimitAnswerIsCountedAndBackedOff() {
        STUB.withFaults(1, 1.0, 0, 0);

        assertThrows(RetryableSendException.class, () -> channel.push("demo", "U1", List.of("一"), UUID.randomUUID()));

        assertTrue(STUB.rateLimited() >= 1, "the seed gives some 429s among the 500s");
        assertEquals(STUB.rateLimited(), counted.stream().filter(DeliveryMetrics.LINE_RATE_LIMITED::equals).count());
    }

    @Test
    void theMonthlyLimitIsReportedAtOnceNotRetried() {
        STUB.monthlyLimitReached("token-demo");

        assertEquals(PushOutcome.MONTHLY_LIMIT, channel.push("demo", "U1", List.of("一"), UUID.randomUUID()));

        assertEquals(1, STUB.requests());
        assertEquals(List.of(), waits);
        assertEquals(List.of(), counted);
    }
}
