package jp.yorisoi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SSM Parameter Store's GetParameter on a loopback port, in SSM's AWS JSON 1.1 wire format (the format
 * SsmParametersIT checks against the SDK): fixed SecureStrings, ParameterNotFound for any other name.
 */
final class FakeParameterStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> parameters;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeParameterStore(Map<String, String> parameters) throws IOException {
        this.parameters = Map.copyOf(parameters);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The names asked for, in order. */
    List<String> asked() {
        return List.copyOf(asked);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"AmazonSSM.GetParameter".equals(target) || authorization == null
                || !authorization.contains("/ssm/aws4_request")) {
            answer(exchange, 400, Map.of("__type", "InvalidAction", "message", "GetParameter, signed for ssm, only"));
            return;
        }
        String name = request.path("Name").asText();
        asked.add(name);
        String value = parameters.get(name);
        if (value == null || !request.path("WithDecryption").asBoolean()) {
            answer(exchange, 400, Map.of("__type", "ParameterNotFound", "message", ""));
            return;
        }
        answer(exchange, 200, Map.of("Parameter", Map.of("Name", name, "Type", "SecureString", "Value", value,
                "Version", 1)));
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
