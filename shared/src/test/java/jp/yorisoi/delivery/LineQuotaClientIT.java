package jp.yorisoi.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;
import jp.yorisoi.municipality.StaticChannelCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The quota adapter against LINE's two quota endpoints as WireMock answers them, with the town's own token. */
class LineQuotaClientIT {

    static final WireMockServer LINE = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));

    static {
        LINE.start();
    }

    final LineQuotaClient quota = new LineQuotaClient(new StaticChannelCredentials(Map.of(
            "demo", new StaticChannelCredentials.Credentials("secret", "demo-token"))),
            URI.create("http://127.0.0.1:" + LINE.port()));

    @BeforeEach
    void reset() {
        LINE.resetAll();
    }

    @AfterAll
    static void stop() {
        LINE.stop();
    }

    @Test
    void aLimitedChannelReportsItsAllowanceAndWhatItUsedThisMonth() {
        LINE.stubFor(get(urlEqualTo("/v2/bot/message/quota")).withHeader("Authorization", equalTo("Bearer demo-token"))
                .willReturn(okJson("{\"type\":\"limited\",\"value\":5000}")));
        LINE.stubFor(get(urlEqualTo("/v2/bot/message/quota/consumption"))
                .withHeader("Authorization", equalTo("Bearer demo-token"))
                .willReturn(okJson("{\"totalUsage\":4200}")));

        assertEquals(new LineQuota.Quota(OptionalLong.of(5000), 4200), quota.quota("demo"));
    }

    @Test
    void aChannelWithoutLimitReportsNone() {
        LINE.stubFor(get(urlEqualTo("/v2/bot/message/quota")).willReturn(okJson("{\"type\":\"none\"}")));
        LINE.stubFor(get(urlEqualTo("/v2/bot/message/quota/consumption")).willReturn(okJson("{\"totalUsage\":12}")));

        assertEquals(new LineQuota.Quota(OptionalLong.empty(), 12), quota.quota("demo"));
    }

    @Test
    void lineFailingOrATownWithoutTokenIsUnavailableNotAnError() {
        LINE.stubFor(get(urlEqualTo("/v2/bot/message/quota")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Internal server error\"}")));

        assertThrows(LineQuota.QuotaUnavailableException.class, () -> quota.quota("demo"));
        assertThrows(LineQuota.QuotaUnavailableException.class, () -> quota.quota("elsewhere"));
    }
}
