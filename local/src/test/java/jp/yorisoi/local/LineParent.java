package jp.yorisoi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A parent on LINE, as the runner sees one: every tap and typed word becomes a webhook signed with the town's
 * channel secret, and what the service answers is read back from the sandbox.
 */
final class LineParent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final String municipalityId;
    private final String channelSecret;
    private final String userId;
    private int sequence;

    LineParent(URI base, String municipalityId, String channelSecret, String userId) {
        this.base = base;
        this.municipalityId = municipalityId;
        this.channelSecret = channelSecret;
        this.userId = userId;
    }

    String userId() {
        return userId;
    }

    int follow() {
        return send("follow", "\"follow\":{\"isUnblocked\":false}");
    }

    int tap(String postbackData) {
        return send("postback", "\"postback\":{\"data\":\"" + postbackData + "\"}");
    }

    int pickDate(String postbackData, String date) {
        return send("postback", "\"postback\":{\"data\":\"" + postbackData + "\",\"params\":{\"date\":\"" + date + "\"}}");
    }

    int say(String text) {
        return send("message", "\"message\":{\"type\":\"text\",\"id\":\"m" + sequence + "\",\"quoteToken\":\"q\",\"text\":\""
                + text + "\"}");
    }

    /** The text of the last reply the service sent this parent. */
    String lastReplyText() {
        List<JsonNode> replies = sandbox("reply");
        if (replies.isEmpty()) {
            throw new AssertionError("no reply reached the sandbox");
        }
        return texts(replies.getFirst());
    }

    /** Pushes to this parent, newest first, each as its message texts joined. */
    List<String> pushes() {
        return sandbox("push").stream().map(LineParent::texts).toList();
    }

    /** Broadcast messages multicast to this parent, newest first, each as its message texts joined. */
    List<String> multicasts() {
        return sandbox("multicast").stream().map(LineParent::texts).toList();
    }

    private List<JsonNode> sandbox(String kind) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/sandbox/messages")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> mine = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                if (kind.equals(message.path("kind").asText()) && userId.equals(message.path("recipient").asText())) {
                    mine.add(message);
                }
            }
            return mine;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("sandbox unreadable", e);
        }
    }

    private static String texts(JsonNode sandboxMessage) {
        List<String> texts = new ArrayList<>();
        sandboxMessage.path("messages").forEach(m -> texts.add(m.path("text").asText()));
        return String.join("\n", texts);
    }

    private int send(String type, String detail) {
        sequence++;
        String body = """
                {"destination":"Uf0e1d2c3b4a5968778695a4b3c2d1e0f","events":[{"type":"%s","mode":"active",\
                "timestamp":1795309200000,"source":{"type":"user","userId":"%s"},"webhookEventId":"01E2E%s%04d",\
                "deliveryContext":{"isRedelivery":false},"replyToken":"reply-%s-%d",%s}]}"""
                .formatted(type, userId, userId.substring(1, 9).toUpperCase(), sequence, userId.substring(1, 9), sequence,
                        detail);
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/webhook/" + municipalityId))
                            .header("Content-Type", "application/json")
                            .header("X-Line-Signature", DemoWebhook.sign(channelSecret, body))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("webhook unreachable", e);
        }
    }
}
