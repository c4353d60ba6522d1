package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    private final ApiRoutes routes = new ApiRoutes()
            .add("POST", "/webhook/{municipalityId}", "LineWebhookFunction", (e, c) -> new APIGatewayV2HTTPResponse())
            .add("ANY", "/admin/{proxy+}", "AdminApiFunction", (e, c) -> new APIGatewayV2HTTPResponse())
            .add("GET", "/admin/health", "HealthFunction", (e, c) -> new APIGatewayV2HTTPResponse());

    @Test
    void variableMatchesExactlyOneSegment() {
        assertEquals(Map.of("municipalityId", "demo"),
                routes.match("POST", "/webhook/demo").orElseThrow().pathParameters());
        assertTrue(routes.match("POST", "/webhook/demo/extra").isEmpty());
        assertTrue(routes.match("POST", "/webhook/").isEmpty());
        assertTrue(routes.match("POST", "/webhook").isEmpty());
    }

    @Test
    void methodMustMatchUnlessTheRouteSaysAny() {
        assertTrue(routes.match("GET", "/webhook/demo").isEmpty());
        assertEquals("ANY /admin/{proxy+}", routes.match("DELETE", "/admin/readers/x").orElseThrow().route().routeKey());
    }

    @Test
    void literalRouteWinsOverGreedyOne() {
        assertEquals("GET /admin/health", routes.match("GET", "/admin/health").orElseThrow().route().routeKey());
        assertEquals("ANY /admin/{proxy+}", routes.match("POST", "/admin/health").orElseThrow().route().routeKey());
    }

    @Test
    void greedyVariableNeedsAtLeastOneSegment() {
        assertTrue(routes.match("GET", "/admin").isEmpty());
    }

    @Test
    void pathParametersAreDecoded() {
        assertEquals(Map.of("municipalityId", "a b+c"),
                routes.match("POST", "/webhook/a%20b+c").orElseThrow().pathParameters());
    }

    @Test
    void greedyVariableMustBeLast() {
        assertThrows(IllegalArgumentException.class,
                () -> new ApiRoutes().add("GET", "/{all+}/x", "F", (e, c) -> new APIGatewayV2HTTPResponse()));
    }
}
