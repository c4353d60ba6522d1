package jp.yorisoi.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.testkit.TemplateResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of the local runner, on the loopback interface: the HTTP API's routes (through the same
 * handler classes Lambda runs), the fake LINE API, the fake SES endpoint and the sandbox. The API is served under
 * its stage as API Gateway serves a named stage ({@code /dev/webhook/demo}, as
 * {@code https://{apiId}.execute-api.{region}.amazonaws.com/dev/webhook/demo}); only a {@code $default} stage
 * is served from the root.
 */
public final class LocalServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalServer.class);
    static final String LINE_API_PREFIX = "/line-api";
    /** The template's HTTP API, whose stage the server emulates. */
    static final String API = "Api";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ApiRoutes routes;
    private final String stage;
    private final Outbox outbox;
    private final FakeLineApi line;
    private final FakeSes ses;
    private volatile LocalAuthorizer authorizer;
    private volatile DemoSignIn signIn;

    private LocalServer(HttpServer server, ApiRoutes routes, String stage, Outbox outbox,
                        Function<String, Optional<String>> municipalityOfToken,
                        Function<String, Optional<String>> municipalityOfSender) {
        this.server = server;
        this.routes = routes;
        this.stage = stage;
        this.outbox = outbox;
        this.line = new FakeLineApi(outbox, municipalityOfToken);
        this.ses = new FakeSes(outbox, municipalityOfSender);
    }

    /** Binds {@code port} (0 = a free one) and serves at once the API on template.yaml's stage; see {@link #bind}. */
    public static LocalServer start(int port, Outbox outbox, Function<String, Optional<String>> municipalityOfToken,
                                    Function<String, Optional<String>> municipalityOfSender) throws IOException {
        return bind(port, TemplateResources.locate().apiStage(API), outbox, municipalityOfToken, municipalityOfSender)
                .serve();
    }

    /**
     * Binds {@code port} (0 = a free one) without serving yet: the address is known for wiring, and requests that
     * arrive before {@link #serve()} wait in the socket's backlog instead of meeting half-wired routes.
     *
     * @param stage                the API stage emulated: "dev" serves {@code /dev/...}, "$default" the root
     * @param municipalityOfToken  channel access token → municipality, for the fake LINE API
     * @param municipalityOfSender sender e-mail address → municipality, to name the town of an e-mail
     */
    public static LocalServer bind(int port, String stage, Outbox outbox,
                                   Function<String, Optional<String>> municipalityOfToken,
                                   Function<String, Optional<String>> municipalityOfSender) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        LocalServer server = new LocalServer(http, new ApiRoutes(), stage, outbox, municipalityOfToken,
                municipalityOfSender);
        http.setExecutor(server.executor);
        http.createContext("/", server::dispatch);
        return server;
    }

    /**
     * The JWT authorizer of the routes added with {@link ApiRoutes#addAuthorized}; without one they answer 401 to
     * everyone. {@code signIn}, when given, serves the demo sign-in at /local/... (own-key mode).
     */
    LocalServer authorizeWith(LocalAuthorizer authorizer, Optional<DemoSignIn> signIn) {
        this.authorizer = authorizer;
        this.signIn = signIn.orElse(null);
        return this;
    }

    /** Starts answering requests. */
    public LocalServer serve() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** http://localhost:PORT, no trailing slash. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    /** The stage the API is served on, as its requests' {@code requestContext.stage} says. */
    public String stage() {
        return stage;
    }

    /** Where the API's routes are, as the stage's invoke URL: http://localhost:PORT/dev, no trailing slash. */
    public URI apiBaseUri() {
        return URI.create(baseUri() + stagePrefix());
    }

    /** The HTTP API's routes; routes added after start are served from then on. */
    public ApiRoutes routes() {
        return routes;
    }

    public Outbox outbox() {
        return outbox;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/sandbox") || path.equals("/sandbox/")) {
                HttpIo.html(exchange, SandboxPage.render(outbox.messages(), ProgramSchedule.ZONE));
            } else if (path.equals("/sandbox/messages")) {
                sandboxMessages(exchange, method);
            } else if (path.startsWith(LINE_API_PREFIX + "/v2/bot/")) {
                line.handle(exchange, path.substring(LINE_API_PREFIX.length()));
            } else if (path.startsWith("/v2/bot/")) {
                // The LINE SDK's paths are absolute: it drops the path of its apiEndPoint and calls /v2/bot/... here.
                line.handle(exchange, path);
            } else if (path.startsWith("/local/") && signIn != null) {
                signIn.handle(exchange, path);
            } else if (path.startsWith("/v2/email/")) {
                ses.handle(exchange, path);
            } else if (path.startsWith(stagePrefix() + "/")) {
                api(exchange, method, path, path.substring(stagePrefix().length()));
            } else if (method.equals("GET") && path.equals("/")) {
                exchange.getResponseHeaders().set("Location", "/sandbox");
                HttpIo.send(exchange, 302, null, null);
            } else {
                notFound(exchange);
            }
        } catch (RuntimeException | IOException e) {
            log.error("local request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            HttpIo.error(exchange, 500, "Internal Server Error");
        }
    }

    private void sandboxMessages(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> HttpIo.json(exchange, 200, outbox.messages());
            case "DELETE" -> {
                outbox.clear();
                HttpIo.send(exchange, 204, null, null);
            }
            default -> HttpIo.error(exchange, 405, "Method Not Allowed");
        }
    }

    /** "/dev" for stage dev; nothing for the $default stage, which API Gateway serves from the root. */
    private String stagePrefix() {
        return stage.equals("$default") ? "" : "/" + stage;
    }

    /** As API Gateway answers a request no route matches. */
    private static void notFound(HttpExchange exchange) throws IOException {
        HttpIo.error(exchange, 404, "Not Found");
    }

    /**
     * @param rawPath   the path as sent, stage included (it is the event's rawPath)
     * @param routePath the path within the stage, which the routes match
     */
    private void api(HttpExchange exchange, String method, String rawPath, String routePath) throws IOException {
        Optional<ApiRoutes.Match> match = routes.match(method, routePath);
        if (match.isEmpty()) {
            notFound(exchange);
            return;
        }
        ApiRoutes.Route route = match.get().route();
        Map<String, String> claims = null;
        if (route.authorized()) {
            LocalAuthorizer jwt = authorizer;
            Optional<Map<String, String>> verified = jwt == null ? Optional.empty()
                    : jwt.verify(exchange.getRequestHeaders().getFirst("Authorization"));
            if (verified.isEmpty()) {
                // as API Gateway answers a refused token: the function never runs
                HttpIo.json(exchange, 401, Map.of("www-authenticate", "Bearer scope=\"\" error=\"invalid_token\""),
                        Map.of("message", "Unauthorized"));
                return;
            }
            claims = verified.get();
        }
        byte[] body = HttpIo.body(exchange);
        rememberReplyTokens(body);
        var request = new HttpApiEvents.Request(method, rawPath, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("localhost"));
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request, match.get(), stage, Clock.systemUTC().instant(),
                claims);

        APIGatewayV2HTTPResponse response;
        try {
            response = route.handler().handleRequest(event, new LocalContext(route.functionName()));
        } catch (RuntimeException e) {
            // As API Gateway does when the function fails: a bare 500 to the caller, the error in the log.
            log.error("{} failed on {}", route.functionName(), route.routeKey(), e);
            HttpIo.error(exchange, 500, "Internal Server Error");
            return;
        }
        write(exchange, route, response);
    }

    private static void write(HttpExchange exchange, ApiRoutes.Route route, APIGatewayV2HTTPResponse response)
            throws IOException {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            log.error("{} returned no valid status code", route.functionName());
            HttpIo.error(exchange, 500, "Internal Server Error");
            return;
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? null
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        HttpIo.send(exchange, response.getStatusCode(), null, bytes);
    }

    /** A LINE webhook carries reply tokens; knowing whose they are lets the sandbox name a reply's recipient. */
    private void rememberReplyTokens(byte[] body) {
        if (body.length == 0 || body[0] != '{') {
            return;
        }
        try {
            JsonNode events = HttpIo.JSON.readTree(body).path("events");
            for (JsonNode event : events) {
                String token = event.path("replyToken").asText("");
                String userId = event.path("source").path("userId").asText("");
                if (!token.isEmpty() && !userId.isEmpty()) {
                    outbox.rememberReplyToken(token, userId);
                }
            }
        } catch (IOException notJson) {
            // Not a LINE webhook: nothing to remember; the handler judges the body.
        }
    }
}
