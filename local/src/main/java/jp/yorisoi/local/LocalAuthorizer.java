package jp.yorisoi.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.yorisoi.testkit.CognitoTokens;

/**
 * What the HTTP API's JWT authorizer does in front of the {@code /admin} routes, on this machine. Following "Control
 * access to HTTP APIs with JWT authorizers" (API Gateway Developer Guide), a token from the Authorization header (bare
 * or after "Bearer ") is accepted only when its header names a key ({@code kid}) of the trusted JWKS with RS256 and
 * the signature verifies; {@code iss} equals the issuer; {@code aud} names an accepted audience, or, when there is no
 * {@code aud}, {@code client_id} does; {@code exp} is after now; {@code nbf} and {@code iat}, when present, are not
 * after now. Anything else is refused as API Gateway refuses it, before the function runs.
 *
 * <p>The verified claims go to the function as API Gateway passes them in payload 2.0
 * ({@code requestContext.authorizer.jwt.claims}): every value a string, numbers as digits, an array as its elements
 * between brackets separated by spaces ({@code "[editor viewer]"}, the rendering seen from HTTP APIs; see
 * {@code VerifiedClaims} in the admin API).
 *
 * <p>Locally only, {@code ADMIN_TOKEN} also passes, as an operator's claims: scripts and tests need no sign-in. The
 * deployed stack has no such token.
 */
public final class LocalAuthorizer {

    /** The subject the ADMIN_TOKEN's calls are audited under. */
    public static final String ADMIN_TOKEN_SUBJECT = "local-admin-token";

    private final JWKSet keys;
    private final String issuer;
    private final Set<String> audiences;
    private final Clock clock;
    private final Optional<String> adminToken;

    public LocalAuthorizer(JWKSet keys, String issuer, Set<String> audiences, Clock clock, Optional<String> adminToken) {
        this.keys = keys;
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.clock = clock;
        this.adminToken = adminToken.filter(token -> !token.isBlank());
    }

    /** Trusts the issuer whose public keys are in {@code jwksFile} (LOCAL_JWKS_FILE). */
    public static LocalAuthorizer trusting(Path jwksFile, String issuer, String audience, Clock clock,
            Optional<String> adminToken) {
        try {
            return new LocalAuthorizer(JWKSet.load(jwksFile.toFile()), issuer, Set.of(audience), clock, adminToken);
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("LOCAL_JWKS_FILE " + jwksFile + " is not a readable JWKS: "
                    + e.getMessage(), e);
        }
    }

    /** Trusts the runner's own key (demo sign-in). */
    static LocalAuthorizer ownKey(CognitoTokens tokens, Clock clock, Optional<String> adminToken) {
        try {
            return new LocalAuthorizer(JWKSet.parse(tokens.jwks()), tokens.issuer(), Set.of(tokens.audience()), clock,
                    adminToken);
        } catch (ParseException e) {
            throw new IllegalStateException("the runner's own JWKS does not parse", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The claims API Gateway would pass for this Authorization header, or empty when it would answer 401. */
    public Optional<Map<String, String>> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        if (adminToken.isPresent() && MessageDigest.isEqual(adminToken.get().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(adminClaims());
        }
        try {
            return verifyJwt(SignedJWT.parse(token));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private Optional<Map<String, String>> verifyJwt(SignedJWT jwt) throws ParseException, JOSEException {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
            return Optional.empty();
        }
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
            return Optional.empty();
        }
        Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
        Instant now = clock.instant();
        boolean valid = issuer.equals(claims.get("iss"))
                && audienceAccepted(claims)
                && claims.get("exp") instanceof Number exp && now.getEpochSecond() < exp.longValue()
                && notAfter(claims.get("nbf"), now)
                && notAfter(claims.get("iat"), now);
        return valid ? Optional.of(render(claims)) : Optional.empty();
    }

    /** aud when present (a string or a list), else client_id: API Gateway evaluates client_id only without aud. */
    private boolean audienceAccepted(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud != null) {
            Collection<?> values = aud instanceof Collection<?> list ? list : List.of(aud);
            return values.stream().anyMatch(value -> audiences.contains(String.valueOf(value)));
        }
        return claims.get("client_id") instanceof String clientId && audiences.contains(clientId);
    }

    private static boolean notAfter(Object epochSeconds, Instant now) {
        return epochSeconds == null
                || epochSeconds instanceof Number n && n.longValue() <= now.getEpochSecond();
    }

    /** Claim values as payload 2.0 carries them: strings only. */
    static Map<String, String> render(Map<String, Object> claims) {
        Map<String, String> rendered = new LinkedHashMap<>();
        claims.forEach((name, value) -> rendered.put(name, render(value)));
        return rendered;
    }

    private static String render(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(LocalAuthorizer::render).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private Map<String, String> adminClaims() {
        long now = clock.instant().getEpochSecond();
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", ADMIN_TOKEN_SUBJECT);
        claims.put("iss", issuer);
        claims.put("aud", audiences.iterator().next());
        claims.put("token_use", "id");
        claims.put("cognito:groups", "[operator]");
        claims.put("iat", Long.toString(now));
        claims.put("exp", Long.toString(now + 3600));
        return claims;
    }
}
