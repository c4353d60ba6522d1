package jp.yorisoi.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.aws.Priming;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.reader.DynamoReaderStore;
import org.slf4j.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.slf4j.LoggerFactory;

/**
 * The operators' and staff's HTTP API ({@code /admin/...}, HTTP API payload 2.0): the caller from the claims the JWT
 * authorizer verified ({@link VerifiedClaims}; 401 without them), a router, and JSON errors {"error", "message"} —
 * bad input is a 4xx, never a 500.
 *
 * <p>Every route checks the caller ({@link Caller#requireRead}, {@code requireEdit}, {@code requireOperator}) before
 * it reads the body or any data, so that a refused caller learns nothing from validation errors; api/openapi.yaml
 * names each route's check ({@code x-yorisoi-access}), and the tenancy test holds every route to it.
 */
public final class AdminApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** SnapStart's priming hook: warms the SDK, Jackson and LINE classes before the snapshot (Priming). */
    static {
        Priming.register(AdminApiHandler.class);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Router router = new Router();

    public AdminApiHandler() {
        this(System.getenv(), AwsClients.fromEnvironment(System.getenv()));
    }

    private AdminApiHandler(Map<String, String> env, AwsClients aws) {
        this(new Ports(
                dueReaders(env, aws),
                new LambdaFanOutTrigger(aws.lambda(), Environment.required(env, "FAN_OUT_FUNCTION")),
                new DynamoAuditLog(aws.dynamoDb(), Environment.required(env, "AUDIT_TABLE"), Clock.systemUTC()),
                new DynamoMunicipalityStore(aws.dynamoDb(), Environment.required(env, "MUNICIPALITIES_TABLE"),
                        Environment.defaultDeliveryHour(env)),
                new SsmChannelSecrets(aws.ssm(), Environment.ssmPrefix(env)),
                new CognitoStaffDirectory(aws.cognito(), Environment.required(env, "STAFF_USER_POOL_ID")),
                Clock.systemUTC(),
                CatchUpWindow.deployed(env)));
    }

    /**
     * What the routes work with, filled once per caller (Lambda from its environment, the local runner and the tests
     * from the emulators).
     */
    public record Ports(DueReaders dueReaders, FanOutTrigger fanOut, DynamoAuditLog audit,
            DynamoMunicipalityStore towns, ChannelSecrets channels, StaffDirectory staff, Clock clock,
            CatchUpWindow window) {}

    public AdminApiHandler(Ports ports) {
        new OpenApiDocument().register(router);
        new AuditApi(ports.audit()).register(router);
        new RunsApi(ports.dueReaders(), ports.fanOut(), ports.audit(), ports.clock(), ports.window()).register(router);
        new MunicipalitiesApi(ports.towns(), ports.channels(), ports.audit()).register(router);
        new StaffApi(ports.staff(), ports.towns(), ports.audit()).register(router);
    }

    /** Counts over the town record and the sparse active-reader index; enqueues nothing. */
    private static DueReaders dueReaders(Map<String, String> env, AwsClients aws) {
        DynamoDbClient dynamo = aws.dynamoDb();
        return new DueReaders(new DynamoMunicipalityStore(dynamo, Environment.required(env, "MUNICIPALITIES_TABLE"),
                Environment.defaultDeliveryHour(env)), new DynamoReaderStore(dynamo, Environment.required(env, "READERS_TABLE")));
    }

    /** The routes as "METHOD /template", for the test that holds them to api/openapi.yaml. */
    List<String> routeKeys() {
        return router.routeKeys();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = event == null || event.getRequestContext() == null ? null
                : event.getRequestContext().getRequestId();
        return HandlerLogging.withLogging(context, requestId, () -> handle(event));
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        try {
            ApiRequest request = toRequest(event);
            Caller caller = VerifiedClaims.caller(event);
            ApiResponse response = router.dispatch(request.withCaller(caller));
            if (response.body() instanceof ApiResponse.Text text) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                        .withHeaders(Map.of("Content-Type", text.contentType(), "Cache-Control", "no-store"))
                        .withBody(text.text()).build();
            }
            return respond(response.status(), response.body());
        } catch (ApiException e) {
            return respond(e.status(), Map.of("error", e.error(), "message", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("admin API request failed: {}", e.getClass().getName(), e);
            return respond(500, Map.of("error", "internal", "message", "the request could not be completed"));
        }
    }

    private static ApiRequest toRequest(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getHttp() == null) {
            throw ApiException.badRequest("not an HTTP request");
        }
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("the body is not valid base64");
            }
        }
        // routed by routeKey and pathParameters: rawPath carries the stage name ("/dev/admin/runs")
        return new ApiRequest(event.getRequestContext().getHttp().getMethod(), RoutePath.of(event), Map.of(), headers,
                body, null, event.getQueryStringParameters());
    }

    private static APIGatewayV2HTTPResponse respond(int status, Object body) {
        if (body == null) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Cache-Control", "no-store")).build();
        }
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            status = 500;
            json = "{\"error\":\"internal\",\"message\":\"the response could not be written\"}";
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"))
                .withBody(json)
                .build();
    }
}
