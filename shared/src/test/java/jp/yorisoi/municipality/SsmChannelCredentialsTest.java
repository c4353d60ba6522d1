package jp.yorisoi.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import jp.yorisoi.aws.Parameters;

class SsmChannelCredentialsTest {

    private final FakeSsm ssm = new FakeSsm(Map.of(
            "/yorisoi/dev/line/m1/channel-secret", "secret-1",
            "/yorisoi/dev/line/m1/channel-token", "token-1"));
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final SsmChannelCredentials credentials = new SsmChannelCredentials(ssm, "/yorisoi/dev", clock);

    @Test
    void readsSecretAndTokenFromTheTownsParameters() {
        assertEquals(Optional.of("secret-1"), credentials.channelSecret("m1"));
        assertEquals(Optional.of("token-1"), credentials.accessToken("m1"));
        assertEquals(List.of("/yorisoi/dev/line/m1/channel-secret", "/yorisoi/dev/line/m1/channel-token"),
                ssm.names());
    }

    @Test
    void repeatedLookupsWithinFiveMinutesCallSsmOnce() {
        credentials.channelSecret("m1");
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        credentials.channelSecret("m1");

        assertEquals(List.of("/yorisoi/dev/line/m1/channel-secret"), ssm.names());
    }

    @Test
    void lookupAfterFiveMinutesCallsSsmAgain() {
        credentials.accessToken("m1");
        clock.advance(Duration.ofMinutes(5));
        credentials.accessToken("m1");

        assertEquals(2, ssm.requests.size());
    }

    @Test
    void unknownTownIsEmptyAndTheAnswerIsCachedToo() {
        assertEquals(Optional.empty(), credentials.channelSecret("nowhere"));
        assertEquals(Optional.empty(), credentials.channelSecret("nowhere"));

        assertEquals(1, ssm.requests.size());
    }

    @Test
    void prefixWithTrailingSlashNamesTheSameParameters() {
        new SsmChannelCredentials(ssm, "/yorisoi/dev/", clock).channelSecret("m1");

        assertEquals(List.of("/yorisoi/dev/line/m1/channel-secret"), ssm.names());
    }

    @Test
    void staticCredentialsServeTheGivenTownsOnly() {
        ChannelCredentials local = new StaticChannelCredentials(
                Map.of("m1", new StaticChannelCredentials.Credentials("s", "t")));

        assertEquals(Optional.of("s"), local.channelSecret("m1"));
        assertEquals(Optional.of("t"), local.accessToken("m1"));
        assertEquals(Optional.empty(), local.accessToken("m2"));
    }

    /** SSM Parameter Store with fixed parameters; it records what was asked. */
    private static final class FakeSsm implements Parameters {
        final List<String> requests = new ArrayList<>();
        private final Map<String, String> parameters;

        FakeSsm(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        @Override
        public Optional<String> decrypted(String name) {
            requests.add(name);
            return Optional.ofNullable(parameters.get(name));
        }

        List<String> names() {
            return requests;
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
