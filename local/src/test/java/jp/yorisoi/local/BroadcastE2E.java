package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 end to end: two parents registered through signed webhooks, staff ask how many readers a broadcast would
 * reach, send it with the confirmation, watch its progress reach every reader, and each parent's phone (the sandbox)
 * shows the notice once in their language, even when the request is sent again.
 */
class BroadcastE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JA = "【サンプル】大雨のため、本日の健診は中止です。";
    private static final String EN = "[Sample] Today's health check is cancelled because of heavy rain.";
    private static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(LocalConfig.forTests(TODAY));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void aConfirmedBroadcastReachesEveryRegisteredParentOnceAndItsProgressCountsThemSent() throws Exception {
        LineParent japanese = register("U0b01e2e0000000000000000000000001", "ja");
        LineParent english = register("U0b02e2e0000000000000000000000002", "en");
        String texts = "{\"ja\":\"" + JA + "\",\"en\":\"" + EN + "\"}";

        HttpResponse<String> unconfirmed = post("{\"idempotencyKey\":\"storm-e2e-1\",\"texts\":" + texts + "}");
        assertEquals(400, unconfirmed.statusCode(), unconfirmed.body());
        assertEquals("confirmation_required", json(unconfirmed).path("error").asText());
        assertEquals(2, json(unconfirmed).path("readers").asInt());
        assertTrue(japanese.multicasts().isEmpty());

        String confirmed = "{\"idempotencyKey\":\"storm-e2e-1\",\"confirm\":true,\"texts\":" + texts + "}";
        HttpResponse<String> created = post(confirmed);
        assertEquals(202, created.statusCode(), created.body());
        assertEquals(2, json(created).path("readers").asInt());
        String broadcastId = json(created).path("broadcastId").asText();

        Await.until("the broadcast's progress to reach both readers", Duration.ofSeconds(30),
                () -> progress(broadcastId).path("sent").asInt() == 2);
        JsonNode progress = progress(broadcastId);
        assertEquals(0, progress.path("pending").asInt());
        assertEquals(0, progress.path("failed").asInt());
        assertEquals(1, japanese.multicasts().size());
        assertTrue(japanese.multicasts().getFirst().contains(JA), japanese.multicasts().getFirst());
        assertTrue(english.multicasts().getFirst().contains(EN), english.multicasts().getFirst());

        HttpResponse<String> again = post(confirmed);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(broadcastId, json(again).path("broadcastId").asText());
        awaitJobQueueDrained();
        assertEquals(1, japanese.multicasts().size(), "the same request, sent twice, reaches a reader once");
        assertEquals(1, english.multicasts().size());
        assertEquals(2, progress(broadcastId).path("sent").asInt());

        HttpResponse<String> forecast = get("/admin/municipalities/demo/forecast");
        assertEquals(200, forecast.statusCode(), forecast.body());
        assertEquals(2, json(forecast).path("lineMessages").asInt());
        assertEquals("none", json(forecast).path("quota").path("type").asText());
        assertTrue(json(forecast).path("warning").isNull(), forecast.body());
    }

    private static LineParent register(String userId, String language) {
        LineParent parent = new LineParent(runner.apiBaseUri(), "demo", "demo-channel-secret", userId);
        parent.follow();
        parent.tap("a=agree&v=" + language);
        parent.pickDate("a=due", "2027-06-03");
        parent.tap("a=role&v=MOTHER");
        parent.tap("a=lang&v=" + language);
        return parent;
    }

    private static JsonNode progress(String broadcastId) {
        try {
            return json(get("/admin/municipalities/demo/broadcasts/" + broadcastId));
        } catch (Exception e) {
            throw new AssertionError("getBroadcast failed", e);
        }
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + "/admin/municipalities/demo/broadcasts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + runner.services().adminToken())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + path))
                .header("Authorization", "Bearer " + runner.services().adminToken())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return HttpIo.JSON.readTree(response.body());
    }

    private static void awaitJobQueueDrained() {
        LocalRuns.awaitJobQueueDrained(runner);
    }
}
