package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The towns' routes through the handler: DynamoDB Local for the records, moto's SSM for the channel values. */
class MunicipalitiesApiIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> OPERATOR = TenancyIT.claims("op-1", "[operator]", null);
    static final Map<String, String> EDITOR_A = TenancyIT.claims("editor-a", "[editor]", "town-a");
    static final Map<String, String> VIEWER_A = TenancyIT.claims("viewer-a", "[viewer]", "town-a");

    final AdminRig rig = new AdminRig(CLOCK);
    final AdminApiHandler handler = rig.handler(run -> { }, CLOCK);

    MunicipalitiesApiIT() {
        rig.towns.save(new Municipality("town-a", "A町", "A町より", "A町保健センター 0000-00-0000", Plan.FULL, 3, 8,
                List.of("ja"), null, true));
        rig.towns.save(new Municipality("town-b", "B村", "B村より", "", Plan.BASE_ONLY, 3, 9, List.of("ja"), null,
                true));
    }

    @Test
    void anOperatorCreatesATownWhoseChannelValuesGoToSsmAndAreNeverAnswered() throws Exception {
        APIGatewayV2HTTPResponse response = call("POST", "/admin/municipalities", OPERATOR, """
                {"municipalityId": "minami-2", "name": "南町", "plan": "base-only", "endBirthday": 6,
                 "languages": ["ja", "ja-easy"], "deliveryHour": 7, "signature": "南町より",
                 "consultation": "南町 子育て支援課", "lineChannelSecret": "s3cret", "lineChannelAccessToken": "t0ken"}""");

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertFalse(response.getBody().contains("s3cret") || response.getBody().contains("t0ken"), response.getBody());
        JsonNode town = JSON.readTree(response.getBody());
        assertEquals("base-only", town.path("plan").asText());
        assertTrue(town.path("lineChannel").path("secretSet").asBoolean());
        assertTrue(town.path("lineChannel").path("accessTokenSet").asBoolean());
        assertEquals(new Municipality("minami-2", "南町", "南町より", "南町 子育て支援課", Plan.BASE_ONLY, 6, 7,
                List.of("ja", "ja-easy"), null, true), rig.towns.find("minami-2").orElseThrow());
        assertEquals(Optional.of("s3cret"), rig.ssm.decrypted(rig.ssmPrefix + "/line/minami-2/channel-secret"));
        assertEquals(Optional.of("t0ken"), rig.ssm.decrypted(rig.ssmPrefix + "/line/minami-2/channel-token"));
        AuditRecord record = rig.audit.page(Optional.of("minami-2"), 1, Optional.empty()).records().get(0);
        assertEquals("createMunicipality", record.action());
        assertFalse(record.details().toString().contains("s3cret"), record.details().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"municipalityId\": \"base\", \"name\": \"x\", \"plan\": \"full\"}",
            "{\"municipalityId\": \"Town-C\", \"name\": \"x\", \"plan\": \"full\"}",
            "{\"municipalityId\": \"c\", \"name\": \"x\", \"plan\": \"full\"}",
            "{\"municipalityId\": \"town/c\", \"name\": \"x\", \"plan\": \"full\"}",
            "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"gold\"}",
            "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"full\", \"endBirthday\": 7}",
            "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"full\", \"endBirthday\": \"3\"}",
            "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"full\", \"deliveryHour\": 8.5}",
            "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"full\", \"languages\": [\"fr\"]}",
            "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"full\", \"languages\": []}",
            "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"full\", \"senderEmail\": \"nope\"}",
            "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"full\", \"colour\": \"red\"}",
            "{\"municipalityId\": \"town-c\", \"name\": \"\", \"plan\": \"full\"}",
            "{\"municipalityId\": \"town-c\", \"plan\": \"full\", \"lineChannelSecret\": \"s\"}",
            "[\"town-c\"]"})
    void aBadTownIsRefusedWithAReasonAndNothingIsWritten(String body) throws Exception {
        APIGatewayV2HTTPResponse response = call("POST", "/admin/municipalities", OPERATOR, body);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("bad_request", JSON.readTree(response.getBody()).path("error").asText());
        assertEquals(List.of("town-a", "town-b"), rig.towns.listAll().stream().map(Municipality::municipalityId).toList());
        assertFalse(rig.channels.status("town-c").secretSet());
    }

    @Test
    void anOversizeBodyIsRefusedBeforeItIsRead() throws Exception {
        String body = "{\"municipalityId\": \"town-c\", \"name\": \"x\", \"plan\": \"full\", \"consultation\": \""
                + "x".repeat(20_000) + "\"}";

        APIGatewayV2HTTPResponse response = call("POST", "/admin/municipalities", OPERATOR, body);

        assertEquals(413, response.getStatusCode(), response.getBody());
        assertTrue(rig.towns.find("town-c").isEmpty());
    }

    @Test
    void aTownThatExistsIsAConflictAndKeepsItsChannelValues() throws Exception {
        rig.channels.storeSecret("town-a", "original");

        APIGatewayV2HTTPResponse response = call("POST", "/admin/municipalities", OPERATOR,
                "{\"municipalityId\": \"town-a\", \"name\": \"x\", \"plan\": \"full\", \"lineChannelSecret\": \"new\"}");

        assertEquals(409, response.getStatusCode(), response.getBody());
        assertEquals("A町", rig.towns.find("town-a").orElseThrow().name());
        assertEquals(Optional.of("original"), rig.ssm.decrypted(rig.ssmPrefix + "/line/town-a/channel-secret"));
    }

    @Test
    void anEditorChangesItsTownsTextsAndChannelTokenAndTheChangeIsAudited() throws Exception {
        APIGatewayV2HTTPResponse response = call("PATCH", "/admin/municipalities/town-a", EDITOR_A,
                "{\"consultation\": \"A町 こども家庭センター\", \"deliveryHour\": 7, \"lineChannelAccessToken\": \"t2\"}");

        assertEquals(200, response.getStatusCode(), response.getBody());
        Municipality town = rig.towns.find("town-a").orElseThrow();
        assertEquals("A町 こども家庭センター", town.consultation());
        assertEquals(7, town.deliveryHour());
        assertEquals("A町より", town.signature());
        assertTrue(rig.channels.status("town-a").accessTokenSet());
        AuditRecord record = rig.audit.page(Optional.of("town-a"), 1, Optional.empty()).records().get(0);
        assertEquals("editor-a", record.subject());
        assertEquals(Map.of("fields", List.of("consultation", "deliveryHour", "lineChannelAccessToken")),
                record.details());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"plan\": \"base-only\"}", "{\"active\": false}", "{\"senderEmail\": \"a@b.jp\"}",
            "{\"name\": \"x\", \"plan\": \"full\"}"})
    void anEditorMayNotChangeWhatTheOperatorsDecideAndNothingIsWritten(String body) throws Exception {
        APIGatewayV2HTTPResponse response = call("PATCH", "/admin/municipalities/town-a", EDITOR_A, body);

        assertEquals(403, response.getStatusCode(), response.getBody());
        assertEquals("A町", rig.towns.find("town-a").orElseThrow().name());
        assertEquals(Plan.FULL, rig.towns.find("town-a").orElseThrow().plan());
    }

    @Test
    void aViewerReadsItsTownButChangesNothing() throws Exception {
        assertEquals(200, call("GET", "/admin/municipalities/town-a", VIEWER_A, null).getStatusCode());
        assertEquals(403, call("PATCH", "/admin/municipalities/town-a", VIEWER_A, "{\"name\": \"x\"}").getStatusCode());
        assertEquals(403, call("GET", "/admin/municipalities/town-b", VIEWER_A, null).getStatusCode());
        assertEquals("A町", rig.towns.find("town-a").orElseThrow().name());
    }

    @Test
    void operatorsListEveryTownAndStaffOnlyTheirOwn() throws Exception {
        JsonNode all = JSON.readTree(call("GET", "/admin/municipalities", OPERATOR, null).getBody());
        JsonNode own = JSON.readTree(call("GET", "/admin/municipalities", EDITOR_A, null).getBody());

        assertEquals(2, all.path("municipalities").size());
        assertEquals(1, own.path("municipalities").size());
        assertEquals("town-a", own.path("municipalities").path(0).path("municipalityId").asText());
    }

    @Test
    void updatingATownThatDoesNotExistIsNotFoundForAnOperator() {
        assertEquals(404, call("PATCH", "/admin/municipalities/town-z", OPERATOR, "{\"name\": \"x\"}").getStatusCode());
        assertTrue(rig.towns.find("town-z").isEmpty());
    }

    private APIGatewayV2HTTPResponse call(String method, String path, Map<String, String> claims, String body) {
        var event = TenancyIT.event(new TenancyIT.Operation(method, path, "test", "read"), path, claims);
        event.setBody(body);
        return handler.handleRequest(event, null);
    }
}
