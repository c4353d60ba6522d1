package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The assembled runner: emulators with the template's tables and queues, one pinned clock, LINE and SES caught. */
class LocalRunnerIT {

    private static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(LocalConfig.forTests(LocalDate.parse("2026-04-01")));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void tablesAndQueuesOfTheTemplateExistInTheEmulators() {
        LocalServices services = runner.services();

        for (String table : List.of("ReadersTable", "ContentTable", "MunicipalitiesTable", "LedgerTable",
                "ProcessedEventsTable")) {
            assertEquals("ACTIVE", services.dynamoDb().describeTable(r -> r.tableName(services.table(table)))
                    .table().tableStatusAsString(), table);
        }
        for (String queue : List.of("LineJobQueue", "MailJobQueue")) {
            assertTrue(services.sqs().getQueueUrl(r -> r.queueName(queue)).queueUrl()
                    .equals(services.queueUrl(queue)), queue);
        }
    }

    @Test
    void demoTownAndSampleContentAreLoadedFromTheContentDirectory() {
        LocalServices services = runner.services();
        var municipalities = new DynamoMunicipalityStore(services.dynamoDb(), services.table("MunicipalitiesTable"));
        var catalogue = new DynamoCatalogue(services.dynamoDb(), services.table("ContentTable"));

        assertTrue(municipalities.find("demo").isPresent());
        assertTrue(catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 28, "ja").isPresent());
        assertTrue(catalogue.daily("demo", Track.PREGNANCY, 28, "ja").isPresent());
        assertEquals(Optional.of("demo-channel-secret"), services.channelCredentials().channelSecret("demo"));
    }

    @Test
    void todayPinsTheDateEverythingUses() {
        assertEquals(LocalDate.parse("2026-04-01"), LocalDate.now(runner.services().clock()));
    }

    @Test
    void lineAndMailFromTheHandlersClientsLandInTheSandbox() throws Exception {
        LocalServices services = runner.services();
        MessagingApiClient line = MessagingApiClient.builder(services.channel("demo").orElseThrow().accessToken())
                .apiEndPoint(services.lineApiBaseUrl()).build();
        line.pushMessage(UUID.randomUUID(), new PushMessageRequest("U1", List.of(new TextMessage("おはよう")), false, null))
                .get();
        services.ses().sendEmail(r -> r.fromEmailAddress("hello@demo.yorisoi.example")
                .destination(d -> d.toAddresses("parent@example.jp"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("件名")).body(b -> b.text(t -> t.data("本文"))))));

        List<SandboxMessage> sent = runner.outbox().messages();
        assertEquals(List.of("email", "push"), sent.stream().map(SandboxMessage::kind).limit(2).toList());
        assertEquals(List.of("demo", "demo"), sent.stream().map(SandboxMessage::municipalityId).limit(2).toList());
    }

    @Test
    void bannerTellsWhereThingsAreAndPrintsACorrectlySignedWebhook() {
        String banner = runner.banner();

        assertTrue(banner.contains(runner.baseUri() + "/sandbox"));
        assertTrue(banner.contains("POST " + runner.baseUri() + "/dev/webhook/demo"), banner);
        assertTrue(banner.contains(runner.baseUri() + "/dev/admin/"), banner);
        assertTrue(banner.contains("ADMIN_TOKEN test-admin-token"), banner);
        assertTrue(banner.contains(runner.baseUri() + "/local/sign-in"), banner);
        assertTrue(banner.contains("editor@demo.local / demo-editor   editor of demo"), banner);
        assertTrue(banner.contains("demo-channel-secret"));
        Matcher curl = Pattern.compile("X-Line-Signature: ([^']+)' --data-raw '([^']+)'").matcher(banner);
        assertTrue(curl.find());
        assertEquals(DemoWebhook.sign("demo-channel-secret", curl.group(2)), curl.group(1));
        assertTrue(curl.group(2).contains("\"type\":\"follow\""));
    }
}
