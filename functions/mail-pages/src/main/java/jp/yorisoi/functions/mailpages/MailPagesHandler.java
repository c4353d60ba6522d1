package jp.yorisoi.functions.mailpages;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.aws.Priming;
import jp.yorisoi.mail.MailLinks;
import jp.yorisoi.mail.MailSettings;
import jp.yorisoi.mail.MailSignup;
import jp.yorisoi.mail.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail readers' public pages on the HTTP API (no authorizer: signed tokens are the authority): the signup
 * form of each town, the confirmation link, the settings page and the unsubscribe page with its one-click POST.
 * Routes by API Gateway's routeKey; every answer is a whole HTML page, never a redirect.
 */
public final class MailPagesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** SnapStart's priming hook: warms the SDK and page classes before the snapshot (Priming). */
    static {
        Priming.register(MailPagesHandler.class);
    }

    private static final Logger log = LoggerFactory.getLogger(MailPagesHandler.class);
    /** A signup or settings form is a few hundred bytes; anything far larger is not ours. */
    static final int MAX_FORM_BYTES = 8 * 1024;
    /**
     * No script and nothing from elsewhere; forms post to this origin only and the pages cannot be framed. No
     * referrer leaves a page, because the page's address carries its token.
     */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    private final MailSignup signup;
    private final MailSettings settings;
    private final byte[] linkSecret;
    private final Optional<String> publicBaseUrl;

    /** Lambda's entry: clients and the signing key read once per container. */
    public MailPagesHandler() {
        this(MailPagesWiring.fromEnvironment(System.getenv()));
    }

    private MailPagesHandler(MailPagesWiring wiring) {
        this(wiring.signup(), wiring.settings(), wiring.linkSecret(), wiring.publicBaseUrl());
    }

    /**
     * @param publicBaseUrl where links point; empty derives it from each request (the API's domain and stage)
     */
    public MailPagesHandler(MailSignup signup, MailSettings settings, byte[] linkSecret, Optional<String> publicBaseUrl) {
        this.signup = signup;
        this.settings = settings;
        this.linkSecret = linkSecret.clone();
        this.publicBaseUrl = publicBaseUrl.filter(s -> !s.isBlank());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        String requestId = request == null || request.getRequestContext() == null ? null
                : request.getRequestContext().getRequestId();
        return HandlerLogging.withLogging(context, requestId, () -> respond(handle(request)));
    }

    private Page handle(APIGatewayV2HTTPEvent request) {
        try {
            return route(request);
        } catch (RuntimeException e) {
            // never a 500 page with a stack trace; the class names the fault without echoing anything the visitor sent
            log.error("mail page failed: {}", e.getClass().getName(), e);
            return signup.busy();
        }
    }

    private Page route(APIGatewayV2HTTPEvent request) {
        MailLinks links = new MailLinks(baseUrl(request), linkSecret);
        Map<String, String> query = request.getQueryStringParameters() == null ? Map.of()
                : request.getQueryStringParameters();
        String town = request.getPathParameters() == null ? null : request.getPathParameters().get("municipalityId");
        String routeKey = String.valueOf(request.getRouteKey());
        if (routeKey.startsWith("POST ")) {
            Optional<Map<String, String>> form = form(request);
            if (form.isEmpty()) {
                return signup.badRequest();
            }
            return switch (routeKey) {
                case "POST /signup/{municipalityId}" -> signup.submit(town, form.get(), sourceIp(request), links);
                case "POST /mail/confirm" -> signup.confirm(form.get().get("t"), links);
                case "POST /mail/settings" -> settings.change(form.get(), links);
                // RFC 8058: the mail app posts "List-Unsubscribe=One-Click" to the header's URI, token in the query
                case "POST /mail/unsubscribe" -> settings.unsubscribe(query.get("t"), links);
                default -> signup.notFound();
            };
        }
        return switch (routeKey) {
            case "GET /signup/{municipalityId}" -> signup.form(town, query.get("lang"), links);
            case "GET /mail/confirm" -> signup.confirmPage(query.get("t"), links);
            case "GET /mail/settings" -> settings.settings(query.get("t"), links);
            case "GET /mail/unsubscribe" -> settings.unsubscribePage(query.get("t"), links);
            default -> signup.notFound();
        };
    }

    /**
     * The configured public address, else the invoke URL of this request: https://{domainName}/{stage}, as API
     * Gateway reports them in requestContext (a named stage is the first segment of the path; $default has none).
     */
    private String baseUrl(APIGatewayV2HTTPEvent request) {
        if (publicBaseUrl.isPresent()) {
            return publicBaseUrl.get();
        }
        var context = request.getRequestContext();
        String stage = context.getStage();
        return "https://" + context.getDomainName() + (stage == null || stage.equals("$default") ? "" : "/" + stage);
    }

    private static String sourceIp(APIGatewayV2HTTPEvent request) {
        var context = request.getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
    }

    /** An application/x-www-form-urlencoded body (HTTP API may hand it over Base64-encoded), or empty when not one. */
    static Optional<Map<String, String>> form(APIGatewayV2HTTPEvent request) {
        String body = request.getBody() == null ? "" : request.getBody();
        if (body.length() > MAX_FORM_BYTES * 2) {
            return Optional.empty();
        }
        try {
            if (request.getIsBase64Encoded()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            if (body.length() > MAX_FORM_BYTES) {
                return Optional.empty();
            }
            Map<String, String> fields = new HashMap<>();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
            return Optional.of(fields);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static APIGatewayV2HTTPResponse respond(Page page) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(page.status())
                .withHeaders(HEADERS)
                .withBody(page.html())
                .build();
    }
}
