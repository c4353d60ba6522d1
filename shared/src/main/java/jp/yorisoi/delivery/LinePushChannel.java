package jp.yorisoi.delivery;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiClientException;
import com.linecorp.bot.messaging.model.ErrorDetail;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MulticastRequest;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import jp.yorisoi.municipality.ChannelCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that pushes to LINE: one SDK client per municipality channel (cached), the retry key on every
 * attempt, and a short in-call back-off on a rate-limit 429, 5xx and time-outs before giving the job back to the
 * queue.
 */
public final class LinePushChannel implements LineMessenger {

    private static final Logger LOG = LoggerFactory.getLogger(LinePushChannel.class);
    static final String ACCEPTED_REQUEST_ID = "x-line-accepted-request-id";
    /** The {@code message} of LINE's 429 when the channel's monthly message allowance is used up. */
    static final String MONTHLY_LIMIT_MESSAGE = "You have reached your monthly limit.";
    private static final String RECIPIENT_PROPERTY = "to";
    /**
     * A push answer comes within a second or two; these bound a stalled connection so that the in-call back-off
     * (3 attempts) stays well inside the sender's 60 s function time-out.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final Function<String, MessagingApiClient> clientFactory;
    private final Map<String, MessagingApiClient> clients = new ConcurrentHashMap<>();
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final DeliveryMetrics metrics;

    public LinePushChannel(ChannelCredentials credentials, URI apiEndPoint) {
        this(credentials, apiEndPoint, DeliveryMetrics.NONE);
    }

    public LinePushChannel(ChannelCredentials credentials, URI apiEndPoint, DeliveryMetrics metrics) {
        this(credentials, apiEndPoint, READ_TIMEOUT,
                new Backoff(3, Duration.ofMillis(200), Duration.ofSeconds(2), ThreadLocalRandom.current()),
                Sleeper.REAL, metrics);
    }

    public LinePushChannel(ChannelCredentials credentials, URI apiEndPoint, Duration readTimeout, Backoff backoff,
            Sleeper sleeper) {
        this(credentials, apiEndPoint, readTimeout, backoff, sleeper, DeliveryMetrics.NONE);
    }

    public LinePushChannel(ChannelCredentials credentials, URI apiEndPoint, Duration readTimeout, Backoff backoff,
            Sleeper sleeper, DeliveryMetrics metrics) {
        this(municipalityId -> MessagingApiClient.builder(credentials.accessToken(municipalityId)
                        .orElseThrow(() -> new IllegalStateException("no LINE channel token for " + municipalityId)))
                .apiEndPoint(apiEndPoint)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .build(), backoff, sleeper, metrics);
    }

    LinePushChannel(Function<String, MessagingApiClient> clientFactory, Backoff backoff, Sleeper sleeper,
            DeliveryMetrics metrics) {
        this.clientFactory = clientFactory;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    @Override
    public PushOutcome push(String municipalityId, String lineUserId, List<String> texts, UUID retryKey) {
        List<Message> messages = messages(texts);
        PushMessageRequest request = new PushMessageRequest(lineUserId, messages, false, null);
        return send(municipalityId, "push", client -> client.pushMessage(retryKey, request));
    }

    /**
     * POST /v2/bot/message/multicast with the retry key: LINE accepts the key on push, multicast, narrowcast and
     * broadcast, and answers a repeat of an accepted request with 409 for 24 hours
     * (https://developers.line.biz/en/docs/messaging-api/retrying-api-request/). A multicast is limited to 200
     * requests/s per channel against push's 2,000 (Messaging API reference, "Rate limits"): the in-call back-off and
     * the job queue's retry handle its 429 as a push's.
     */
    @Override
    public PushOutcome multicast(String municipalityId, List<String> lineUserIds, List<String> texts, UUID retryKey) {
        if (lineUserIds.isEmpty() || lineUserIds.size() > MULTICAST_LIMIT) {
            throw new IllegalArgumentException("a multicast goes to 1 to " + MULTICAST_LIMIT + " users, not "
                    + lineUserIds.size());
        }
        MulticastRequest request = new MulticastRequest(messages(texts), List.copyOf(lineUserIds), false, null);
        return send(municipalityId, "multicast", client -> client.multicast(retryKey, request));
    }

    private static List<Message> messages(List<String> texts) {
        if (texts.isEmpty() || texts.size() > 5) {
            throw new IllegalArgumentException("a push carries 1 to 5 messages, not " + texts.size());
        }
        return texts.stream().<Message>map(TextMessage::new).toList();
    }

    private PushOutcome send(String municipalityId, String what,
            Function<MessagingApiClient, CompletableFuture<?>> request) {
        MessagingApiClient client = clients.computeIfAbsent(municipalityId, clientFactory);
        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                request.apply(client).get();
                return PushOutcome.ACCEPTED;
            } catch (ExecutionException e) {
                failure = classify(e.getCause());
            } catch (CancellationException e) {
                failure = new Failure(Kind.RETRYABLE, "cancelled", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryableSendException("interrupted while sending a LINE " + what, e);
            }
            switch (failure.kind()) {
                case ACCEPTED_BEFORE -> {
                    return PushOutcome.ACCEPTED;
                }
                case UNKNOWN_USER -> {
                    return PushOutcome.UNKNOWN_USER;
                }
                case MONTHLY_LIMIT -> {
                    return PushOutcome.MONTHLY_LIMIT;
                }
                case UNAUTHORIZED -> {
                    // a rotated channel token: the next attempt builds a client with the token stored now
                    clients.remove(municipalityId);
                    throw new RetryableSendException("LINE refused the channel token of municipality " + municipalityId,
                            failure.cause());
                }
                case RATE_LIMITED, RETRYABLE -> {
                    if (failure.kind() == Kind.RATE_LIMITED) {
                        metrics.count(DeliveryMetrics.LINE_RATE_LIMITED);
                    }
                    if (attempt >= backoff.maxAttempts()) {
                        throw new RetryableSendException("LINE " + what + " failed " + attempt
                                + " times for municipality " + municipalityId + ": " + failure.reason(),
                                failure.cause());
                    }
                    LOG.info("LINE {} attempt {} for municipality {} failed ({}), backing off", what, attempt,
                            municipalityId, failure.reason());
                    sleeper.sleep(backoff.delayAfter(attempt));
                }
                case PERMANENT -> throw new IllegalStateException(
                        "LINE rejected the " + what + " for municipality " + municipalityId + ": " + failure.reason(),
                        failure.cause());
            }
        }
    }

    /**
     * LINE's answers as a closed set of outcomes.
     * <ul>
     * <li>429 means "not processed, for no recipient" and has two kinds that only the body's {@code message} tells
     * apart (https://developers.line.biz/en/docs/messaging-api/handling-http-429-errors/): the rate limit, retried
     * after a back-off, and "You have reached your monthly limit.", which no retry this month can cure.</li>
     * <li>400 on a push whose messages stay within LINE's limits (LineLimits) is about the recipient: LINE answers
     * {@code {"message":"Failed to send messages"}} for a user id it does not know in this channel, and a detail
     * with {@code property "to"} for a malformed one. A 400 whose details name another property is a bad request of
     * ours, not an unknown user. A user who blocked the account is no error at all: LINE answers 200 and neither
     * delivers nor bills; the {@code unfollow} event tells.</li>
     * </ul>
     */
    static Failure classify(Throwable cause) {
        if (cause instanceof AbstractLineClientException e) {
            int code = e.getCode();
            if (code == 409 && e.getHeader(ACCEPTED_REQUEST_ID) != null) {
                return new Failure(Kind.ACCEPTED_BEFORE, "409", e);
            }
            if (code == 401) {
                return new Failure(Kind.UNAUTHORIZED, "HTTP 401", e);
            }
            if (code == 429) {
                return MONTHLY_LIMIT_MESSAGE.equals(errorMessage(e))
                        ? new Failure(Kind.MONTHLY_LIMIT, "HTTP 429 monthly limit", e)
                        : new Failure(Kind.RATE_LIMITED, "HTTP 429", e);
            }
            if (code >= 500) {
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

    private static String errorMessage(AbstractLineClientException e) {
        return e instanceof MessagingApiClientException m ? m.getError() : null;
    }

    /** No detail names a property other than the recipient ("to"): see {@link #classify}. */
    private static boolean aboutRecipient(AbstractLineClientException e) {
        List<ErrorDetail> details = e instanceof MessagingApiClientException m && m.getDetails() != null
                ? m.getDetails() : List.of();
        return details.stream().allMatch(d -> RECIPIENT_PROPERTY.equals(d.property()));
    }

    enum Kind { ACCEPTED_BEFORE, UNKNOWN_USER, UNAUTHORIZED, MONTHLY_LIMIT, RATE_LIMITED, RETRYABLE, PERMANENT }

    record Failure(Kind kind, String reason, Throwable cause) {}
}
