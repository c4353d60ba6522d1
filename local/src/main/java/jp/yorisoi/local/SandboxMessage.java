package jp.yorisoi.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message the system sent while running locally, as caught by the sandbox instead of reaching a parent.
 *
 * @param channel   "line" or "email"
 * @param kind      "reply", "push", "multicast" (one message per recipient) or "email"
 * @param recipient the LINE user id or the e-mail address(es) it was addressed to
 * @param retryKey  the push's X-Line-Retry-Key, if any
 * @param messages  the LINE message objects (1–5), empty for e-mail
 * @param email     the e-mail, null for LINE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxMessage(
        String id,
        Instant receivedAt,
        String channel,
        String kind,
        String municipalityId,
        String recipient,
        String retryKey,
        List<LineMessage> messages,
        Email email) {

    public SandboxMessage {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /**
     * One LINE message object: what a parent would read of it, and the object itself.
     *
     * @param text         the text; for a template or flex message its altText and any template text
     * @param quickReplies labels of the quick-reply buttons, in order
     * @param json         the message object as sent
     */
    public record LineMessage(String type, String text, List<String> quickReplies, JsonNode json) {

        public LineMessage {
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        }

        static LineMessage of(JsonNode object) {
            String type = object.path("type").asText("");
            StringBuilder text = new StringBuilder(object.path("text").asText(""));
            if (object.hasNonNull("altText")) {
                appendLine(text, object.get("altText").asText());
            }
            JsonNode template = object.path("template");
            for (String field : List.of("title", "text")) {
                if (template.hasNonNull(field)) {
                    appendLine(text, template.get(field).asText());
                }
            }
            List<String> labels = new java.util.ArrayList<>();
            for (JsonNode item : object.path("quickReply").path("items")) {
                JsonNode action = item.path("action");
                labels.add(action.path("label").asText(action.path("type").asText("")));
            }
            return new LineMessage(type, text.toString(), labels, object);
        }

        private static void appendLine(StringBuilder text, String line) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
        }
    }

    /** An e-mail as handed to SES: sender, recipients, subject, both bodies and the extra headers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Email(String from, List<String> to, String subject, String text, String html,
                        Map<String, String> headers) {

        public Email {
            to = to == null ? List.of() : List.copyOf(to);
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
