package jp.yorisoi.delivery;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiClientException;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import jp.yorisoi.municipality.ChannelCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that pushes to LINE: one SDK client per municipality channel (cached), the retry key on every
 * attempt, and a short in-call back-off on 429, 5xx and time-outs before giving the job back to the queue.
 */
public final class LinePushChannel implements LineMessenger {

    private static final Logger LOG = LoggerFactory.getLogger(LinePushChannel.class);
    static final String ACCEPTED_REQUEST_ID = "x-line-accepted-request-id";

    private final Function<String, MessagingApiClient> clientFactory;
    private final Map<String, MessagingApiClient> clients = new ConcurrentHashMap<>();
    private final Backoff backoff;
    private final Sleeper sleeper;

    public LinePushChannel(ChannelCredentials credentials, URI apiEndPoint) {
        this(credentials, apiEndPoint, Duration.ofSeconds(5),
                new Backoff(3, Duration.ofMillis(200), Duration.ofSeconds(2), ThreadLocalRandom.current()),
                Sleeper.REAL);
    }

    public LinePushChannel(ChannelCredentials credentials, URI apiEndPoint, Duration readTimeout, Backoff backoff,
            Sleeper sleeper) {
        this(municipalityId -> MessagingApiClient.builder(credentials.accessToken(municipalityId)
                        .orElseThrow(() -> new IllegalStateException("no LINE channel token for " + municipalityId)))
                .apiEndPoint(apiEndPoint)
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .build(), backoff, sleeper);
    }

    LinePushChannel(Function<String, MessagingApiClient> clientFactory, Backoff backoff, Sleeper sleeper) {
        this.clientFactory = clientFactory;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    @Override
    public PushOutcome push(String municipalityId, String lineUserId, List<String> texts, UUID retryKey) {
        if (texts.isEmpty() || texts.size() > 5) {
            throw new IllegalArgumentException("a push carries 1 to 5 messages, not " + texts.size());
        }
        MessagingApiClient client = clients.computeIfAbsent(municipalityId, clientFactory);
        List<Message> messages = texts.stream().<Message>map(TextMessage::new).toList();
        PushMessageRequest request = new PushMessageRequest(lineUserId, messages, false, null);
        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                client.pushMessage(retryKey, request).get();
                return PushOutcome.ACCEPTED;
            } catch (ExecutionException e) {
                failure = classify(e.getCause());
            } catch (CancellationException e) {
                failure = new Failure(Kind.RETRYABLE, "cancelled", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryableSendException("interrupted while pushing", e);
            }
            switch (failure.kind()) {
                case ACCEPTED_BEFORE -> {
                    return PushOutcome.ACCEPTED;
                }
                case UNKNOWN_USER -> {
                    return PushOutcome.UNKNOWN_USER;
                }
                case UNAUTHORIZED -> {
                    // a rotated channel token: the next attempt builds a client with the token stored now
                    clients.remove(municipalityId);
                    throw new RetryableSendException("LINE refused the channel token of municipality " + municipalityId,
                            failure.cause());
                }
                case RETRYABLE -> {
                    if (attempt >= backoff.maxAttempts()) {
                        throw new RetryableSendException("LINE push failed " + attempt + " times for municipality "
                                + municipalityId + ": " + failure.reason(), failure.cause());
                    }
                    LOG.info("LINE push attempt {} for municipality {} failed ({}), backing off", attempt,
                            municipalityId, failure.reason());
                    sleeper.sleep(backoff.delayAfter(attempt));
                }
                case PERMANENT -> throw new IllegalStateException(
                        "LINE rejected the push for municipality " + municipalityId + ": " + failure.reason(),
                        failure.cause());
            }
        }
    }

    private static Failure classify(Throwable cause) {
        if (cause instanceof AbstractLineClientException e) {
            int code = e.getCode();
            if (code == 409 && e.getHeader(ACCEPTED_REQUEST_ID) != null) {
                return new Failure(Kind.ACCEPTED_BEFORE, "409", e);
            }
            if (code == 401) {
                return new Failure(Kind.UNAUTHORIZED, "HTTP 401", e);
            }
            if (code == 429 || code >= 500) {
                return new Failure(Kind.RETRYABLE, "HTTP " + code, e);
            }
            if (code == 400 && aboutRecipient(e)) {
                return new Failure(Kind.UNKNOWN_USER, "HTTP 400", e);
            }
            return new Failure(Kind.PERMANENT, "HTTP " + code, e);
        }
        if (cause instanceof IOException) {
            // time-outs and broken connections: LINE may have accepted it; the retry key makes a repeat safe
            return new Failure(Kind.RETRYABLE, cause.getClass().getSimpleName(), cause);
        }
        return new Failure(Kind.PERMANENT, cause == null ? "unknown" : cause.getClass().getSimpleName(), cause);
    }

    /** LINE names the recipient in a 400 for an unknown user: "The property, 'to', in the request body is invalid". */
    private static boolean aboutRecipient(AbstractLineClientException e) {
        String message = e instanceof MessagingApiClientException m && m.getError() != null ? m.getError() : "";
        String details = e instanceof MessagingApiClientException m && m.getDetails() != null
                ? m.getDetails().toString() : "";
        String all = (message + " " + details + " " + e.getMessage()).toLowerCase(Locale.ROOT);
        return all.contains("'to'") || all.contains("user id") || all.contains("userid");
    }

    private enum Kind { ACCEPTED_BEFORE, UNKNOWN_USER, UNAUTHORIZED, RETRYABLE, PERMANENT }

    private record Failure(Kind kind, String reason, Throwable cause) {}
}
