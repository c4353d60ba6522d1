package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.schedule.ProgramSchedule;
import org.junit.jupiter.api.Test;

class LocalConfigTest {

    @Test
    void defaultsServeTheDemoTownOnPort3000WithARandomOperatorToken() {
        LocalConfig first = LocalConfig.fromEnvironment(Map.of());
        LocalConfig second = LocalConfig.fromEnvironment(Map.of());

        assertEquals(3000, first.port());
        assertEquals("demo-channel-secret", first.demoChannelSecret());
        assertEquals("demo-channel-token", first.demoChannelToken());
        assertEquals(Optional.empty(), first.awsEndpoint());
        assertEquals(Optional.empty(), first.lineApiBaseUrl());
        assertEquals(7, first.catchUpDays());
        assertNotEquals(first.adminToken(), second.adminToken());
    }

    @Test
    void environmentOverridesEveryDefault() {
        LocalConfig config = LocalConfig.fromEnvironment(Map.of(
                "PORT", "4000", "TODAY", "2026-02-28", "DEMO_CHANNEL_SECRET", "s", "DEMO_CHANNEL_TOKEN", "t",
                "ADMIN_TOKEN", "op", "LINE_API_BASE_URL", "http://localhost:9/line", "AWS_ENDPOINT_URL",
                "http://127.0.0.1:5000", "CATCH_UP_DAYS", "60"));

        assertEquals(4000, config.port());
        assertEquals(60, config.catchUpDays());
        assertEquals(Optional.of(LocalDate.parse("2026-02-28")), config.today());
        assertEquals("op", config.adminToken());
        assertEquals(Optional.of(URI.create("http://localhost:9/line")), config.lineApiBaseUrl());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:5000")), config.awsEndpoint());
    }

    @Test
    void todayPinsTheClockToThatDateInTokyo() {
        var clock = LocalConfig.fromEnvironment(Map.of("TODAY", "2026-12-31")).clock();

        assertEquals(LocalDate.parse("2026-12-31"), LocalDate.now(clock));
        assertEquals(ProgramSchedule.ZONE, clock.getZone());
        assertEquals(clock.instant(), clock.instant());
    }

    @Test
    void malformedValuesAreRefusedWithTheirName() {
        var today = assertThrows(IllegalArgumentException.class,
                () -> LocalConfig.fromEnvironment(Map.of("TODAY", "2026/04/01")));
        assertEquals("TODAY must be YYYY-MM-DD, was '2026/04/01'", today.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalConfig.fromEnvironment(Map.of("PORT", "http")));
        var catchUp = assertThrows(IllegalArgumentException.class,
                () -> LocalConfig.fromEnvironment(Map.of("CATCH_UP_DAYS", "-3")));
        assertTrue(catchUp.getMessage().startsWith("CATCH_UP_DAYS"), catchUp.getMessage());
    }

    @Test
    void demoWebhookIsSignedLikeLine() {
        // Reference value: printf '%s' '{"events":[]}' | openssl dgst -sha256 -hmac demo-channel-secret -binary | base64
        assertEquals("IFbrxzITBg09eoLqlhNzhwmovmixvByFKF39LDXc0WI=",
                DemoWebhook.sign("demo-channel-secret", "{\"events\":[]}"));
    }
}
