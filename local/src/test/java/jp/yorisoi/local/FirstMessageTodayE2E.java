package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A parent who registers before the town's delivery hour is told the first message comes today, and it does; a
 * catch-up run of the day before they joined sends them nothing. The runner's clock stands at 09:00 in Japan and the
 * demo town delivers at 10:00 here.
 */
class FirstMessageTodayE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(LocalConfig.forTests(TODAY));
        LocalServices services = runner.services();
        DynamoMunicipalityStore towns = new DynamoMunicipalityStore(services.dynamoDb(),
                services.table("MunicipalitiesTable"));
        Municipality demo = towns.find("demo").orElseThrow();
        towns.save(new Municipality(demo.municipalityId(), demo.name(), demo.signature(), demo.consultation(),
                demo.plan(), demo.endBirthday(), 10, demo.languages(), demo.senderEmail(), demo.active()));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void aParentRegisteringBeforeTheDeliveryHourIsToldTodayAndGetsTodaysMessageButNothingFromBeforeJoining()
            throws Exception {
        LineParent parent = new LineParent(runner.apiBaseUri(), "demo", "demo-channel-secret",
                "U0e2e0000000000000000000000000007");
        parent.follow();
        parent.tap("a=agree&v=ja");
        parent.pickDate("a=due", "2027-06-03");
        parent.tap("a=role&v=MOTHER");
        parent.tap("a=lang&v=ja");

        String confirmation = parent.lastReplyText();
        assertTrue(confirmation.contains("今日の10時ごろから"), confirmation);
        assertFalse(confirmation.contains("明日"), confirmation);

        // a catch-up of the day before joining: nothing for this parent
        assertEquals(202, run("2026-11-21").statusCode());
        awaitJobQueueDrained();
        assertEquals(0, parent.pushes().size(), "nothing is sent for a day before the parent joined");

        assertEquals(202, run(TODAY.toString()).statusCode());
        Await.until("today's push", Duration.ofSeconds(30), () -> !parent.pushes().isEmpty());
        // 2027-06-03 is 193 days after 2026-11-22: pregnancy day 87 = 12w3d.
        assertTrue(parent.pushes().getFirst().startsWith("【妊娠12週3日】"), parent.pushes().getFirst());
    }

    private static HttpResponse<String> run(String date) throws Exception {
        URI runs = URI.create(runner.apiBaseUri() + "/admin/runs");
        return HTTP.send(HttpRequest.newBuilder(runs)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + runner.services().adminToken())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"date\":\"" + date + "\",\"municipalityId\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sender handler deletes a job only once it has handled it: no visible and no in-flight job means done. */
    private static void awaitJobQueueDrained() {
        String queue = runner.services().queueUrl("LineJobQueue");
        Await.until("the LINE job queue to drain", Duration.ofSeconds(30), () -> {
            Map<QueueAttributeName, String> attributes = runner.services().sqs().getQueueAttributes(r -> r.queueUrl(queue)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return attributes.values().stream().allMatch("0"::equals);
        });
    }
}
