package jp.yorisoi.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small helpers for answering on the JDK HTTP server. */
final class HttpIo {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private HttpIo() {}

    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    static void json(HttpExchange exchange, int status, Object value) throws IOException {
        json(exchange, status, Map.of(), value);
    }

    static void json(HttpExchange exchange, int status, Map<String, String> headers, Object value) throws IOException {
        headers.forEach((name, v) -> exchange.getResponseHeaders().set(name, v));
        send(exchange, status, "application/json", JSON.writeValueAsBytes(value));
    }

    static void html(HttpExchange exchange, String page) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body == null || body.length == 0 || status == 204 || status == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** A JSON error in the shape LINE and API Gateway use: {"message": ...}. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("message", message));
    }
}
