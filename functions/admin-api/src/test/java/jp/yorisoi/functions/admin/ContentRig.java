package jp.yorisoi.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The admin API's handler over real tables (DynamoDB Local, AdminRig's moto for what other routes need), called as the HTTP API's stage "dev" calls it after
 * its JWT authorizer verified a Cognito ID token: the claims in the request context, the route ANY /admin/{proxy+}.
 */
final class ContentRig {

    static final ObjectMapper JSON = new ObjectMapper();

    final DynamoMunicipalityStore municipalities;
    final DynamoCatalogue catalogue;
    final DynamoAuditLog audit;
    private final AdminApiHandler handler;

    /** @param tables template logical id → table name, as LocalTables and DeliveryRig name them */
    ContentRig(DynamoDbClient dynamo, Map<String, String> tables, Clock clock) {
        AdminRig rig = new AdminRig(Clock.systemUTC(), new LocalTables(dynamo, tables));
        this.municipalities = rig.towns;
        this.catalogue = rig.catalogue;
        this.audit = rig.audit;
        this.handler = rig.handler(run -> { }, clock);
    }

    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").asText();
        }

        String message() {
            return body.path("message").asText();
        }
    }

    static Map<String, String> editor(String town) {
        return claims("editor-" + town, "[editor]", town);
    }

    static Map<String, String> viewer(String town) {
        return claims("viewer-" + town, "[viewer]", town);
    }

    static Map<String, String> operator() {
        return claims("operator", "[operator]", null);
    }

    /** A Cognito ID token's claims as API Gateway passes them: strings, the groups bracketed. */
    private static Map<String, String> claims(String subject, String groups, String town) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("token_use", "id");
        claims.put("iss", "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Test0001");
        claims.put("aud", "testconsoleclient0000000001");
        claims.put("cognito:groups", groups);
        if (town != null) {
            claims.put("custom:municipalityId", town);
        }
        return claims;
    }

    Answer call(Map<String, String> claims, String method, String path, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey("ANY /admin/{proxy+}")
                .withStage("dev")
                .withRequestId("content")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                        .withPath("/dev" + path).build())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(new HashMap<>(claims)).build()).build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("ANY /admin/{proxy+}")
                .withRawPath("/dev" + path)
                .withPathParameters(Map.of("proxy", path.substring("/admin/".length())))
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(context)
                .build(), null);
        return new Answer(response.getStatusCode(), parse(response.getBody()));
    }

    Answer json(Map<String, String> claims, String method, String path, String body) {
        return call(claims, method, path, "application/json", body);
    }

    Answer csv(Map<String, String> claims, String path, String csv) {
        return call(claims, "PUT", path, "text/csv; charset=utf-8", csv);
    }

    /** The audit records of every town, oldest first. */
    List<AuditRecord> audited() {
        List<AuditRecord> records = new ArrayList<>(audit.page(Optional.empty(), 100, Optional.empty()).records());
        Collections.reverse(records);
        return records;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
