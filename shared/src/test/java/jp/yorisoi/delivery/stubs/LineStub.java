package jp.yorisoi.delivery.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A LINE Messaging API push and multicast endpoint that keeps LINE's retry-key promise: the first request with a key
 * is accepted (200), any later one answers 409 with {@code x-line-accepted-request-id}. A multicast takes 1–500 user
 * ids ("to") and counts as one accepted message per recipient in {@link #accepted()}. Faults can be switched on:
 * 429/500 on a seeded share of calls (nothing accepted), and slow answers past the client's read time-out
 * (accepted, but the client never hears it) — the case where only the retry key prevents a duplicate.
 */
public final class LineStub implements AutoCloseable {

    public record Accepted(UUID retryKey, String to, List<String> texts, String requestId) {}

    /** One push request as LINE received it, whatever the answer. */
    public record Attempt(UUID retryKey, String to, List<String> texts) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final Map<UUID, Accepted> accepted = new ConcurrentHashMap<>();
    private final List<Accepted> acceptedInOrder = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Set<String> unknownUsers = ConcurrentHashMap.newKeySet();
    private final Set<String> failingUsers = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> exhaustedTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile Random random = new Random(0);
    private volatile double faultRate;
    private volatile double slowRate;
    private volatile int slowMillis;

    public LineStub() {
        server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(40)
                .extensions(new RetryKeySemantics()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** 429 or 500 on {@code faultRate} of the calls; {@code slowRate} accepted but answered after {@code slowMillis}. */
    public LineStub withFaults(long seed, double faultRate, double slowRate, int slowMillis) {
        this.random = new Random(seed);
        this.faultRate = faultRate;
        this.slowRate = slowRate;
        this.slowMillis = slowMillis;
        return this;
    }

    public LineStub withoutFaults() {
        return withFaults(0, 0, 0, 0);
    }

    public LineStub unknownUser(String lineUserId) {
        unknownUsers.add(lineUserId);
        return this;
    }

    /** Every push to this user fails with 500, however often it is tried, until {@link #stopFailing}. */
    public LineStub alwaysFailing(String lineUserId) {
        failingUsers.add(lineUserId);
        return this;
    }

    /** LINE is reachable for this user again after {@link #alwaysFailing}. */
    public LineStub stopFailing(String lineUserId) {
        failingUsers.remove(lineUserId);
        return this;
    }

    /** Answers 401 to requests with this channel access token (a token that was rotated away). */
    public LineStub rejectingToken(String token) {
        rejectedTokens.add(token);
        return this;
    }

    /** Answers 429 "You have reached your monthly limit." to pushes with this channel access token. */
    public LineStub monthlyLimitReached(String token) {
        exhaustedTokens.add(token);
        return this;
    }

    /** Pushes LINE accepted, one per retry key. */
    public List<Accepted> accepted() {
        return List.copyOf(acceptedInOrder);
    }

    public List<Accepted> acceptedFor(String lineUserId) {
        return acceptedInOrder.stream().filter(a -> a.to().equals(lineUserId)).toList();
    }

    /** Every push request that got past authentication, in arrival order. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public List<Attempt> attemptsFor(String lineUserId) {
        return attempts.stream().filter(a -> a.to().equals(lineUserId)).toList();
    }

    public int requests() {
        return requests.get();
    }

    public int faults() {
        return faults.get();
    }

    /** How many of the faults were rate-limit 429s. */
    public int rateLimited() {
        return rateLimited.get();
    }

    public void reset() {
        accepted.clear();
        acceptedInOrder.clear();
        attempts.clear();
        unknownUsers.clear();
        failingUsers.clear();
        rejectedTokens.clear();
        exhaustedTokens.clear();
        requests.set(0);
        faults.set(0);
        rateLimited.set(0);
        withoutFaults();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class RetryKeySemantics implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "line-retry-key-semantics";
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var request = serveEvent.getRequest();
            boolean multicast = "/v2/bot/message/multicast".equals(request.getUrl());
            if (!"POST".equals(request.getMethod().value())
                    || !(multicast || "/v2/bot/message/push".equals(request.getUrl()))) {
                return serveEvent.getResponseDefinition();
            }
            requests.incrementAndGet();
            if (!request.containsHeader("Authorization")
                    || rejectedTokens.contains(request.getHeader("Authorization").replaceFirst("^Bearer ", ""))) {
                return json(401, "{\"message\":\"Authentication failed\"}");
            }
            String keyHeader = request.getHeader("X-Line-Retry-Key");
            UUID retryKey = keyHeader == null ? UUID.randomUUID() : UUID.fromString(keyHeader);
            JsonNode body = parse(request.getBodyAsString());
            List<String> recipients = new ArrayList<>();
            if (multicast) {
                body.path("to").forEach(id -> recipients.add(id.asText()));
                if (recipients.isEmpty() || recipients.size() > 500) {
                    return json(400, "{\"message\":\"The request body has 1 error(s)\",\"details\":[{\"message\":"
                            + "\"Size must be between 1 and 500\",\"property\":\"to\"}]}");
                }
            } else {
                recipients.add(body.path("to").asText());
            }
            String to = String.join(",", recipients);
            List<String> texts = new ArrayList<>();
            body.path("messages").forEach(m -> texts.add(m.path("text").asText()));
            recipients.forEach(recipient -> attempts.add(new Attempt(retryKey, recipient, List.copyOf(texts))));
            if (exhaustedTokens.contains(request.getHeader("Authorization").replaceFirst("^Bearer ", ""))) {
                return json(429, "{\"message\":\"You have reached your monthly limit.\"}");
            }

            double roll;
            boolean rollStatus;
            synchronized (LineStub.this) {
                roll = random.nextDouble();
                rollStatus = random.nextBoolean();
            }
            if (roll < faultRate) {
                faults.incrementAndGet();
                if (rollStatus) {
                    rateLimited.incrementAndGet();
                }
                return json(rollStatus ? 429 : 500, rollStatus
                        ? "{\"message\":\"The API rate limit has been exceeded. Try again later.\"}"
                        : "{\"message\":\"Internal server error\"}");
            }
            if (recipients.stream().anyMatch(failingUsers::contains)) {
                return json(500, "{\"message\":\"Internal server error\"}");
            }
            if (recipients.stream().anyMatch(unknownUsers::contains)) {
                return json(400, "{\"message\":\"Failed to send messages\"}");
            }
            Accepted earlier = accepted.get(retryKey);
            if (earlier != null) {
                return ResponseDefinitionBuilder.like(json(409, "{\"message\":\"The retry key is already accepted\"}"))
                        .withHeader("x-line-accepted-request-id", earlier.requestId())
                        .build();
            }
            Accepted now = new Accepted(retryKey, to, List.copyOf(texts), UUID.randomUUID().toString());
            Accepted raced = accepted.putIfAbsent(retryKey, now);
            if (raced != null) {
                return ResponseDefinitionBuilder.like(json(409, "{\"message\":\"The retry key is already accepted\"}"))
                        .withHeader("x-line-accepted-request-id", raced.requestId())
                        .build();
            }
            recipients.forEach(recipient -> acceptedInOrder.add(
                    new Accepted(retryKey, recipient, List.copyOf(texts), now.requestId())));
            // a multicast answers an empty object; a push its sent messages
            ResponseDefinitionBuilder ok = ResponseDefinitionBuilder.like(json(200, multicast ? "{}"
                            : "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}"))
                    .withHeader("x-line-request-id", now.requestId());
            if (roll < faultRate + slowRate) {
                faults.incrementAndGet();
                ok = ok.withFixedDelay(slowMillis);
            }
            return ok.build();
        }

        private ResponseDefinition json(int status, String body) {
            return aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-line-request-id", UUID.randomUUID().toString())
                    .withBody(body)
                    .build();
        }

        private JsonNode parse(String body) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
