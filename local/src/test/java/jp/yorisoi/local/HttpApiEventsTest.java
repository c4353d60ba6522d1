package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    private final ApiRoutes routes = new ApiRoutes()
            .add("POST", "/webhook/{municipalityId}", "LineWebhookFunction", (e, c) -> new APIGatewayV2HTTPResponse())
            .add("ANY", "/admin/{proxy+}", "AdminApiFunction", (e, c) -> new APIGatewayV2HTTPResponse());

    private APIGatewayV2HTTPEvent event(String method, String path, String query, Map<String, List<String>> headers,
                                        byte[] body) {
        var match = routes.match(method, path).orElseThrow();
        var request = new HttpApiEvents.Request(method, "/dev" + path, query, headers, body, "127.0.0.1",
                "localhost:3000");
        return HttpApiEvents.toEvent(request, match, "dev", NOW);
    }

    @Test
    void webhookBecomesAVersion2EventWithRouteKeyPathParameterAndTheBodyAsSent() {
        String body = "{\"destination\":\"U1\",\"events\":[{\"type\":\"message\",\"message\":{\"text\":\"こんにちは\"}}]}";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-type", List.of("application/json; charset=utf-8"));
        headers.put("X-line-signature", List.of("c2lnbmF0dXJl"));

        APIGatewayV2HTTPEvent event = event("POST", "/webhook/demo", null, headers,
                body.getBytes(StandardCharsets.UTF_8));

        assertEquals("2.0", event.getVersion());
        assertEquals("POST /webhook/{municipalityId}", event.getRouteKey());
        assertEquals("POST /webhook/{municipalityId}", event.getRequestContext().getRouteKey());
        assertEquals("/dev/webhook/demo", event.getRawPath());
        assertEquals("", event.getRawQueryString());
        assertEquals(Map.of("municipalityId", "demo"), event.getPathParameters());
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals("/dev/webhook/demo", event.getRequestContext().getHttp().getPath());
        assertEquals("c2lnbmF0dXJl", event.getHeaders().get("x-line-signature"));
        assertEquals("application/json; charset=utf-8", event.getHeaders().get("content-type"));
        assertEquals(body, event.getBody());
        assertFalse(event.getIsBase64Encoded());
        assertEquals(NOW.toEpochMilli(), event.getRequestContext().getTimeEpoch());
        assertEquals("dev", event.getRequestContext().getStage());
        assertEquals("localhost", event.getRequestContext().getDomainName());
        assertEquals("localhost", event.getRequestContext().getDomainPrefix());
        assertEquals("127.0.0.1", event.getRequestContext().getHttp().getSourceIp());
        assertEquals("127.0.0.1", event.getHeaders().get("x-forwarded-for"));
        assertEquals("3000", event.getHeaders().get("x-forwarded-port"));
        assertNull(event.getStageVariables());
    }

    @Test
    void theRunnersWebhookEventHasTheShapeOfTheSampleTheNamedStageDelivers() {
        APIGatewayV2HTTPEvent sample = EventLoader.loadApiGatewayHttpEvent(Samples.path("line-follow.json").toString());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        sample.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));

        APIGatewayV2HTTPEvent event = event("POST", "/webhook/demo", null, headers,
                sample.getBody().getBytes(StandardCharsets.UTF_8));

        assertEquals(sample.getVersion(), event.getVersion());
        assertEquals(sample.getRouteKey(), event.getRouteKey());
        assertEquals(sample.getRawPath(), event.getRawPath());
        assertEquals(sample.getRawQueryString(), event.getRawQueryString());
        assertEquals(sample.getPathParameters(), event.getPathParameters());
        assertEquals(sample.getRequestContext().getStage(), event.getRequestContext().getStage());
        assertEquals(sample.getRequestContext().getRouteKey(), event.getRequestContext().getRouteKey());
        assertEquals(sample.getRequestContext().getHttp().getPath(), event.getRequestContext().getHttp().getPath());
        assertEquals(sample.getHeaders().get("x-line-signature"), event.getHeaders().get("x-line-signature"));
        assertEquals(sample.getBody(), event.getBody());
        assertEquals(sample.getIsBase64Encoded(), event.getIsBase64Encoded());
    }

    @Test
    void bodyThatIsNotUtf8TravelsAsBase64() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};

        APIGatewayV2HTTPEvent event = event("POST", "/webhook/demo", null, Map.of(), binary);

        assertTrue(event.getIsBase64Encoded());
        assertEquals(Base64.getEncoder().encodeToString(binary), event.getBody());
    }

    @Test
    void emptyBodyIsAbsent() {
        APIGatewayV2HTTPEvent event = event("GET", "/admin/stats", null, Map.of(), new byte[0]);

        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    void greedyRouteTakesTheRestOfThePathAndQueryIsDecodedWithRepeatsJoinedByCommas() {
        APIGatewayV2HTTPEvent event = event("GET", "/admin/municipalities/demo/stats",
                "date=2026-04-01&role=mother&role=partner&q=%E5%B8%82", Map.of(), null);

        assertEquals("ANY /admin/{proxy+}", event.getRouteKey());
        assertEquals(Map.of("proxy", "municipalities/demo/stats"), event.getPathParameters());
        assertEquals("date=2026-04-01&role=mother&role=partner&q=%E5%B8%82", event.getRawQueryString());
        assertEquals(Map.of("date", "2026-04-01", "role", "mother,partner", "q", "市"),
                event.getQueryStringParameters());
    }

    @Test
    void repeatedHeadersAreJoinedAndCookiesMovedToTheirOwnList() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("text/html", "application/json"));
        headers.put("Cookie", List.of("a=1; b=2"));
        headers.put("Authorization", List.of("Bearer t"));

        APIGatewayV2HTTPEvent event = event("GET", "/admin/stats", null, headers, null);

        assertEquals("text/html,application/json", event.getHeaders().get("accept"));
        assertEquals("Bearer t", event.getHeaders().get("authorization"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
    }
}
