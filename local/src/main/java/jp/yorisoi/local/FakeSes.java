package jp.yorisoi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SES v2 SendEmail ({@code POST /v2/email/outbound-emails}, REST-JSON) as the AWS SDK calls it, putting each
 * e-mail in the {@link Outbox} with the town whose sender address it comes from.
 */
final class FakeSes {

    static final String PATH = "/v2/email/outbound-emails";

    private static final Pattern ADDRESS = Pattern.compile("<([^>]+)>\\s*$");

    private final Outbox outbox;
    private final Function<String, Optional<String>> municipalityOfSender;

    FakeSes(Outbox outbox, Function<String, Optional<String>> municipalityOfSender) {
        this.outbox = outbox;
        this.municipalityOfSender = municipalityOfSender;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestMethod().equals("POST") || !path.equals(PATH)) {
            badRequest(exchange, 404, "NotFoundException", "Only SendEmail is served here");
            return;
        }
        JsonNode request;
        try {
            request = HttpIo.JSON.readTree(HttpIo.body(exchange));
        } catch (IOException malformed) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            badRequest(exchange, 400, "BadRequestException", "The request body is not JSON");
            return;
        }
        List<String> to = new ArrayList<>();
        for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
            request.path("Destination").path(field).forEach(address -> to.add(address.asText()));
        }
        String from = request.path("FromEmailAddress").asText("");
        if (from.isEmpty() || to.isEmpty()) {
            badRequest(exchange, 400, "BadRequestException", "FromEmailAddress and a destination are required");
            return;
        }
        JsonNode simple = request.path("Content").path("Simple");
        if (!simple.isObject()) {
            // The mail channel sends Simple content (with its own headers); raw MIME and templates are not caught.
            badRequest(exchange, 400, "BadRequestException", "The sandbox catches Simple content only");
            return;
        }
        Matcher named = ADDRESS.matcher(from);
        String municipalityId =
                municipalityOfSender.apply(named.find() ? named.group(1) : from.strip()).orElse(null);
        String messageId = outbox.email(municipalityId, email(from, to, simple));
        HttpIo.json(exchange, 200, Map.of("x-amzn-RequestId", messageId), Map.of("MessageId", messageId));
    }

    private static SandboxMessage.Email email(String from, List<String> to, JsonNode simple) {
        Map<String, String> headers = new LinkedHashMap<>();
        simple.path("Headers").forEach(h -> headers.put(h.path("Name").asText(), h.path("Value").asText()));
        return new SandboxMessage.Email(from, to,
                simple.path("Subject").path("Data").asText(null),
                simple.path("Body").path("Text").path("Data").asText(null),
                simple.path("Body").path("Html").path("Data").asText(null),
                headers);
    }

    private static void badRequest(HttpExchange exchange, int status, String type, String message) throws IOException {
        HttpIo.json(exchange, status, Map.of("x-amzn-ErrorType", type), Map.of("message", message));
    }
}
