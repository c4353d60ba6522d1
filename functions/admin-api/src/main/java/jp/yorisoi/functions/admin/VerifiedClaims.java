package jp.yorisoi.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller, from the claims the HTTP API's JWT authorizer verified and put into the event. This class trusts the
 * event because API Gateway only invokes an {@code /admin} route after checking the token's signature, issuer,
 * audience, exp, nbf and iat ("Control access to HTTP APIs with JWT authorizers", API Gateway Developer Guide); it
 * never looks at the Authorization header itself.
 *
 * <p>Payload format 2.0 delivers the claims as {@code requestContext.authorizer.jwt.claims}, every value a string
 * (numbers as digits; API Gateway does not pass JSON types through). An array claim such as Cognito's
 * {@code cognito:groups} arrives as its elements between brackets, separated by spaces: {@code "[editor viewer]"}
 * (seen on HTTP APIs and handled so in aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock
 * pull request 803, and floci-io/floci pull request 2011, which measured the wire format).
 *
 * <p>Mapping: {@code sub} → subject; {@code cognito:groups} → groups (operator, editor, viewer; other names are
 * ignored); {@code custom:municipalityId} → the town. Only ID tokens ({@code token_use: "id"}) are taken: a
 * Cognito access token passes the authorizer too (its {@code client_id} is checked when {@code aud} is absent), but
 * carries no custom attributes, so it could never say which town its holder belongs to.
 */
final class VerifiedClaims {

    static final String SUBJECT = "sub";
    static final String TOKEN_USE = "token_use";
    static final String GROUPS = "cognito:groups";
    static final String MUNICIPALITY = "custom:municipalityId";

    private VerifiedClaims() {}

    /** The verified claims of the event; empty when no authorizer ran (or it passed none). */
    static Optional<Map<String, String>> of(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null) {
            return Optional.empty();
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = event.getRequestContext().getAuthorizer();
        if (authorizer == null || authorizer.getJwt() == null || authorizer.getJwt().getClaims() == null
                || authorizer.getJwt().getClaims().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(authorizer.getJwt().getClaims());
    }

    /** @throws ApiException 401 without claims, without a subject, or for anything but an ID token */
    static Caller caller(APIGatewayV2HTTPEvent event) {
        return caller(of(event).orElseThrow(() -> unauthorized("sign in and send your ID token as "
                + "Authorization: Bearer <token>")));
    }

    static Caller caller(Map<String, String> claims) {
        String subject = claims.get(SUBJECT);
        if (subject == null || subject.isBlank()) {
            throw unauthorized("the token names no subject");
        }
        if (!"id".equals(claims.get(TOKEN_USE))) {
            throw unauthorized("send the ID token, not the access token: only the ID token names your town");
        }
        Optional<String> town = Optional.ofNullable(claims.get(MUNICIPALITY)).map(String::strip)
                .filter(s -> !s.isEmpty());
        return new Caller(subject, groups(claims.get(GROUPS)), town);
    }

    /** {@code "[operator editor]"} (API Gateway's rendering of a JSON array) or a single bare name. */
    static Set<Caller.StaffGroup> groups(String rendered) {
        Set<Caller.StaffGroup> groups = EnumSet.noneOf(Caller.StaffGroup.class);
        if (rendered == null) {
            return groups;
        }
        String inner = rendered.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        for (String name : inner.split("[\\s,]+")) {
            switch (name) {
                case "operator" -> groups.add(Caller.StaffGroup.OPERATOR);
                case "editor" -> groups.add(Caller.StaffGroup.EDITOR);
                case "viewer" -> groups.add(Caller.StaffGroup.VIEWER);
                default -> {
                    // Cognito's group names are case-sensitive; any other group gives no rights here
                }
            }
        }
        return groups;
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }
}
