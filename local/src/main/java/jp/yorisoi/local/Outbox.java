package jp.yorisoi.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every LINE reply or push and every e-mail sent while running locally, newest first, kept in memory for the
 * sandbox page. It also keeps LINE's rules that senders rely on: an accepted retry key is not accepted again,
 * and a reply token is good for one reply.
 */
public final class Outbox {

    /** Enough for a long demo; the oldest messages give way beyond it. */
    static final int CAPACITY = 1_000;

    /** What LINE answers a push or reply with. */
    public sealed interface LineResult {}

    /** Accepted: the request id and one sent-message id per message object. */
    public record Accepted(String requestId, List<String> sentMessageIds) implements LineResult {}

    /** A push repeating an accepted X-Line-Retry-Key: LINE's 409, which tells the sender it already went out. */
    public record AlreadyAccepted(String acceptedRequestId, List<String> sentMessageIds) implements LineResult {}

    /** A reply with a token that was already used. */
    public record InvalidReplyToken() implements LineResult {}

    private final Clock clock;
    private final Deque<SandboxMessage> messages = new ArrayDeque<>();
    private final Map<String, Accepted> acceptedRetryKeys = new HashMap<>();
    private final Set<String> usedReplyTokens = new HashSet<>();
    private final Map<String, String> replyTokenUsers = new HashMap<>();
    private final AtomicLong sentMessageIds = new AtomicLong(500_000_000_000_000_000L);

    /** {@code clock} stamps the messages: wall time, so the page shows when each one arrived. */
    public Outbox(Clock clock) {
        this.clock = clock;
    }

    public synchronized LineResult push(String municipalityId, String to, String retryKey, List<JsonNode> objects) {
        if (retryKey != null && acceptedRetryKeys.containsKey(retryKey)) {
            Accepted first = acceptedRetryKeys.get(retryKey);
            return new AlreadyAccepted(first.requestId(), first.sentMessageIds());
        }
        Accepted accepted = accept("push", municipalityId, to, retryKey, objects);
        if (retryKey != null) {
            acceptedRetryKeys.put(retryKey, accepted);
        }
        return accepted;
    }

    /**
     * A multicast: one sandbox message per recipient, all under one request id, and its retry key kept as a push's
     * (LINE takes retry keys on push and multicast alike).
     */
    public synchronized LineResult multicast(String municipalityId, List<String> to, String retryKey,
            List<JsonNode> objects) {
        if (retryKey != null && acceptedRetryKeys.containsKey(retryKey)) {
            Accepted first = acceptedRetryKeys.get(retryKey);
            return new AlreadyAccepted(first.requestId(), first.sentMessageIds());
        }
        String requestId = UUID.randomUUID().toString();
        for (String recipient : to) {
            add(new SandboxMessage(UUID.randomUUID().toString(), clock.instant(), "line", "multicast", municipalityId,
                    recipient, retryKey,
                    objects.stream().map(SandboxMessage.LineMessage::of).toList(), null));
        }
        Accepted accepted = new Accepted(requestId, List.of());
        if (retryKey != null) {
            acceptedRetryKeys.put(retryKey, accepted);
        }
        return accepted;
    }

    /** A reply; the sandbox names its recipient when a webhook passing through the runner carried the token. */
    public synchronized LineResult reply(String municipalityId, String replyToken, List<JsonNode> objects) {
        if (!usedReplyTokens.add(replyToken)) {
            return new InvalidReplyToken();
        }
        return accept("reply", municipalityId, replyTokenUsers.remove(replyToken), null, objects);
    }

    /** Notes whom a webhook's reply token answers, so the reply shows its recipient in the sandbox. */
    public synchronized void rememberReplyToken(String replyToken, String userId) {
        replyTokenUsers.put(replyToken, userId);
    }

    /** Records an e-mail and returns its SES message id. */
    public synchronized String email(String municipalityId, SandboxMessage.Email email) {
        String messageId = UUID.randomUUID().toString();
        add(new SandboxMessage(messageId, clock.instant(), "email", "email", municipalityId,
                String.join(", ", email.to()), null, List.of(), email));
        return messageId;
    }

    /** Newest first. */
    public synchronized List<SandboxMessage> messages() {
        return List.copyOf(messages);
    }

    /**
     * Messages LINE would count against the quota since the last {@link #clear()}: one per push and one per recipient
     * of a multicast (replies are free).
     */
    public synchronized long pushCount() {
        return messages.stream().filter(m -> m.kind().equals("push") || m.kind().equals("multicast")).count();
    }

    /** Forgets messages, retry keys and reply tokens: a fresh start for the next demo or test. */
    public synchronized void clear() {
        messages.clear();
        acceptedRetryKeys.clear();
        usedReplyTokens.clear();
        replyTokenUsers.clear();
    }

    private Accepted accept(String kind, String municipalityId, String to, String retryKey, List<JsonNode> objects) {
        String requestId = UUID.randomUUID().toString();
        add(new SandboxMessage(requestId, clock.instant(), "line", kind, municipalityId, to, retryKey,
                objects.stream().map(SandboxMessage.LineMessage::of).toList(), null));
        List<String> ids = objects.stream().map(o -> Long.toString(sentMessageIds.incrementAndGet())).toList();
        return new Accepted(requestId, ids);
    }

    private void add(SandboxMessage message) {
        messages.addFirst(message);
        while (messages.size() > CAPACITY) {
            messages.removeLast();
        }
    }
}
