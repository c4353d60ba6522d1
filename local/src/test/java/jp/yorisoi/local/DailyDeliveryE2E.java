package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 end to end: a parent registers through signed webhooks, an operator runs the next day for the demo town
 * through the admin API, and the sandbox shows that day's push; running the same day again sends nothing new.
 */
class DailyDeliveryE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
    void aRegisteredParentGetsTheNextDaysPushOnceWhenTheOperatorRunsIt() throws Exception {
        LineParent parent = new LineParent(runner.apiBaseUri(), "demo", "demo-channel-secret",
                "U0e2e0000000000000000000000000002");
        parent.follow();
        parent.tap("a=agree&v=ja");
        parent.pickDate("a=due", "2027-06-03");
        parent.tap("a=role&v=PARTNER");
        parent.tap("a=lang&v=ja");

        assertEquals(202, run("2026-11-23").statusCode());
        Await.until("the push of 2026-11-23", Duration.ofSeconds(30), () -> !parent.pushes().isEmpty());

        // 2027-06-03 is 192 days after 2026-11-23: pregnancy day 88 = 12w4d.
        DynamoCatalogue catalogue = new DynamoCatalogue(runner.services().dynamoDb(),
                runner.services().table("ContentTable"));
        String expectedBase = catalogue.daily(catalogue.activeSet(ContentOwner.BASE), Track.PREGNANCY, 88, "ja")
                .orElseThrow();
        String push = parent.pushes().getFirst();
        assertTrue(push.startsWith("【妊娠12週4日】"), push);
        assertTrue(push.contains(expectedBase), push);

        assertEquals(202, run("2026-11-23").statusCode());
        awaitJobQueueDrained();
        assertEquals(1, parent.pushes().size(), "the same day, run twice, is pushed once");
    }

    @Test
    void theAdminApiRefusesARunWithoutATokenBeforeTheFunctionRunsAsTheJwtAuthorizerDoes() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + "/admin/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"2026-11-23\",\"municipalityId\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", response.body());
    }

    @Test
    void theRunnerHonoursTheCatchUpWindowButRunsTheComingDays() throws Exception {
        HttpResponse<String> tooOld = run("2026-11-14");

        assertEquals(400, tooOld.statusCode());
        assertTrue(tooOld.body().contains("\"error\":\"bad_request\""), tooOld.body());
        assertEquals(202, run("2026-11-15").statusCode());
        assertEquals(202, run("2026-12-23").statusCode(), "TODAY + 31 days");
        assertEquals(400, run("2026-12-24").statusCode());
    }

    private static HttpResponse<String> run(String date) throws Exception {
        return LocalRuns.run(runner, date);
    }

    private static void awaitJobQueueDrained() {
        LocalRuns.awaitJobQueueDrained(runner);
    }
}
