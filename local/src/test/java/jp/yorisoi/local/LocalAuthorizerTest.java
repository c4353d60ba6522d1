package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.testkit.CognitoTokens;
import org.junit.jupiter.api.Test;

/**
 * The local runner's stand-in for the HTTP API's JWT authorizer: what it accepts and refuses, and the claims it hands
 * the function, strings only, as payload 2.0 carries them.
 */
class LocalAuthorizerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final CognitoTokens cognito = CognitoTokens.generate(CognitoTokens.TEST_ISSUER,
            CognitoTokens.TEST_CLIENT_ID, CLOCK);
    private final LocalAuthorizer authorizer = LocalAuthorizer.ownKey(cognito, CLOCK, Optional.of("local-op"));

    @Test
    void anEditorsIdTokenPassesWithItsClaimsAsStrings() {
        Map<String, String> claims = authorizer.verify("Bearer " + cognito.editor("staff-1", "town-a")).orElseThrow();

        assertEquals("staff-1", claims.get("sub"));
        assertEquals("[editor]", claims.get("cognito:groups"));
        assertEquals("town-a", claims.get("custom:municipalityId"));
        assertEquals("id", claims.get("token_use"));
        assertEquals(Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()), claims.get("exp"));
        assertEquals(CognitoTokens.TEST_CLIENT_ID, claims.get("aud"));
    }

    @Test
    void theTokenMayComeWithoutTheBearerPrefix() {
        assertTrue(authorizer.verify(cognito.operator("op-1")).isPresent());
    }

    @Test
    void severalGroupsAreRenderedBracketedAndSpaceSeparated() {
        String token = cognito.idToken("s", List.of("editor", "viewer"), "town-a");

        assertEquals("[editor viewer]", authorizer.verify(token).orElseThrow().get("cognito:groups"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = cognito.idToken("s", List.of("editor"), "town-a", NOW.minus(Duration.ofHours(2)),
                Duration.ofHours(1));

        assertEquals(Optional.empty(), authorizer.verify(token));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        String token = cognito.idToken("s", List.of("editor"), "town-a", NOW.plus(Duration.ofMinutes(5)),
                Duration.ofHours(1));

        assertEquals(Optional.empty(), authorizer.verify(token));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        Map<String, Object> claims = valid();
        claims.put("nbf", NOW.plusSeconds(60).getEpochSecond());

        assertEquals(Optional.empty(), authorizer.verify(cognito.sign(claims)));
    }

    @Test
    void anotherIssuerIsRefused() {
        Map<String, Object> claims = valid();
        claims.put("iss", "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other");

        assertEquals(Optional.empty(), authorizer.verify(cognito.sign(claims)));
    }

    @Test
    void anotherAudienceIsRefusedEvenWithTheRightClientId() {
        Map<String, Object> claims = valid();
        claims.put("aud", "another-client");
        claims.put("client_id", CognitoTokens.TEST_CLIENT_ID);

        assertEquals(Optional.empty(), authorizer.verify(cognito.sign(claims)));
    }

    @Test
    void withoutAudTheClientIdIsChecked() {
        Map<String, Object> claims = valid();
        claims.remove("aud");
        claims.put("client_id", CognitoTokens.TEST_CLIENT_ID);
        assertTrue(authorizer.verify(cognito.sign(claims)).isPresent());

        claims.put("client_id", "another-client");
        assertEquals(Optional.empty(), authorizer.verify(cognito.sign(claims)));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        Map<String, Object> claims = valid();
        claims.remove("exp");

        assertEquals(Optional.empty(), authorizer.verify(cognito.sign(claims)));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        CognitoTokens impostor = CognitoTokens.generate(CognitoTokens.TEST_ISSUER, CognitoTokens.TEST_CLIENT_ID, CLOCK);

        assertEquals(Optional.empty(), authorizer.verify(impostor.operator("op")));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = cognito.viewer("s", "town-a").split("\\.");
        String operator = cognito.operator("s").split("\\.")[1];

        assertEquals(Optional.empty(), authorizer.verify(parts[0] + "." + operator + "." + parts[2]));
    }

    @Test
    void anHmacSignedTokenIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k").build(),
                JWTClaimsSet.parse(valid()));
        jwt.sign(new MACSigner("a-shared-secret-of-at-least-32-bytes!!"));

        assertEquals(Optional.empty(), authorizer.verify(jwt.serialize()));
    }

    @Test
    void garbageAndNothingAreRefused() {
        assertEquals(Optional.empty(), authorizer.verify(null));
        assertEquals(Optional.empty(), authorizer.verify(""));
        assertEquals(Optional.empty(), authorizer.verify("Bearer not-a-token"));
    }

    @Test
    void theLocalAdminTokenPassesAsAnOperator() {
        Map<String, String> claims = authorizer.verify("Bearer local-op").orElseThrow();

        assertEquals(LocalAuthorizer.ADMIN_TOKEN_SUBJECT, claims.get("sub"));
        assertEquals("[operator]", claims.get("cognito:groups"));
        assertEquals("id", claims.get("token_use"));
    }

    private static Map<String, Object> valid() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "s");
        claims.put("iss", CognitoTokens.TEST_ISSUER);
        claims.put("aud", CognitoTokens.TEST_CLIENT_ID);
        claims.put("token_use", "id");
        claims.put("iat", NOW.getEpochSecond());
        claims.put("exp", NOW.plusSeconds(3600).getEpochSecond());
        return claims;
    }
}
