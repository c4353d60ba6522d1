package jp.yorisoi.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an HTTP request into the event API Gateway (HTTP API, payload format 2.0) hands a Lambda function, as in
 * "Create AWS Lambda proxy integrations for HTTP APIs"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html): header
 * names lower-case, repeated headers and query parameters joined with commas, cookies in their own list, and on a
 * named stage the stage as the first segment of {@code rawPath} and {@code requestContext.http.path}, while
 * {@code routeKey} and {@code pathParameters} name the route within the stage.
 */
final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** An HTTP request as received; {@code rawPath} (stage included) and {@code rawQuery} still percent-encoded. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                   String sourceIp, String host) {}

    private HttpApiEvents() {}

    /** The account id API Gateway reports; the emulated API has none. */
    static final String ACCOUNT_ID = "000000000000";
    static final String API_ID = "local";

    static APIGatewayV2HTTPEvent toEvent(Request request, ApiRoutes.Match match, String stage, Instant now) {
        return toEvent(request, match, stage, now, null);
    }

    /**
     * @param claims the JWT authorizer's verified claims (strings), or null for a route without an authorizer; they
     *               go where payload 2.0 puts them, {@code requestContext.authorizer.jwt.claims}, with no scopes
     *               (a Cognito ID token has none)
     */
    static APIGatewayV2HTTPEvent toEvent(Request request, ApiRoutes.Match match, String stage, Instant now,
            Map<String, String> claims) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                // HTTP APIs move cookies out of the headers into their own list.
                values.forEach(value -> splitCookies(value, cookies));
            } else {
                headers.merge(key, String.join(",", values), (a, b) -> a + "," + b);
            }
        });

        // Added by API Gateway in front of every integration.
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        String domainName = request.host().replaceFirst(":\\d+$", "");
        int port = request.host().matches(".*:\\d+$")
                ? Integer.parseInt(request.host().substring(request.host().lastIndexOf(':') + 1)) : 80;
        headers.putIfAbsent("x-forwarded-port", Integer.toString(port));

        String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
        Map<String, String> query = queryParameters(rawQuery);

        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method().toUpperCase(Locale.ROOT))
                .withPath(request.rawPath())
                .withProtocol("HTTP/1.1")
                .withSourceIp(request.sourceIp())
                .withUserAgent(headers.get("user-agent"))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(domainName.split("\\.", 2)[0])
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(match.route().routeKey())
                .withStage(stage)
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http)
                .withAuthorizer(claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(new LinkedHashMap<>(claims)).build())
                        .build())
                .build();

        var event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(match.pathParameters().isEmpty() ? null : Map.copyOf(match.pathParameters()))
                .withRequestContext(context)
                .build();

        byte[] body = request.body();
        if (body != null && body.length > 0) {
            // LINE signs the exact bytes: a UTF-8 body travels as that same string, anything else as base64.
            String text = strictUtf8(body);
            event.setBody(text != null ? text : Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(text == null);
        }
        return event;
    }

    /** Decoded query parameters; a repeated name gets its values joined with commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.strip());
            }
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
