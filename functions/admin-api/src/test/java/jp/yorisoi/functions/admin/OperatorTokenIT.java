package jp.yorisoi.functions.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import jp.yorisoi.delivery.DueReaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deployed, the operator token comes from SSM only: an ADMIN_TOKEN in the function's environment is not a way in.
 * SSM is a WireMock stub answering GetParameter as the SSM JSON protocol does.
 */
class OperatorTokenIT {

    private static final Clock A_MONTH_AFTER_THE_SAMPLE =
            Clock.fixed(Instant.parse("2026-12-22T00:30:00Z"), ZoneOffset.UTC);

    private final WireMockServer ssm =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    private Map<String, String> lambdaEnvironment;

    @BeforeEach
    void startSsm() {
        ssm.start();
        ssm.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Parameter\":{\"Name\":\"/yorisoi/dev/admin/operator-token\","
                                + "\"Type\":\"SecureString\",\"Value\":\"token-from-ssm\",\"Version\":3}}")));
        lambdaEnvironment = Map.of("AWS_ENDPOINT_URL", ssm.baseUrl(), "AWS_REGION", "ap-northeast-1",
                "SSM_PREFIX", "/yorisoi/dev", "ADMIN_TOKEN", "token-from-env");
    }

    @AfterEach
    void stopSsm() {
        ssm.stop();
    }

    @Test
    void theTokenIsTheDecryptedSsmParameterEvenWhenAdminTokenIsSet() {
        assertEquals("token-from-ssm", AdminApiHandler.operatorToken(lambdaEnvironment).get());

        ssm.verify(1, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.Name", equalTo("/yorisoi/dev/admin/operator-token")))
                .withRequestBody(matchingJsonPath("$.WithDecryption", equalTo("true"))));
    }

    @Test
    void anAdminTokenFromTheEnvironmentIsRefusedAndTheSsmTokenAccepted() {
        AdminApiHandler handler = new AdminApiHandler(new DueReaders(null, null), run -> {
            throw new AssertionError("no run may start");
        },
                AdminApiHandler.operatorToken(lambdaEnvironment), A_MONTH_AFTER_THE_SAMPLE);

        assertEquals(401, handler.handleRequest(withToken("token-from-env"), null).getStatusCode());
        // past the token check: the route refuses the sample's day, a month old, before reaching the fan-out
        assertEquals(400, handler.handleRequest(withToken("token-from-ssm"), null).getStatusCode());
    }

    private static APIGatewayV2HTTPEvent withToken(String token) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/admin-runs.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("authorization", "Bearer " + token);
        event.setHeaders(headers);
        return event;
    }
}
