package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes are found from the matched route and its parameters, so the stage in rawPath never matters. */
class RoutePathTest {

    private static APIGatewayV2HTTPEvent event(String routeKey, String rawPath, String stage,
            Map<String, String> pathParameters) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withPathParameters(pathParameters)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withStage(stage).build())
                .build();
    }

    @Test
    void aGreedyProxyRouteOnANamedStageGivesThePathWithoutTheStage() {
        assertEquals("/admin/runs",
                RoutePath.of(event("ANY /admin/{proxy+}", "/dev/admin/runs", "dev", Map.of("proxy", "runs"))));
        assertEquals("/admin/readers/L1",
                RoutePath.of(event("ANY /admin/{proxy+}", "/prod/admin/readers/L1", "prod",
                        Map.of("proxy", "readers/L1"))));
    }

    @Test
    void aStageNamedLikeARouteSegmentIsNotMistakenForIt() {
        assertEquals("/admin/admin/x",
                RoutePath.of(event("ANY /admin/{proxy+}", "/admin/admin/admin/x", "admin",
                        Map.of("proxy", "admin/x"))));
    }

    @Test
    void theDefaultRouteFallsBackToTheRawPathLessANamedStage() {
        assertEquals("/admin/runs", RoutePath.of(event("$default", "/dev/admin/runs", "dev", null)));
        assertEquals("/admin/runs", RoutePath.of(event("$default", "/admin/runs", "$default", null)));
    }

    @Test
    void aRouteVariableWithoutItsParameterIsNotFound() {
        ApiException e = assertThrows(ApiException.class,
                () -> RoutePath.of(event("ANY /admin/{proxy+}", "/dev/admin/", "dev", null)));
        assertEquals(404, e.status());
    }
}
