package jp.yorisoi.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.municipality.ChannelCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LineReplyChannelIT {

    private static WireMockServer line;
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>(Map.of("sakura", "token-1"));
    private LineReplyChannel channel;

    @BeforeAll
    static void startLine() {
        line = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        line.start();
    }

    @AfterAll
    static void stopLine() {
        line.stop();
    }

    @BeforeEach
    void setUp() {
        line.resetAll();
        line.stubFor(post("/v2/bot/message/reply").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"sentMessages\":[]}")));
        channel = new LineReplyChannel(new ChannelCredentials() {
            @Override
            public Optional<String> channelSecret(String municipalityId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> accessToken(String municipalityId) {
                return Optional.ofNullable(tokens.get(municipalityId));
            }
        }, URI.create(line.baseUrl()));
    }

    @Test
    void repliesWithTheTownsTokenAndEveryKindOfQuickReply() {
        channel.reply("sakura", "reply-token-1", List.of(
                OutgoingMessage.text("こんにちは"),
                OutgoingMessage.withQuickReplies("選んでください", List.of(
                        new QuickReplyItem.DatePicker("出産予定日を選ぶ", "a=due", LocalDate.of(2027, 4, 11),
                                LocalDate.of(2026, 11, 9), LocalDate.of(2027, 8, 29)),
                        new QuickReplyItem.Postback("お母さん", "a=role&v=MOTHER", "お母さん"),
                        new QuickReplyItem.Say("メニュー", "メニュー")))));

        line.verify(postRequestedFor(urlEqualTo("/v2/bot/message/reply"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withRequestBody(equalToJson("""
                        {"replyToken":"reply-token-1","notificationDisabled":false,"messages":[
                          {"type":"text","text":"こんにちは"},
                          {"type":"text","text":"選んでください","quickReply":{"items":[
                            {"type":"action","action":{"type":"datetimepicker","label":"出産予定日を選ぶ","data":"a=due",
                              "mode":"date","initial":"2027-04-11","min":"2026-11-09","max":"2027-08-29"}},
                            {"type":"action","action":{"type":"postback","label":"お母さん","data":"a=role&v=MOTHER",
                              "displayText":"お母さん"}},
                            {"type":"action","action":{"type":"message","label":"メニュー","text":"メニュー"}}]}}]}
                        """, false, false)));
    }

    @Test
    void aRotatedTokenIsUsedForTheNextReply() {
        channel.reply("sakura", "t1", List.of(OutgoingMessage.text("一")));
        tokens.put("sakura", "token-2");

        channel.reply("sakura", "t2", List.of(OutgoingMessage.text("二")));

        line.verify(postRequestedFor(urlEqualTo("/v2/bot/message/reply")).withHeader("Authorization",
                equalTo("Bearer token-2")));
    }

    @Test
    void aRefusedReplyIsReportedAsAFailure() {
        line.stubFor(post("/v2/bot/message/reply").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Invalid reply token\"}")));

        assertThrows(LineReplier.ReplyFailedException.class,
                () -> channel.reply("sakura", "expired", List.of(OutgoingMessage.text("こんにちは"))));
    }

    @Test
    void aTownWithoutATokenIsAFailureWithoutAnyCall() {
        assertThrows(LineReplier.ReplyFailedException.class,
                () -> channel.reply("unknown", "t", List.of(OutgoingMessage.text("こんにちは"))));
        line.verify(0, postRequestedFor(urlEqualTo("/v2/bot/message/reply")));
    }
}
