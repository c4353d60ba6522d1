package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final Outbox outbox = new Outbox(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));

    private static JsonNode json(String text) throws Exception {
        return HttpIo.JSON.readTree(text);
    }

    private static List<JsonNode> text(String text) throws Exception {
        return List.of(json("{\"type\":\"text\",\"text\":\"" + text + "\"}"));
    }

    @Test
    void pushRepeatingAnAcceptedRetryKeyIsAlreadyAcceptedWithTheFirstRequestId() throws Exception {
        var first = assertInstanceOf(Outbox.Accepted.class,
                outbox.push("demo", "U1", "6a2b0d8e-5f3c-4a8e-9c1d-2b7e4f6a8c0d", text("おはよう")));

        var again = assertInstanceOf(Outbox.AlreadyAccepted.class,
                outbox.push("demo", "U1", "6a2b0d8e-5f3c-4a8e-9c1d-2b7e4f6a8c0d", text("おはよう")));

        assertEquals(first.requestId(), again.acceptedRequestId());
        assertEquals(first.sentMessageIds(), again.sentMessageIds());
        assertEquals(1, outbox.messages().size());
    }

    @Test
    void pushesWithoutOrWithDifferentRetryKeysAreEachAccepted() throws Exception {
        assertInstanceOf(Outbox.Accepted.class, outbox.push("demo", "U1", null, text("a")));
        assertInstanceOf(Outbox.Accepted.class, outbox.push("demo", "U1", null, text("a")));
        assertInstanceOf(Outbox.Accepted.class,
                outbox.push("demo", "U1", "11111111-1111-4111-8111-111111111111", text("a")));
        assertInstanceOf(Outbox.Accepted.class,
                outbox.push("demo", "U1", "22222222-2222-4222-8222-222222222222", text("a")));

        assertEquals(4, outbox.pushCount());
    }

    @Test
    void aMulticastShowsOneMessagePerRecipientCountsEachAgainstTheQuotaAndRefusesItsRetryKeyAgain() throws Exception {
        String key = "33333333-3333-4333-8333-333333333333";
        var first = assertInstanceOf(Outbox.Accepted.class, outbox.multicast("demo", List.of("U1", "U2"), key,
                text("おしらせ")));

        var again = assertInstanceOf(Outbox.AlreadyAccepted.class, outbox.multicast("demo", List.of("U1", "U2"), key,
                text("おしらせ")));

        assertEquals(first.requestId(), again.acceptedRequestId());
        assertEquals(List.of("U2", "U1"), outbox.messages().stream().map(SandboxMessage::recipient).toList());
        assertEquals(2, outbox.pushCount());
    }

    @Test
    void replyTokenIsGoodForOneReplyAndTheReplyNamesTheUserTheTokenCameWith() throws Exception {
        outbox.rememberReplyToken("token-1", "U42");

        assertInstanceOf(Outbox.Accepted.class, outbox.reply("demo", "token-1", text("ようこそ")));
        assertInstanceOf(Outbox.InvalidReplyToken.class, outbox.reply("demo", "token-1", text("ようこそ")));

        SandboxMessage reply = outbox.messages().getFirst();
        assertEquals("reply", reply.kind());
        assertEquals("U42", reply.recipient());
    }

    @Test
    void messagesAreNewestFirstAndKeepTheirParts() throws Exception {
        outbox.push("demo", "U1", null, text("first"));
        outbox.email("demo", new SandboxMessage.Email("town@example.jp", List.of("parent@example.jp"), "件名",
                "本文", "<p>本文</p>", Map.of("List-Unsubscribe", "<https://example.jp/u>")));

        List<SandboxMessage> messages = outbox.messages();
        assertEquals(List.of("email", "push"), messages.stream().map(SandboxMessage::kind).toList());
        assertEquals("parent@example.jp", messages.get(0).recipient());
        assertEquals("first", messages.get(1).messages().getFirst().text());
    }

    @Test
    void lineMessageShowsTextAndQuickReplyLabels() throws Exception {
        var message = SandboxMessage.LineMessage.of(json("""
                {"type":"text","text":"お子さんは生まれましたか？",
                 "quickReply":{"items":[
                   {"type":"action","action":{"type":"postback","label":"生まれました","data":"born"}},
                   {"type":"action","action":{"type":"datetimepicker","label":"日付を選ぶ","data":"d","mode":"date"}}]}}
                """));

        assertEquals("お子さんは生まれましたか？", message.text());
        assertEquals(List.of("生まれました", "日付を選ぶ"), message.quickReplies());
    }

    @Test
    void clearForgetsMessagesAndRetryKeys() throws Exception {
        outbox.push("demo", "U1", "6a2b0d8e-5f3c-4a8e-9c1d-2b7e4f6a8c0d", text("a"));
        outbox.clear();

        assertTrue(outbox.messages().isEmpty());
        assertInstanceOf(Outbox.Accepted.class,
                outbox.push("demo", "U1", "6a2b0d8e-5f3c-4a8e-9c1d-2b7e4f6a8c0d", text("a")));
    }

    @Test
    void oldestMessagesGiveWayBeyondCapacity() throws Exception {
        for (int i = 0; i <= Outbox.CAPACITY; i++) {
            outbox.push("demo", "U" + i, null, text("m"));
        }
        List<SandboxMessage> messages = outbox.messages();
        assertEquals(Outbox.CAPACITY, messages.size());
        assertNotEquals("U0", messages.getLast().recipient());
    }
}
