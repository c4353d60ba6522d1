package jp.yorisoi.functions.linewebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.Event;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jp.yorisoi.functions.linewebhook.WebhookEvents.ParentAction;
import jp.yorisoi.registration.ParentEvent;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {

    private static final String USER = "U8e4b0c2a7d6f41e3b9a5c0d1e2f3a4b5";
    private static final String TOKEN = "0f3779fba3b349968c5d07db31eab56f";

    @Test
    void followSample() {
        assertEquals(Optional.of(new ParentAction("01JDCQ7Z3K0000000000000001", USER, TOKEN,
                new ParentEvent.Followed(false))), readSample("line-follow.json"));
    }

    @Test
    void unfollowSampleHasNoReplyToken() {
        assertEquals(Optional.of(new ParentAction("01JDCQ7Z3K0000000000000002", USER, null,
                new ParentEvent.Unfollowed())), readSample("line-unfollow.json"));
    }

    @Test
    void postbackDateSampleCarriesThePickedDate() {
        assertEquals(new ParentEvent.Postback("a=due", "2027-06-03"), readSample("line-postback-date.json").orElseThrow().event());
    }

    @Test
    void messageTextSample() {
        assertEquals(new ParentEvent.Text("メニュー"), readSample("line-message-text.json").orElseThrow().event());
    }

    @Test
    void postbackConsentSampleAgreesInJapanese() {
        assertEquals(new ParentEvent.Postback("a=agree&v=ja", null),
                readSample("line-postback-consent.json").orElseThrow().event());
    }

    @Test
    void followAfterABlockIsAnUnblock() {
        String body = SignedWebhooks.sample("line-follow.json").replace("\"isUnblocked\":false", "\"isUnblocked\":true");

        assertEquals(new ParentEvent.Followed(true), read(body).orElseThrow().event());
    }

    @Test
    void aStickerIsAnotherMessage() {
        String body = SignedWebhooks.sample("line-message-text.json").replace("\"type\":\"text\"", "\"type\":\"sticker\"");

        assertEquals(new ParentEvent.OtherMessage(), read(body).orElseThrow().event());
    }

    @Test
    void groupsStandbyModeAndStrangeUserIdsAreIgnored() {
        String follow = SignedWebhooks.sample("line-follow.json");

        assertEquals(Optional.empty(), read(follow.replace("\"type\":\"user\"", "\"type\":\"group\",\"groupId\":\"C1\"")));
        assertEquals(Optional.empty(), read(follow.replace("\"mode\":\"active\"", "\"mode\":\"standby\"")));
        assertEquals(Optional.empty(), read(follow.replace(USER, "Uxyz")));
        assertEquals(Optional.empty(), read(follow.replace("01JDCQ7Z3K0000000000000001", "x".repeat(65))));
    }

    @Test
    void unknownEventTypesAreIgnored() {
        assertEquals(Optional.empty(), read(SignedWebhooks.sample("line-follow.json").replace("\"type\":\"follow\"",
                "\"type\":\"videoPlayComplete\"")));
    }

    private static Optional<ParentAction> readSample(String name) {
        return read(SignedWebhooks.sample(name));
    }

    private static Optional<ParentAction> read(String body) {
        try {
            List<Event> events = new WebhookParser((content, signature) -> true, () -> true)
                    .handle("unchecked", body.getBytes(StandardCharsets.UTF_8)).events();
            assertEquals(1, events.size());
            return WebhookEvents.read(events.getFirst());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
