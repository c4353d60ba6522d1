package jp.yorisoi.functions.admin;

import static jp.yorisoi.functions.admin.AdminApiHandlerIT.body;
import static jp.yorisoi.functions.admin.AdminApiHandlerIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.LineQuotaClient;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.stats.CountingReaderStore;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts, the forecast and the statistics through the real handler, with the caller's claims as the JWT
 * authorizer passes them (the sample's operator), on DynamoDB Local and ElasticMQ (AdminRig), LINE's quota API as
 * WireMock.
 */
class ProgramApisIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final WireMockServer LINE = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));
    static final String TEXTS = "{\"ja\":\"【サンプル】健診は中止です。\",\"en\":\"[Sample] The check-up is cancelled.\"}";

    static {
        LINE.start();
        LINE.stubFor(WireMock.get("/v2/bot/message/quota").willReturn(WireMock.okJson(
                "{\"type\":\"limited\",\"value\":5000}")));
        LINE.stubFor(WireMock.get("/v2/bot/message/quota/consumption").willReturn(WireMock.okJson(
                "{\"totalUsage\":4999}")));
    }

    final AdminRig rig = new AdminRig(CLOCK);
    final LocalTables tables = rig.tables;
    final LocalQueues queues = LocalQueues.create();
    final DynamoMunicipalityStore municipalities = rig.towns;
    final CountingReaderStore readers = CountingReaderStore.inTable(tables.dynamo(), tables.readers());
    final DynamoAuditLog audit = rig.audit;
    final AdminApiHandler handler = rig.handler(run -> { }, CLOCK,
            new CatchUpWindow(CatchUpWindow.DEFAULT_DAYS_BACK, 0),
            TestPrograms.over(tables, queues, new LineQuotaClient(new StaticChannelCredentials(Map.of("demo",
                    new StaticChannelCredentials.Credentials("secret", "demo-token"))), URI.create(LINE.baseUrl()))));

    ProgramApisIT() {
        municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "", Plan.FULL, 3, 8, List.of("ja", "en"),
                "info@demo.example.jp", true));
        for (int i = 0; i < 3; i++) {
            save(Channel.LINE, "U" + i, Role.MOTHER, ReaderStatus.ACTIVE);
        }
        save(Channel.EMAIL, "p@mail.example.jp", Role.PARTNER, ReaderStatus.ACTIVE);
        save(Channel.LINE, "Upaused", Role.MOTHER, ReaderStatus.PAUSED);
    }

    @AfterAll
    static void stop() {
        LINE.stop();
    }

    @Test
    void aBroadcastWithoutConfirmationCountsItsReadersAndWritesNothing() throws IOException {
        APIGatewayV2HTTPResponse response = broadcast("{\"idempotencyKey\":\"storm-0001\",\"texts\":" + TEXTS + "}");

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("confirmation_required", body(response).path("error").asText());
        assertEquals(4, body(response).path("readers").asInt());
        assertEquals(List.of(), queues.allJobs());
        assertEquals(List.of(), audit.page(Optional.of("demo"), 10, Optional.empty()).records());
    }

    @Test
    void aConfirmedBroadcastIsAuditedAndEnqueuedOnceAndTheSameRequestAgainIsTheSameBroadcast() throws IOException {
        String request = "{\"idempotencyKey\":\"storm-0001\",\"confirm\":true,\"texts\":" + TEXTS + "}";

        APIGatewayV2HTTPResponse created = broadcast(request);

        assertEquals(202, created.getStatusCode(), created.getBody());
        String broadcastId = body(created).path("broadcastId").asText();
        assertEquals(4, body(created).path("readers").asInt());
        assertEquals(4, body(created).path("pending").asInt());
        List<DeliveryJob> jobs = queues.allJobs();
        assertEquals(1, jobs.stream().filter(DeliveryJob::isBroadcastChunk).count(), jobs.toString());
        assertEquals(1, jobs.stream().filter(j -> j.channel() == Channel.EMAIL).count(), jobs.toString());
        AuditRecord record = audit.page(Optional.of("demo"), 10, Optional.empty()).records().getFirst();
        assertEquals("createBroadcast", record.action());
        assertEquals(Map.of("broadcastId", broadcastId, "readers", 4), record.details());

        APIGatewayV2HTTPResponse again = broadcast(request);
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals(broadcastId, body(again).path("broadcastId").asText());
        assertEquals(1, audit.page(Optional.of("demo"), 10, Optional.empty()).records().size());

        APIGatewayV2HTTPResponse otherText = broadcast(request.replace("中止", "延期"));
        assertEquals(409, otherText.getStatusCode(), otherText.getBody());

        APIGatewayV2HTTPResponse progress = handler.handleRequest(request("GET",
                "municipalities/demo/broadcasts/" + broadcastId, Map.of(), null), null);
        assertEquals(200, progress.getStatusCode(), progress.getBody());
        assertEquals(0, body(progress).path("sent").asInt());
        assertEquals(4, body(progress).path("pending").asInt());
    }

    @Test
    void aBroadcastToAnUnknownTownOrInALanguageTheTownDoesNotOfferIsRefusedAndWritesNothing() throws IOException {
        APIGatewayV2HTTPResponse unknown = handler.handleRequest(request("POST", "municipalities/atlantis/broadcasts",
                Map.of("content-type", "application/json"),
                "{\"idempotencyKey\":\"storm-0001\",\"confirm\":true,\"texts\":" + TEXTS + "}"), null);
        APIGatewayV2HTTPResponse korean = broadcast(
                "{\"idempotencyKey\":\"storm-0002\",\"confirm\":true,\"texts\":{\"ja\":\"a\",\"ko\":\"b\"}}");

        assertEquals(404, unknown.getStatusCode(), unknown.getBody());
        assertEquals(400, korean.getStatusCode(), korean.getBody());
        assertEquals(List.of(), queues.allJobs());
    }

    @Test
    void theForecastCountsTomorrowsDeliveriesAndWarnsWhenTheAllowanceDoesNotCoverThem() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("GET", "municipalities/demo/forecast",
                Map.of(), null), null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode forecast = body(response);
        assertEquals("2026-11-23", forecast.path("date").asText());
        assertEquals(3, forecast.path("deliveries").path("line").asInt());
        assertEquals(1, forecast.path("deliveries").path("email").asInt());
        assertEquals(3, forecast.path("lineMessages").asInt());
        assertEquals(5000, forecast.path("quota").path("limit").asInt());
        assertEquals(1, forecast.path("quota").path("remaining").asInt());
        assertTrue(forecast.path("warning").asText().contains("2 readers would get nothing"), response.getBody());
    }

    @Test
    void theStatsCountTheTownsReadersAsJsonAndAsCsvForTheCouncil() throws IOException {
        APIGatewayV2HTTPResponse json = handler.handleRequest(request("GET", "municipalities/demo/stats", Map.of(),
                null), null);
        APIGatewayV2HTTPEvent asCsv = request("GET", "municipalities/demo/stats", Map.of("accept", "text/csv"), null);
        APIGatewayV2HTTPResponse csv = handler.handleRequest(asCsv, null);

        assertEquals(200, json.getStatusCode(), json.getBody());
        JsonNode stats = body(json);
        assertEquals(4, stats.path("activeReaders").asInt());
        assertEquals(3, stats.path("activeByChannel").path("LINE").asInt());
        assertEquals(1, stats.path("activeByRole").path("PARTNER").asInt());
        assertEquals(4, stats.path("activeChildrenByTrack").path("PREGNANCY").asInt());
        assertEquals(1, stats.path("stopped").asInt());
        assertEquals(5, stats.path("registrationsPerMonth").path("2026-11").asInt());
        assertEquals(200, csv.getStatusCode(), csv.getBody());
        assertTrue(csv.getHeaders().get("Content-Type").startsWith("text/csv"), csv.getHeaders().toString());
        assertTrue(csv.getBody().startsWith("section,key,count\r\n"), csv.getBody());
        assertTrue(csv.getBody().contains("channel,LINE,3\r\n"), csv.getBody());
        assertTrue(csv.getBody().contains("readers,stopped,1\r\n"), csv.getBody());
    }

    private APIGatewayV2HTTPResponse broadcast(String body) {
        return handler.handleRequest(request("POST", "municipalities/demo/broadcasts",
                Map.of("content-type", "application/json"), body), null);
    }

    private void save(Channel channel, String address, Role role, ReaderStatus status) {
        readers.save(Reader.newcomer("demo", channel, address, CLOCK.instant()).withStatus(status).withRole(role)
                .withChildren(List.of(Child.expected("c1", TODAY.plusDays(120)))).withRegisteredOn(TODAY));
    }
}
