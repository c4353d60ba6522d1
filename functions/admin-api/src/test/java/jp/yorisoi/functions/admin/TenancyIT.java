package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Tenant isolation on every admin operation, with the operation list read from api/openapi.yaml (method, path and
 * {@code x-yorisoi-access}), through the real handler against DynamoDB Local and moto (SSM, Cognito), with callers'
 * claims as the JWT
 * authorizer delivers them. A new operation is covered by adding it to openapi.yaml, which the route-list test
 * forces: a route on the Router that openapi.yaml lacks (or the reverse) fails.
 *
 * <p>Path parameters are filled by name: {@code {municipalityId}} is town A (or B for the cross-tenant case), any
 * other is a placeholder id. Requests carry the JSON body {@code {}}: a route must check the caller before it
 * validates the body or looks anything up, or a refused caller would be told 400/404 instead of 403.
 */
class TenancyIT {

    static final Path OPENAPI = Path.of("../../api/openapi.yaml");
    static final String TOWN_A = "town-a";
    static final String TOWN_B = "town-b";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);
    static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** One operation of openapi.yaml. */
    record Operation(String method, String path, String operationId, String access) {

        String routeKey() {
            return method + " " + path;
        }

        boolean hasTown() {
            return path.contains("{municipalityId}");
        }

        /** The path with town {@code town} and a placeholder for every other parameter. */
        String fill(String town) {
            Matcher parameter = PARAMETER.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (parameter.find()) {
                String name = parameter.group(1);
                parameter.appendReplacement(filled, name.equals("municipalityId") ? town : "any-" + name);
            }
            parameter.appendTail(filled);
            return filled.toString();
        }

        @Override
        public String toString() {
            return operationId + " (" + routeKey() + ", " + access + ")";
        }
    }

    final AdminApiHandler handler = new AdminRig(CLOCK).handler(run -> { }, CLOCK);

    static List<Operation> operations() throws IOException {
        Map<String, Object> document;
        try (InputStream in = Files.newInputStream(OPENAPI)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        List<Operation> operations = new ArrayList<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                Map<String, Object> op = map(operation);
                operations.add(new Operation(method.toUpperCase(), path, String.valueOf(op.get("operationId")),
                        String.valueOf(op.get("x-yorisoi-access"))));
            }
        }));
        return operations;
    }

    @Test
    void everyRouteOfTheRouterIsInOpenApiAndEveryOperationThereIsRouted() throws IOException {
        Set<String> documented = new TreeSet<>(operations().stream().map(Operation::routeKey).toList());
        Set<String> routed = new TreeSet<>(handler.routeKeys());

        assertEquals(documented, routed, "api/openapi.yaml and the Router must list the same routes");
    }

    @Test
    void everyOperationHasAnIdAndAKnownAccess() throws IOException {
        List<Operation> operations = operations();
        assertFalse(operations.isEmpty());
        for (Operation operation : operations) {
            assertFalse(operation.operationId().equals("null"), operation.routeKey() + " has no operationId");
            assertTrue(Set.of("operator", "edit", "read").contains(operation.access()), operation.toString());
        }
        assertEquals(operations.size(), operations.stream().map(Operation::operationId).distinct().count(),
                "operationIds are unique");
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesACallerWithoutVerifiedClaims() throws IOException {
        return operations().stream().map(op -> dynamicTest(op.toString(),
                () -> assertStatus(401, op, op.fill(TOWN_A), null)));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesSignedInUsersInNoStaffGroup() throws IOException {
        return operations().stream().map(op -> dynamicTest(op.toString(),
                () -> assertStatus(403, op, op.fill(TOWN_A), claims("nobody", null, TOWN_A))));
    }

    @TestFactory
    Stream<DynamicTest> staffOfTownBAreRefusedEveryOperationOnTownA() throws IOException {
        return operations().stream().filter(Operation::hasTown).flatMap(op -> Stream.of(
                dynamicTest(op + " as an editor of B", () -> assertStatus(403, op, op.fill(TOWN_A),
                        claims("editor-b", "[editor]", TOWN_B))),
                dynamicTest(op + " as a viewer of B", () -> assertStatus(403, op, op.fill(TOWN_A),
                        claims("viewer-b", "[viewer]", TOWN_B)))));
    }

    @TestFactory
    Stream<DynamicTest> aViewerIsRefusedEveryChange() throws IOException {
        return operations().stream().filter(op -> !op.access().equals("read")).map(op -> dynamicTest(op.toString(),
                () -> assertStatus(403, op, op.fill(TOWN_A), claims("viewer-a", "[viewer]", TOWN_A))));
    }

    @TestFactory
    Stream<DynamicTest> anEditorIsRefusedEveryOperatorOperation() throws IOException {
        return operations().stream().filter(op -> op.access().equals("operator")).map(op -> dynamicTest(
                op.toString(), () -> assertStatus(403, op, op.fill(TOWN_A), claims("editor-a", "[editor]", TOWN_A))));
    }

    @TestFactory
    Stream<DynamicTest> theCallerTheAccessAllowsIsNotRefusedAndGetsNoServerError() throws IOException {
        return operations().stream().flatMap(op -> Stream.of(
                dynamicTest(op + " as the least caller allowed", () -> assertAllowed(op, leastAllowed(op))),
                dynamicTest(op + " as an operator", () -> assertAllowed(op, claims("op", "[operator]", null)))));
    }

    private static Map<String, String> leastAllowed(Operation op) {
        return switch (op.access()) {
            case "read" -> claims("viewer-a", "[viewer]", TOWN_A);
            case "edit" -> claims("editor-a", "[editor]", TOWN_A);
            default -> claims("op", "[operator]", null);
        };
    }

    private void assertAllowed(Operation op, Map<String, String> claims) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(op, op.fill(TOWN_A), claims), null);
        int status = response.getStatusCode();
        assertTrue(status != 401 && status != 403 && status < 500, op + " answered " + status + " "
                + response.getBody());
    }

    private void assertStatus(int expected, Operation op, String path, Map<String, String> claims) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(op, path, claims), null);
        assertEquals(expected, response.getStatusCode(), op + " on " + path + ": " + response.getBody());
    }

    /** Claims as API Gateway passes a Cognito ID token's: strings, groups bracketed; null town for none. */
    static Map<String, String> claims(String subject, String groups, String town) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("token_use", "id");
        claims.put("iss", "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Test0001");
        claims.put("aud", "testconsoleclient0000000001");
        if (groups != null) {
            claims.put("cognito:groups", groups);
        }
        if (town != null) {
            claims.put("custom:municipalityId", town);
        }
        return claims;
    }

    /** The request as stage "dev" delivers it through route ANY /admin/{proxy+}. */
    static APIGatewayV2HTTPEvent event(Operation op, String path, Map<String, String> claims) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey("ANY /admin/{proxy+}")
                .withStage("dev")
                .withRequestId("tenancy")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(op.method())
                        .withPath("/dev" + path).build())
                .withAuthorizer(claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(new HashMap<>(claims)).build()).build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("ANY /admin/{proxy+}")
                .withRawPath("/dev" + path)
                .withPathParameters(Map.of("proxy", path.substring("/admin/".length())))
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}")
                .withRequestContext(context)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
