package jp.yorisoi.functions.linewebhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.Event;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.aws.Priming;
import jp.yorisoi.delivery.Ledger;
import jp.yorisoi.line.LineReplier;
import jp.yorisoi.line.ProcessedEvents;
import jp.yorisoi.municipality.ChannelCredentials;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.privacy.ReaderErasure;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.registration.DayPreview;
import jp.yorisoi.registration.RegistrationService;
import jp.yorisoi.registration.TodaysMessage;
import jp.yorisoi.schedule.ProgramSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code POST /webhook/{municipalityId}}: the LINE webhook of each town's channel. Verifies the signature over the
 * raw body before reading it, then hands each parent's event to {@link RegistrationService}. Once a request is
 * verified, LINE always gets its 200: a failure is logged, never answered with a redelivery-inviting 5xx.
 */
public final class LineWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** SnapStart's priming hook: warms the SDK, Jackson and LINE classes before the snapshot (Priming). */
    static {
        Priming.register(LineWebhookHandler.class);
    }

    private static final Logger log = LoggerFactory.getLogger(LineWebhookHandler.class);
    private static final Pattern MUNICIPALITY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final String SIGNATURE_HEADER = "x-line-signature";

    private final MunicipalityStore municipalities;
    private final ChannelCredentials credentials;
    private final RegistrationService registration;
    private final Clock clock;

    /** Lambda's entry: clients built once per container from the environment. */
    public LineWebhookHandler() {
        this(Wiring.fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    private LineWebhookHandler(Wiring wiring, Clock clock) {
        this(wiring.readers(), wiring.municipalities(), wiring.processedEvents(), wiring.credentials(), wiring.replier(),
                wiring.preview(), wiring.todaysMessage(), wiring.ledger(), clock);
    }

    /** A webhook whose confirmations never promise a message today (no content catalogue). */
    public LineWebhookHandler(ReaderStore readers, MunicipalityStore municipalities, ProcessedEvents processedEvents,
            ChannelCredentials credentials, LineReplier replier, Ledger ledger, Clock clock) {
        this(readers, municipalities, processedEvents, credentials, replier, DayPreview.NONE, TodaysMessage.NONE, ledger,
                clock);
    }

    /**
     * @param preview       today's delivery as the senders compose it, for confirmations that say "today" truly
     * @param todaysMessage today's message again, by reply, claimed in the senders' ledger
     * @param ledger        the delivery ledger, whose entries of a reader go when the parent deletes their data
     */
    public LineWebhookHandler(ReaderStore readers, MunicipalityStore municipalities, ProcessedEvents processedEvents,
            ChannelCredentials credentials, LineReplier replier, DayPreview preview, TodaysMessage todaysMessage,
            Ledger ledger, Clock clock) {
        this.municipalities = municipalities;
        this.credentials = credentials;
        this.registration = new RegistrationService(readers, processedEvents, replier, preview, todaysMessage,
                new ReaderErasure(readers, ledger, clock));
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        String requestId = request == null || request.getRequestContext() == null ? null
                : request.getRequestContext().getRequestId();
        return HandlerLogging.withLogging(context, requestId, () -> handle(request));
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        try {
            return verifyAndHandle(request);
        } catch (RuntimeException e) {
            // Only reachable before verification (town or secret lookup failed): LINE may redeliver later.
            log.error("webhook could not be verified: {}", e.getClass().getName());
            return json(503, "{\"message\":\"try again later\"}");
        }
    }

    private APIGatewayV2HTTPResponse verifyAndHandle(APIGatewayV2HTTPEvent request) {
        // the route's parameter, never parsed from rawPath: on a named stage that starts with the stage (/dev/webhook/…)
        String municipalityId = request.getPathParameters() == null ? null
                : request.getPathParameters().get("municipalityId");
        if (municipalityId == null || !MUNICIPALITY_ID.matcher(municipalityId).matches()) {
            return json(404, "{\"message\":\"unknown municipality\"}");
        }
        Optional<Municipality> town = municipalities.find(municipalityId).filter(Municipality::active);
        Optional<String> secret = town.flatMap(t -> credentials.channelSecret(municipalityId));
        if (secret.isEmpty()) {
            return json(404, "{\"message\":\"unknown municipality\"}");
        }
        byte[] body = rawBody(request);
        String signature = header(request.getHeaders(), SIGNATURE_HEADER);
        LineSignatureValidator validator = new LineSignatureValidator(secret.get().getBytes(StandardCharsets.UTF_8));
        if (body == null || signature == null || !signatureMatches(validator, body, signature)) {
            log.warn("rejected a webhook with a missing or wrong signature for {}", municipalityId);
            return json(401, "{\"message\":\"invalid signature\"}");
        }
        List<Event> events;
        try {
            CallbackRequest callback = new WebhookParser(validator, () -> false).handle(signature, body);
            events = callback.events() == null ? List.of() : callback.events();
        } catch (Exception e) {
            log.warn("signed webhook body of {} could not be read ({})", municipalityId, e.getClass().getSimpleName());
            return ok();
        }
        if (!handleEvents(town.get(), events)) {
            // A store was unreachable: the failed events were not recorded as handled, so a redelivery retries them.
            return json(503, "{\"message\":\"try again later\"}");
        }
        return ok();
    }

    /** False when an event failed for an outside reason (AWS unreachable) and is worth LINE's redelivery. */
    private boolean handleEvents(Municipality town, List<Event> events) {
        boolean allHandled = true;
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ProgramSchedule.ZONE);
        for (Event event : events) {
            try {
                WebhookEvents.read(event).ifPresent(action -> {
                    RegistrationService.Outcome outcome = registration.handle(town, action.webhookEventId(),
                            action.lineUserId(), action.replyToken(), action.event(), today, now);
                    log.info("{} event of {}: {}", action.event().getClass().getSimpleName(), town.municipalityId(),
                            outcome);
                });
            } catch (RuntimeException e) {
                // The exception's message may quote stored data; its type and origin are enough to investigate.
                StackTraceElement origin = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
                log.error("event of {} failed: {} at {}", town.municipalityId(), e.getClass().getName(), origin);
                allHandled &= !(e instanceof SdkException);
            }
        }
        return allHandled;
    }

    /** The bytes LINE signed: API Gateway hands binary-looking bodies over base64-encoded. */
    private static byte[] rawBody(APIGatewayV2HTTPEvent request) {
        String body = request.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (!request.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean signatureMatches(LineSignatureValidator validator, byte[] body, String signature) {
        try {
            return validator.validateSignature(body, signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey())) {
                return header.getValue();
            }
        }
        return null;
    }

    private static APIGatewayV2HTTPResponse ok() {
        return json(200, "{}");
    }

    private static APIGatewayV2HTTPResponse json(int status, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body)
                .build();
    }
}
