package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import jp.yorisoi.delivery.CatchUpRun;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operator API through the handler: the town and its readers in DynamoDB Local; the runs it starts are
 * recorded where the deployed handler invokes the fan-out function. The caller is the operator whose verified
 * claims the sample event carries, as the JWT authorizer delivers them.
 */
class AdminApiHandlerIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);

    final AdminRig rig = new AdminRig(CLOCK);
    final LocalTables tables = rig.tables;
    final DynamoMunicipalityStore municipalities = rig.towns;
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers());
    final DynamoAuditLog audit = rig.audit;
    final List<CatchUpRun> started = new ArrayList<>();
    final AdminApiHandler handler = rig.handler(started::add, CLOCK);

    AdminApiHandlerIT() {
        municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "", Plan.FULL, 3, 8, List.of("ja"), null, true));
        IntStream.range(0, 4).forEach(i -> readers.save(Reader.newcomer("demo", Channel.LINE, "U" + i, Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.born("c1", LocalDate.of(2026, 10, 1))))));
    }

    static APIGatewayV2HTTPEvent sample() {
        return EventLoader.loadApiGatewayHttpEvent("../../events/admin-runs.json");
    }

    /** The sample event as stage "dev" delivers {@code method /dev/admin/{proxy}}. */
    static APIGatewayV2HTTPEvent request(String method, String proxy, Map<String, String> headers, String body) {
        APIGatewayV2HTTPEvent event = sample();
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath("/dev/admin/" + proxy);
        event.setRawPath("/dev/admin/" + proxy);
        event.setPathParameters(Map.of("proxy", proxy));
        event.setHeaders(new HashMap<>(headers));
        event.setBody(body);
        return event;
    }

    static Map<String, String> authorizedJson() {
        return Map.of("content-type", "application/json");
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    @Test
    void anOperatorsRunIsHandedToTheFanOutForExactlyThatTownAndDayAndAnsweredWithItsReaders() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(sample(), null);

        assertEquals(202, response.getStatusCode());
        assertEquals(JSON.readTree("{\"date\":\"2026-11-22\",\"municipalityId\":\"demo\",\"readers\":4}"),
                body(response));
        assertEquals(List.of(new CatchUpRun("demo", LocalDate.of(2026, 11, 22))), started);
    }

    @Test
    void theCountLeavesOutReadersWhoJoinedAfterTheDay() throws IOException {
        readers.save(Reader.newcomer("demo", Channel.LINE, "Ulate", Instant.parse("2026-11-22T01:00:00Z"))
                .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.born("c1", LocalDate.of(2026, 10, 1))))
                .withRegisteredOn(LocalDate.of(2026, 11, 22)));

        APIGatewayV2HTTPResponse response = handler.handleRequest(request("POST", "runs", authorizedJson(),
                "{\"date\":\"2026-11-21\",\"municipalityId\":\"demo\"}"), null);

        assertEquals(202, response.getStatusCode(), response.getBody());
        assertEquals(4, body(response).path("readers").asInt());
    }

    @Test
    void theSampleIsWhatTheNamedStageDeliversAndIsRoutedByRouteKeyNotRawPath() throws IOException {
        APIGatewayV2HTTPEvent event = sample();
        assertEquals("/dev/admin/runs", event.getRawPath());
        assertEquals("dev", event.getRequestContext().getStage());

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertEquals(202, response.getStatusCode(), response.getBody());
    }

    @ParameterizedTest(name = "deployed, today 2026-11-22: {0} → {1}")
    @CsvSource({"2026-11-15, 202", "2026-11-14, 400", "2026-11-23, 400"})
    void aCatchUpRunTakesTodayAndTheSevenDaysBeforeButNoFutureDay(String date, int status) throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("POST", "runs", authorizedJson(),
                "{\"date\":\"" + date + "\",\"municipalityId\":\"demo\"}"), null);

        assertEquals(status, response.getStatusCode(), response.getBody());
        if (status == 202) {
            assertEquals(4, body(response).path("readers").asInt());
            assertEquals(List.of(new CatchUpRun("demo", LocalDate.parse(date))), started);
        } else {
            assertEquals("bad_request", body(response).path("error").asText());
            assertTrue(body(response).path("message").asText().contains(date), response.getBody());
            assertEquals(List.of(), started);
        }
    }

    @Test
    void aRunLambdaDidNotTakeIsAnsweredUnavailableNotAnInternalError() throws IOException {
        AdminApiHandler refused = rig.handler(run -> {
            throw new IllegalStateException("Lambda did not queue the catch-up run: status 429");
        }, CLOCK);

        APIGatewayV2HTTPResponse response = refused.handleRequest(sample(), null);

        assertEquals(503, response.getStatusCode(), response.getBody());
        assertEquals("unavailable", body(response).path("error").asText());
        assertTrue(body(response).path("message").asText().contains("try again"), response.getBody());
    }

    @Test
    void theLocalRunnersWindowRunsTomorrowSoASimulationCanMoveOn() throws IOException {
        AdminApiHandler local = rig.handler(started::add, CLOCK, CatchUpWindow.local(Map.of()));

        APIGatewayV2HTTPResponse response = local.handleRequest(request("POST", "runs", authorizedJson(),
                "{\"date\":\"2026-11-23\",\"municipalityId\":\"demo\"}"), null);

        assertEquals(202, response.getStatusCode(), response.getBody());
        assertEquals(4, body(response).path("readers").asInt());
        assertEquals(List.of(new CatchUpRun("demo", LocalDate.of(2026, 11, 23))), started);
    }

    @Test
    void aRunIsAuditedUnderTheTokensSubjectForItsTown() {
        handler.handleRequest(sample(), null);

        AuditTrail.Page page = audit.page(Optional.of("demo"), 10, Optional.empty());
        assertEquals(List.of(new AuditRecord(CLOCK.instant(), "2f7c1e9a-5b3d-4e6f-8a1b-0c2d3e4f5a6b", "demo",
                "createRun", Map.of("date", "2026-11-22", "readers", 4))), page.records());
    }

    @Test
    void anEditorsSignedRequestReadsItsTownsAuditNewestFirstAsTheSampleAsks() throws IOException {
        handler.handleRequest(sample(), null);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("../../events/admin-audit-editor.json"), null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("createRun", body(response).path("records").path(0).path("action").asText());
    }

    @Test
    void aRequestWithoutVerifiedClaimsIsUnauthorizedWhateverItsAuthorizationHeader() throws IOException {
        APIGatewayV2HTTPEvent event = sample();
        event.getRequestContext().setAuthorizer(null);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertEquals(401, response.getStatusCode());
        assertEquals("unauthorized", body(response).path("error").asText());
        assertEquals(List.of(), started);
    }

    @ParameterizedTest(name = "{0} /dev/admin/{1} → {4} {5}")
    @CsvSource(delimiter = '|', value = {
            "POST | runs        | none            | {\"date\":\"2026-11-22\",\"municipalityId\":\"demo\"} | 401 | unauthorized",
            "POST | runs        | access          | {\"date\":\"2026-11-22\",\"municipalityId\":\"demo\"} | 401 | unauthorized",
            "POST | nope        | json            | {}                                                   | 404 | not_found",
            "GET  | runs        | json            | ''                                                   | 405 | method_not_allowed",
            "POST | runs        | text            | {\"date\":\"2026-11-22\",\"municipalityId\":\"demo\"} | 415 | unsupported_media_type",
            "POST | runs        | json            | {not json                                            | 400 | bad_request",
            "POST | runs        | json            | [1,2]                                                | 400 | bad_request",
            "POST | runs        | json            | {\"municipalityId\":\"demo\"}                        | 400 | bad_request",
            "POST | runs        | json            | {\"date\":\"2026-02-30\",\"municipalityId\":\"demo\"} | 400 | bad_request",
            "POST | runs        | json            | {\"date\":\"2026-11-22\",\"municipalityId\":7}        | 400 | bad_request",
            "POST | runs        | json            | {\"date\":\"2026-11-22\",\"municipalityId\":\"atlantis\"} | 404 | not_found",
    })
    void badRequestsGetAJsonErrorNeverA500(String method, String path, String auth, String body, int status,
            String error) throws IOException {
        Map<String, String> headers = new HashMap<>();
        switch (auth) {
            case "json", "none", "access" -> headers.putAll(authorizedJson());
            case "text" -> headers.put("content-type", "text/plain");
            default -> throw new IllegalArgumentException(auth);
        }
        APIGatewayV2HTTPEvent event = request(method, path, headers, body);
        if (auth.equals("none")) {
            event.getRequestContext().setAuthorizer(null);
        } else if (auth.equals("access")) {
            // a Cognito access token passes the authorizer (client_id) but names no town
            event.getRequestContext().getAuthorizer().getJwt().getClaims().put("token_use", "access");
        }

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals(error, body(response).path("error").asText());
        assertTrue(body(response).path("message").isTextual());
        assertEquals(List.of(), started);
    }
}
