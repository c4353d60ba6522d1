package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's content story through the local runner: a town's CSV with one bad line is refused naming the line and
 * changes nothing, a good one replaces the town's texts, and a calendar message created through the API shows in
 * the preview on its date.
 */
class ContentPreviewE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "track,day,language,audience,date,text\n";
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
    void aBadFileChangesNothingAGoodOneReplacesTheTextsAndACalendarMessageShowsInThePreview() throws Exception {
        String seeded = localText(28);

        HttpResponse<String> refused = send("PUT", "/municipalities/demo/content", "text/csv", HEADER
                + "pregnancy,28,ja,,,（サンプル）母子健康手帳は保健センターでお渡しします。\n"
                + "pregnancy,28,ja,,,（サンプル）同じ日をもう一度\n");

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(JSON.readTree(refused.body()).path("message").asText().contains("line 3: duplicate row"),
                refused.body());
        assertEquals(seeded, localText(28), "nothing of the refused file was written");

        HttpResponse<String> imported = send("PUT", "/municipalities/demo/content", "text/csv", HEADER
                + "pregnancy,28,ja,,,（サンプル）母子健康手帳は保健センターでお渡しします。\n");

        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals("（サンプル）母子健康手帳は保健センターでお渡しします。\nよりそい町こども家庭課より（サンプル）",
                localText(28), "the town's new text, signed");
        assertTrue(JSON.readTree(send("GET", "/municipalities/demo/content/pregnancy/56/ja", null, null).body())
                .path("local").isNull(), "a row left out of the file is no longer sent");

        HttpResponse<String> created = send("POST", "/municipalities/demo/calendar-messages", "application/json",
                "{\"date\":\"2026-12-01\",\"texts\":{\"ja\":\"（サンプル）12月5日は両親学級です。\"},"
                        + "\"audience\":{\"track\":\"pregnancy\",\"from\":100,\"to\":200}}");
        assertEquals(201, created.statusCode(), created.body());

        // due 2027-04-01: pregnancy day 159 on 2026-12-01, inside the audience
        HttpResponse<String> preview = send("POST", "/municipalities/demo/preview", "application/json",
                "{\"dueDate\":\"2027-04-01\",\"from\":\"2026-11-30\",\"days\":3}");
        assertEquals(200, preview.statusCode(), preview.body());
        JsonNode days = JSON.readTree(preview.body()).path("days");
        assertEquals("2026-12-01", days.get(1).path("date").asText());
        assertTrue(days.get(1).path("line").toString().contains("12月5日は両親学級です。"), days.toString());
        assertTrue(!days.get(0).path("line").toString().contains("両親学級"), days.toString());
    }

    private static String localText(int pregnancyDay) throws Exception {
        HttpResponse<String> content = send("GET", "/municipalities/demo/content/pregnancy/" + pregnancyDay + "/ja",
                null, null);
        assertEquals(200, content.statusCode(), content.body());
        return JSON.readTree(content.body()).path("local").path("text").asText();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + "/admin" + path))
                .header("Authorization", "Bearer " + runner.services().adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
