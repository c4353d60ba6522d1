package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Staff accounts through the handler, made in moto's Cognito user pool as the deployed API makes them. */
class StaffApiIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> OPERATOR = TenancyIT.claims("op-1", "[operator]", null);

    /** The audit on the wall clock: a test reads a deletion as newer than the creation before it. */
    final AdminRig rig = new AdminRig(Clock.systemUTC());
    final AdminApiHandler handler = rig.handler(run -> { }, CLOCK);
    /** Its own towns: the user pool is shared by the test JVM. */
    final String town = "t" + UUID.randomUUID().toString().substring(0, 8);
    final String otherTown = "u" + UUID.randomUUID().toString().substring(0, 8);

    StaffApiIT() {
        for (String id : List.of(town, otherTown)) {
            rig.towns.save(new Municipality(id, id, "", "", Plan.FULL, 3, 8, List.of("ja"), null, true));
        }
    }

    @Test
    void anOperatorCreatesAnEditorWhoIsInTheGroupWithTheTownAndTheTownsEditorsListThem() throws Exception {
        String email = "hoken-" + town + "@example.jp";

        APIGatewayV2HTTPResponse created = call("POST", "/admin/staff", OPERATOR,
                "{\"email\": \"" + email + "\", \"group\": \"editor\", \"municipalityId\": \"" + town + "\"}");

        assertEquals(201, created.getStatusCode(), created.getBody());
        String username = JSON.readTree(created.getBody()).path("username").asText();
        try (CognitoIdentityProviderClient cognito = AdminRig.cognitoSdk()) {
            AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(rig.userPoolId).username(username));
            assertEquals(Optional.of(town), user.userAttributes().stream()
                    .filter(a -> a.name().equals("custom:municipalityId")).map(AttributeType::value).findFirst());
            assertEquals(List.of("editor"), cognito.adminListGroupsForUser(r -> r.userPoolId(rig.userPoolId)
                    .username(username)).groups().stream().map(GroupType::groupName).toList());
        }
        JsonNode list = JSON.readTree(call("GET", "/admin/municipalities/" + town + "/staff",
                TenancyIT.claims("editor-x", "[editor]", town), null).getBody());
        assertEquals(1, list.path("staff").size());
        assertEquals(email, list.path("staff").path(0).path("email").asText());
        assertEquals(0, JSON.readTree(call("GET", "/admin/municipalities/" + otherTown + "/staff", OPERATOR, null)
                .getBody()).path("staff").size());
        AuditRecord record = rig.audit.page(Optional.of(town), 1, Optional.empty()).records().get(0);
        assertEquals(Map.of("username", username, "group", "editor"), record.details());
        assertFalse(record.details().toString().contains(email));
    }

    @Test
    void aSecondAccountForTheSameAddressIsAConflict() {
        String body = "{\"email\": \"dup-" + town + "@example.jp\", \"group\": \"viewer\", \"municipalityId\": \""
                + town + "\"}";
        assertEquals(201, call("POST", "/admin/staff", OPERATOR, body).getStatusCode());

        assertEquals(409, call("POST", "/admin/staff", OPERATOR, body).getStatusCode());
    }

    @Test
    void anOperatorDeletesAnAccountWhichCanNoLongerBeFound() throws Exception {
        String username = JSON.readTree(call("POST", "/admin/staff", OPERATOR, "{\"email\": \"gone-" + town
                + "@example.jp\", \"group\": \"viewer\", \"municipalityId\": \"" + town + "\"}").getBody())
                .path("username").asText();

        assertEquals(204, call("DELETE", "/admin/staff/" + username, OPERATOR, null).getStatusCode());

        try (CognitoIdentityProviderClient cognito = AdminRig.cognitoSdk()) {
            assertThrows(UserNotFoundException.class,
                    () -> cognito.adminGetUser(r -> r.userPoolId(rig.userPoolId).username(username)));
        }
        assertEquals(404, call("DELETE", "/admin/staff/" + username, OPERATOR, null).getStatusCode());
        assertEquals("deleteStaff", rig.audit.page(Optional.of(town), 1, Optional.empty()).records().get(0).action());
    }

    @Test
    void badAccountsAreRefusedBeforeCognitoIsAsked() {
        assertEquals(400, call("POST", "/admin/staff", OPERATOR,
                "{\"email\": \"not-an-address\", \"group\": \"viewer\", \"municipalityId\": \"" + town + "\"}")
                .getStatusCode());
        assertEquals(400, call("POST", "/admin/staff", OPERATOR,
                "{\"email\": \"a@example.jp\", \"group\": \"admin\", \"municipalityId\": \"" + town + "\"}")
                .getStatusCode());
        assertEquals(400, call("POST", "/admin/staff", OPERATOR,
                "{\"email\": \"a@example.jp\", \"group\": \"operator\", \"municipalityId\": \"" + town + "\"}")
                .getStatusCode());
        assertEquals(400, call("POST", "/admin/staff", OPERATOR, "{\"email\": \"a@example.jp\", \"group\": \"editor\"}")
                .getStatusCode());
        assertEquals(404, call("POST", "/admin/staff", OPERATOR,
                "{\"email\": \"a@example.jp\", \"group\": \"editor\", \"municipalityId\": \"nowhere\"}").getStatusCode());
        assertEquals(List.of(), rig.staff.ofTown(town));
    }

    @Test
    void anEditorCreatesNoAccountsAndAnOperatorCannotDeleteThemself() {
        assertEquals(403, call("POST", "/admin/staff", TenancyIT.claims("e", "[editor]", town),
                "{\"email\": \"x-" + town + "@example.jp\", \"group\": \"viewer\", \"municipalityId\": \"" + town
                        + "\"}").getStatusCode());
        assertEquals(409, call("DELETE", "/admin/staff/op-1", OPERATOR, null).getStatusCode());
        assertEquals(List.of(), rig.staff.ofTown(town));
    }

    private APIGatewayV2HTTPResponse call(String method, String path, Map<String, String> claims, String body) {
        var event = TenancyIT.event(new TenancyIT.Operation(method, path, "test", "read"), path, claims);
        event.setBody(body);
        return handler.handleRequest(event, null);
    }
}
