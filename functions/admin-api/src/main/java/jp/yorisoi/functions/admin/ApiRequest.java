package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * One API call as a route sees it: method, path, the template's path parameters, headers (lower-case), body, and
 * the verified caller.
 */
public record ApiRequest(String method, String path, Map<String, String> pathParameters, Map<String, String> headers,
        String body, Caller caller) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiRequest withPathParameters(Map<String, String> parameters) {
        return new ApiRequest(method, path, Map.copyOf(parameters), headers, body, caller);
    }

    public ApiRequest withCaller(Caller verified) {
        return new ApiRequest(method, path, pathParameters, headers, body, verified);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
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
