package jp.yorisoi.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jp.yorisoi.reader.Channel;

/**
 * The job queue's message body: {"municipalityId","readerId","date","deliveryKey","channel"}. Ids only, so a
 * queue message never carries personal data.
 */
public final class DeliveryJobJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeliveryJobJson() {}

    public static String write(DeliveryJob job) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("municipalityId", job.municipalityId())
                .put("readerId", job.readerId())
                .put("date", job.date().toString())
                .put("deliveryKey", job.deliveryKey())
                .put("channel", job.channel().name());
        return node.toString();
    }

    /** @throws MalformedJobException when the body is not a complete job (it will never become one) */
    public static DeliveryJob read(String body) {
        try {
            JsonNode node = MAPPER.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new MalformedJobException("job body is not a JSON object");
            }
            DeliveryJob job = new DeliveryJob(text(node, "municipalityId"), text(node, "readerId"),
                    Channel.valueOf(text(node, "channel")), LocalDate.parse(text(node, "date")),
                    text(node, "deliveryKey"));
            if (job.isBroadcastChunk()) {
                // a chunk number that does not parse is a NumberFormatException: malformed, like the rest
                job.chunk();
            }
            return job;
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            throw e instanceof MalformedJobException m ? m : new MalformedJobException("job body unreadable: " + e.getClass().getSimpleName());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedJobException("job body lacks " + field);
        }
        return value.asText();
    }

    /** A queue message that can never be processed; the sender drops it instead of retrying it forever. */
    public static final class MalformedJobException extends IllegalArgumentException {
        public MalformedJobException(String message) {
            super(message);
        }
    }
}
