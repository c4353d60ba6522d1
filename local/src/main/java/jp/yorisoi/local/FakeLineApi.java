package jp.yorisoi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The parts of the LINE Messaging API the service calls (reply, push, multicast, quota), answering as LINE does and
 * putting every accepted message in the {@link Outbox} instead of on a phone. It checks what LINE would
 * refuse: an unknown token, 1–5 message objects, texts of at most 5,000 characters, at most 13 quick replies, a
 * multicast to 1–500 user ids, a malformed retry key.
 */
final class FakeLineApi {

    static final int MAX_MESSAGES = 5;
    static final int MAX_TEXT = 5_000;
    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_LABEL = 20;
    static final int MAX_POSTBACK_DATA = 300;
    /** "to": max 500 user IDs (Messaging API reference, "Send multicast message"). */
    static final int MAX_MULTICAST_RECIPIENTS = 500;

    private final Outbox outbox;
    private final Function<String, Optional<String>> municipalityOfToken;

    /** {@code municipalityOfToken}: channel access token → the municipality whose channel it is. */
    FakeLineApi(Outbox outbox, Function<String, Optional<String>> municipalityOfToken) {
        this.outbox = outbox;
        this.municipalityOfToken = municipalityOfToken;
    }

    /** {@code path} starts at /v2/bot/. */
    void handle(HttpExchange exchange, String path) throws IOException {
        String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        Optional<String> municipalityId = auth.startsWith("Bearer ")
                ? municipalityOfToken.apply(auth.substring("Bearer ".length()).strip())
                : Optional.empty();
        if (municipalityId.isEmpty()) {
            HttpIo.error(exchange, 401,
                    "Authentication failed. Confirm that the access token in the authorization header is valid.");
            return;
        }
        String method = exchange.getRequestMethod();
        switch (method + " " + path) {
            case "POST /v2/bot/message/push" -> push(exchange, municipalityId.get());
            case "POST /v2/bot/message/multicast" -> multicast(exchange, municipalityId.get());
            case "POST /v2/bot/message/reply" -> reply(exchange, municipalityId.get());
            case "GET /v2/bot/message/quota" -> HttpIo.json(exchange, 200, Map.of("type", "none"));
            case "GET /v2/bot/message/quota/consumption" ->
                    HttpIo.json(exchange, 200, Map.of("totalUsage", outbox.pushCount()));
            default -> HttpIo.error(exchange, 404, "Not found");
        }
    }

    private void push(HttpExchange exchange, String municipalityId) throws IOException {
        JsonNode body = readJson(exchange);
        if (body == null) {
            return;
        }
        String retryKey = exchange.getRequestHeaders().getFirst("X-Line-Retry-Key");
        if (retryKey != null && !isUuid(retryKey)) {
            HttpIo.error(exchange, 400, "The value of the X-Line-Retry-Key header is invalid");
            return;
        }
        List<Map<String, String>> problems = new ArrayList<>();
        String to = body.path("to").asText("");
        if (to.isEmpty()) {
            problems.add(problem("May not be empty", "to"));
        }
        List<JsonNode> messages = messages(body, problems);
        if (!problems.isEmpty()) {
            badRequest(exchange, problems);
            return;
        }
        switch (outbox.push(municipalityId, to, retryKey, messages)) {
            case Outbox.Accepted accepted -> sent(exchange, accepted);
            case Outbox.AlreadyAccepted duplicate -> HttpIo.json(exchange, 409,
                    Map.of("x-line-request-id", UUID.randomUUID().toString(),
                            "x-line-accepted-request-id", duplicate.acceptedRequestId()),
                    Map.of("message", "The retry key is already accepted",
                            "sentMessages", sentMessages(duplicate.sentMessageIds())));
            case Outbox.InvalidReplyToken invalid -> throw new IllegalStateException("not a reply");
        }
    }

    /** A multicast answers 200 with an empty object; a repeated retry key 409, as a push. */
    private void multicast(HttpExchange exchange, String municipalityId) throws IOException {
        JsonNode body = readJson(exchange);
        if (body == null) {
            return;
        }
        String retryKey = exchange.getRequestHeaders().getFirst("X-Line-Retry-Key");
        if (retryKey != null && !isUuid(retryKey)) {
            HttpIo.error(exchange, 400, "The value of the X-Line-Retry-Key header is invalid");
            return;
        }
        List<Map<String, String>> problems = new ArrayList<>();
        List<String> to = new ArrayList<>();
        body.path("to").forEach(id -> to.add(id.asText("")));
        if (!body.path("to").isArray() || to.isEmpty() || to.size() > MAX_MULTICAST_RECIPIENTS) {
            problems.add(problem("Size must be between 1 and " + MAX_MULTICAST_RECIPIENTS, "to"));
        } else if (to.stream().anyMatch(String::isEmpty)) {
            problems.add(problem("May not be empty", "to"));
        }
        List<JsonNode> messages = messages(body, problems);
        if (!problems.isEmpty()) {
            badRequest(exchange, problems);
            return;
        }
        switch (outbox.multicast(municipalityId, to, retryKey, messages)) {
            case Outbox.Accepted accepted -> HttpIo.json(exchange, 200,
                    Map.of("x-line-request-id", accepted.requestId()), Map.of());
            case Outbox.AlreadyAccepted duplicate -> HttpIo.json(exchange, 409,
                    Map.of("x-line-request-id", UUID.randomUUID().toString(),
                            "x-line-accepted-request-id", duplicate.acceptedRequestId()),
                    Map.of("message", "The retry key is already accepted"));
            case Outbox.InvalidReplyToken invalid -> throw new IllegalStateException("not a reply");
        }
    }

    private void reply(HttpExchange exchange, String municipalityId) throws IOException {
        JsonNode body = readJson(exchange);
        if (body == null) {
            return;
        }
        List<Map<String, String>> problems = new ArrayList<>();
        String replyToken = body.path("replyToken").asText("");
        if (replyToken.isEmpty()) {
            problems.add(problem("May not be empty", "replyToken"));
        }
        List<JsonNode> messages = messages(body, problems);
        if (!problems.isEmpty()) {
            badRequest(exchange, problems);
            return;
        }
        switch (outbox.reply(municipalityId, replyToken, messages)) {
            case Outbox.Accepted accepted -> sent(exchange, accepted);
            case Outbox.InvalidReplyToken invalid -> HttpIo.error(exchange, 400, "Invalid reply token");
            case Outbox.AlreadyAccepted duplicate -> throw new IllegalStateException("not a push");
        }
    }

    private static void sent(HttpExchange exchange, Outbox.Accepted accepted) throws IOException {
        HttpIo.json(exchange, 200, Map.of("x-line-request-id", accepted.requestId()),
                Map.of("sentMessages", sentMessages(accepted.sentMessageIds())));
    }

    private static List<Map<String, String>> sentMessages(List<String> ids) {
        return ids.stream().map(id -> Map.of("id", id, "quoteToken", "q" + id)).toList();
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        try {
            JsonNode body = HttpIo.JSON.readTree(HttpIo.body(exchange));
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException malformed) {
            // answered below, as LINE does
        }
        HttpIo.error(exchange, 400, "The request body has 1 error(s)");
        return null;
    }

    private static List<JsonNode> messages(JsonNode body, List<Map<String, String>> problems) {
        JsonNode array = body.path("messages");
        List<JsonNode> messages = new ArrayList<>();
        array.forEach(messages::add);
        if (!array.isArray() || messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            problems.add(problem("Size must be between 1 and " + MAX_MESSAGES, "messages"));
            return messages;
        }
        for (int i = 0; i < messages.size(); i++) {
            checkMessage(messages.get(i), "messages[" + i + "]", problems);
        }
        return messages;
    }

    private static void checkMessage(JsonNode message, String at, List<Map<String, String>> problems) {
        String type = message.path("type").asText("");
        if (type.isEmpty()) {
            problems.add(problem("May not be empty", at + ".type"));
        }
        if (type.equals("text")) {
            String text = message.path("text").asText("");
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                problems.add(problem("Length must be between 1 and " + MAX_TEXT, at + ".text"));
            }
        }
        JsonNode items = message.path("quickReply").path("items");
        if (items.size() > MAX_QUICK_REPLIES) {
            problems.add(problem("Size must be between 0 and " + MAX_QUICK_REPLIES, at + ".quickReply.items"));
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode action = items.get(i).path("action");
            String where = at + ".quickReply.items[" + i + "].action";
            if (action.path("label").asText("").length() > MAX_LABEL) {
                problems.add(problem("Length must be between 0 and " + MAX_LABEL, where + ".label"));
            }
            if (action.path("data").asText("").length() > MAX_POSTBACK_DATA) {
                problems.add(problem("Length must be between 0 and " + MAX_POSTBACK_DATA, where + ".data"));
            }
        }
    }

    private static void badRequest(HttpExchange exchange, List<Map<String, String>> problems) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "The request body has " + problems.size() + " error(s)");
        body.put("details", problems);
        HttpIo.json(exchange, 400, body);
    }

    private static Map<String, String> problem(String message, String property) {
        return Map.of("message", message, "property", property);
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
