package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One API call as a route sees it: method, path, the template's path parameters, headers (lower-case), body, the
 * verified caller, and the query parameters (decoded; a repeated name's values joined with commas, as API Gateway
 * delivers them).
 */
public record ApiRequest(String method, String path, Map<String, String> pathParameters, Map<String, String> headers,
        String body, Caller caller, Map<String, String> query) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** A request without query parameters. */
    public ApiRequest(String method, String path, Map<String, String> pathParameters, Map<String, String> headers,
            String body, Caller caller) {
        this(method, path, pathParameters, headers, body, caller, Map.of());
    }

    public ApiRequest withPathParameters(Map<String, String> parameters) {
        return new ApiRequest(method, path, Map.copyOf(parameters), headers, body, caller, query);
    }

    public ApiRequest withCaller(Caller verified) {
        return new ApiRequest(method, path, pathParameters, headers, body, verified, query);
    }

    /** A path parameter of the route's template; 404 when absent (the template has no such variable). */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.notFound("no such resource");
        }
        return value;
    }

    /** A query parameter, or empty when absent or blank. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** As {@link #jsonBody()}, and 413 when the body is longer than {@code maxBytes} (UTF-8). */
    public JsonNode jsonBody(int maxBytes) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new ApiException(413, "payload_too_large", "the body may be at most " + maxBytes + " bytes");
        }
        return jsonBody();
    }

    /** The body as a JSON object; 415 unless sent as JSON, 400 when it is not a JSON object. */
    public JsonNode jsonBody() {
        String contentType = header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "send the body as application/json");
        }
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
    }
}
