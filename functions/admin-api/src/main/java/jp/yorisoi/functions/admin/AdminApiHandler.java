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
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.aws.Parameters;
import jp.yorisoi.aws.Priming;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.privacy.ReaderErasure;
import jp.yorisoi.reader.ReaderIds;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.reader.DynamoReaderStore;
import org.slf4j.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.slf4j.LoggerFactory;

/**
 * The operators' and staff's HTTP API ({@code /admin/...}, HTTP API payload 2.0): bearer-token auth, a router,
 * and JSON errors {"error", "message"} — bad input is a 4xx, never a 500.
 */
public final class AdminApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** SnapStart's priming hook: warms the SDK, Jackson and LINE classes before the snapshot (Priming). */
    static {
        Priming.register(AdminApiHandler.class);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorAuth auth;
    private final Router router = new Router();

    public AdminApiHandler() {
        this(System.getenv(), AwsClients.fromEnvironment(System.getenv()));
    }

    private AdminApiHandler(Map<String, String> env, AwsClients aws) {
        this(dueReaders(env, aws), new LambdaFanOutTrigger(aws.lambda(), Environment.required(env, "FAN_OUT_FUNCTION")),
                operatorToken(env), Clock.systemUTC(), CatchUpWindow.deployed(env), readersApi(env, aws));
    }

    /** As deployed with the default catch-up window. */
    public AdminApiHandler(DueReaders dueReaders, FanOutTrigger fanOut, Supplier<String> operatorToken, Clock clock) {
        this(dueReaders, fanOut, operatorToken, clock, new CatchUpWindow(CatchUpWindow.DEFAULT_DAYS_BACK, 0));
    }

    public AdminApiHandler(DueReaders dueReaders, FanOutTrigger fanOut, Supplier<String> operatorToken, Clock clock,
            CatchUpWindow window) {
        this.auth = new OperatorAuth(operatorToken, clock);
        new RunsApi(dueReaders, fanOut, clock, window).register(router);
    }

    /** With the readers' routes (deleteReader) as well. */
    public AdminApiHandler(DueReaders dueReaders, FanOutTrigger fanOut, Supplier<String> operatorToken, Clock clock,
            CatchUpWindow window, ReadersApi readers) {
        this(dueReaders, fanOut, operatorToken, clock, window);
        readers.register(router);
    }

    /** Erasure over the readers (found by address with the id key from SSM) and the ledger. */
    private static ReadersApi readersApi(Map<String, String> env, AwsClients aws) {
        DynamoDbClient dynamo = aws.dynamoDb();
        String readersTable = Environment.required(env, "READERS_TABLE");
        DynamoReaderStore readers = new DynamoReaderStore(dynamo, readersTable,
                ReaderIds.fromParameters(aws.ssm(), Environment.ssmPrefix(env)));
        return new ReadersApi(new ReaderErasure(readers,
                new DynamoLedger(dynamo, Environment.required(env, "LEDGER_TABLE"), readersTable), Clock.systemUTC()),
                new LoggedAuditLog());
    }

    /** Counts over the town record and the sparse active-reader index; enqueues nothing. */
    private static DueReaders dueReaders(Map<String, String> env, AwsClients aws) {
        DynamoDbClient dynamo = aws.dynamoDb();
        return new DueReaders(new DynamoMunicipalityStore(dynamo, Environment.required(env, "MUNICIPALITIES_TABLE"),
                Environment.defaultDeliveryHour(env)), new DynamoReaderStore(dynamo, Environment.required(env, "READERS_TABLE")));
    }

    /**
     * The SecureString "{SSM_PREFIX}/admin/operator-token", and nothing else: an environment variable would put the
     * token in the function's configuration, readable by anyone who may read the function. Only the local runner
     * takes a token from its environment (ADMIN_TOKEN), and hands it to the constructor below.
     */
    static Supplier<String> operatorToken(Map<String, String> env) {
        String name = Environment.ssmPrefix(env) + "/admin/operator-token";
        Parameters ssm = AwsClients.fromEnvironment(env).ssm();
        return () -> ssm.decrypted(name)
                .orElseThrow(() -> new IllegalStateException("SSM parameter " + name + " is missing"));
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
            auth.check(request);
            ApiResponse response = router.dispatch(request.withCaller(Caller.operator("operator-token")));
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
                body, null);
    }

    private static APIGatewayV2HTTPResponse respond(int status, Object body) {
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
