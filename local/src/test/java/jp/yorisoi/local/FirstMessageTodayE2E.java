package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parent who registers before the town's delivery hour is told the first message comes today, and it does; a
 * catch-up run of the day before they joined sends them nothing. The runner's clock stands at 09:00 in Japan and the
 * demo town delivers at 10:00 here.
 */
class FirstMessageTodayE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
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
        return LocalRuns.run(runner, date);
    }

    private static void awaitJobQueueDrained() {
        LocalRuns.awaitJobQueueDrained(runner);
    }
}
