package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.yorisoi.functions.admin.Caller.StaffGroup;
import org.junit.jupiter.api.Test;

/** The caller from the claims as API Gateway's JWT authorizer hands them over: every value a string. */
class VerifiedClaimsTest {

    private static APIGatewayV2HTTPEvent editorSample() {
        return EventLoader.loadApiGatewayHttpEvent("../../events/admin-audit-editor.json");
    }

    @Test
    void anEditorsIdTokenClaimsAsDeliveredNameTheSubjectTheGroupAndTheTown() {
        Caller caller = VerifiedClaims.caller(editorSample());

        assertEquals(new Caller("8d3e5f7a-1b2c-4d4e-9f6a-7b8c9d0e1f2a", Set.of(StaffGroup.EDITOR), Optional.of("demo")),
                caller);
    }

    @Test
    void anOperatorHasNoTown() {
        Caller caller = VerifiedClaims.caller(EventLoader.loadApiGatewayHttpEvent("../../events/admin-runs.json"));

        assertTrue(caller.isOperator());
        assertEquals(Optional.empty(), caller.municipalityId());
    }

    @Test
    void anArrayClaimArrivesBracketedAndSpaceSeparated() {
        assertEquals(Set.of(StaffGroup.EDITOR, StaffGroup.VIEWER), VerifiedClaims.groups("[editor viewer]"));
        assertEquals(Set.of(StaffGroup.OPERATOR), VerifiedClaims.groups("[operator]"));
        assertEquals(Set.of(StaffGroup.VIEWER), VerifiedClaims.groups("viewer"));
    }

    @Test
    void groupsThisApiDoesNotKnowGiveNoRightsAndNamesAreCaseSensitive() {
        assertEquals(Set.of(), VerifiedClaims.groups("[admins Operator]"));
        assertEquals(Set.of(), VerifiedClaims.groups(null));
        assertEquals(Set.of(), VerifiedClaims.groups("[]"));
    }

    @Test
    void aUserInNoGroupIsACallerWithNoRights() {
        Map<String, String> claims = new HashMap<>(editorSample().getRequestContext().getAuthorizer().getJwt()
                .getClaims());
        claims.remove("cognito:groups");

        Caller caller = VerifiedClaims.caller(claims);

        assertEquals(Set.of(), caller.groups());
        assertThrows(ApiException.class, () -> caller.requireRead("demo"));
    }

    @Test
    void anAccessTokenIsRefusedBecauseItCannotNameTheTown() {
        Map<String, String> claims = new HashMap<>(editorSample().getRequestContext().getAuthorizer().getJwt()
                .getClaims());
        claims.put("token_use", "access");

        ApiException e = assertThrows(ApiException.class, () -> VerifiedClaims.caller(claims));

        assertEquals(401, e.status());
    }

    @Test
    void noAuthorizerMeansUnauthorized() {
        APIGatewayV2HTTPEvent event = editorSample();
        event.getRequestContext().setAuthorizer(null);

        ApiException e = assertThrows(ApiException.class, () -> VerifiedClaims.caller(event));

        assertEquals(401, e.status());
        assertEquals("unauthorized", e.error());
    }

    @Test
    void claimsWithoutASubjectAreRefused() {
        Map<String, String> claims = new HashMap<>(editorSample().getRequestContext().getAuthorizer().getJwt()
                .getClaims());
        claims.remove("sub");

        assertEquals(401, assertThrows(ApiException.class, () -> VerifiedClaims.caller(claims)).status());
    }
}
