package jp.yorisoi.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An identity provider for tests and the local runner: an RSA key, its JWKS, and ID tokens shaped as a Cognito user
 * pool issues them ("Understanding the identity (ID) token", Cognito Developer Guide): header {@code kid} and {@code alg} RS256 only;
 * claims {@code sub}, {@code iss} (https://cognito-idp.{region}.amazonaws.com/{poolId}), {@code aud} (the app
 * client id), {@code token_use: "id"}, {@code auth_time}, {@code iat}, {@code exp}, {@code cognito:username},
 * {@code cognito:groups} (a JSON array, only when the user is in a group) and {@code custom:municipalityId} (only
 * when set). The local runner and API Gateway verify them the same way.
 */
public final class CognitoTokens {

    /** A pool id shaped as Cognito's ("{region}_{id}"), for tests that need no particular one. */
    public static final String TEST_ISSUER = "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Test0001";
    public static final String TEST_CLIENT_ID = "testconsoleclient0000000001";

    private static final Duration VALIDITY = Duration.ofHours(1);

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    private CognitoTokens(RSAKey key, String issuer, String audience, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** A fresh 2048-bit key for this issuer and app client; tokens issued at {@code clock}'s now. */
    public static CognitoTokens generate(String issuer, String audience, Clock clock) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            return new CognitoTokens(key, issuer, audience, clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }

    public static CognitoTokens generate() {
        return generate(TEST_ISSUER, TEST_CLIENT_ID, Clock.systemUTC());
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** The public key set, as the pool serves it at {issuer}/.well-known/jwks.json. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    /** Writes {@link #jwks()} to {@code file} (for LOCAL_JWKS_FILE) and returns it. */
    public Path writeJwks(Path file) {
        try {
            return Files.writeString(file, jwks(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String operator(String subject) {
        return idToken(subject, List.of("operator"), null);
    }

    public String editor(String subject, String municipalityId) {
        return idToken(subject, List.of("editor"), municipalityId);
    }

    public String viewer(String subject, String municipalityId) {
        return idToken(subject, List.of("viewer"), municipalityId);
    }

    /** An ID token valid for an hour from now; {@code municipalityId} null for none (operators). */
    public String idToken(String subject, List<String> groups, String municipalityId) {
        return idToken(subject, groups, municipalityId, clock.instant(), VALIDITY);
    }

    public String idToken(String subject, List<String> groups, String municipalityId, Instant issuedAt,
            Duration validity) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .claim("token_use", "id")
                .claim("cognito:username", subject)
                .claim("auth_time", issuedAt.getEpochSecond())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validity)))
                .jwtID(UUID.randomUUID().toString());
        if (!groups.isEmpty()) {
            claims.claim("cognito:groups", List.copyOf(groups));
        }
        if (municipalityId != null) {
            claims.claim("custom:municipalityId", municipalityId);
        }
        return sign(claims.build());
    }

    /** Any claims, signed with this key: for tokens a verifier must refuse (wrong issuer, audience, expired). */
    public String sign(Map<String, Object> claims) {
        try {
            return sign(JWTClaimsSet.parse(claims));
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("not a claims set: " + claims, e);
        }
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }
}
