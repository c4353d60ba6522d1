package jp.yorisoi.functions.linewebhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.reader.ReaderIds;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static jp.yorisoi.functions.linewebhook.SignedWebhooks.request;
import static jp.yorisoi.functions.linewebhook.SignedWebhooks.sample;
import static jp.yorisoi.functions.linewebhook.SignedWebhooks.signed;
import static jp.yorisoi.functions.linewebhook.SignedWebhooks.signedBase64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.yorisoi.delivery.stubs.LostAnswerDynamo;
import jp.yorisoi.line.DynamoProcessedEvents;
import jp.yorisoi.line.LineReplyChannel;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.ChildStatus;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The webhook through the handler: signed LINE bodies in, DynamoDB Local behind, WireMock as the LINE API. */
class LineWebhookIT {

    /** The webhook ids newcomers with this key; the test's store finds them with the same one. */
    static final ReaderIds IDS = new ReaderIds("a-test-reader-id-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8));

    static final String TOWN_ID = "sakura";
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    /** The town and channel secret the samples in events/ are addressed to and signed with (as the local runner's). */
    static final String DEMO_ID = "demo";
    static final String DEMO_SECRET = "demo-channel-secret";
    /** The user of the samples in events/. */
    static final String USER = "U8e4b0c2a7d6f41e3b9a5c0d1e2f3a4b5";
    static final String CONSULTATION = "さくら市こども家庭センター 0120-000-000（平日9時〜17時）";
    /** 10:00 in Japan on 2026-11-22: the samples' due date 2027-06-03 is 12w3d today. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer line;

    private LocalTables tables;
    private DynamoReaderStore readers;
    private LineWebhookHandler handler;
    private int eventSeq;

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
        line.stubFor(post("/v2/bot/message/reply").willReturn(okReply()));
        tables = LocalTables.create();
        readers = new DynamoReaderStore(tables.dynamo(), tables.readers(), IDS);
        DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
        municipalities.save(new Municipality(TOWN_ID, "さくら市", "さくら市より", CONSULTATION, Plan.FULL, 3, 7,
                List.of("ja", "ja-easy", "en"), null, true));
        municipalities.save(new Municipality(DEMO_ID, "デモ市", "デモ市より", CONSULTATION, Plan.FULL, 3, 8,
                List.of("ja"), null, true));
        municipalities.save(new Municipality("closed", "閉じた町", "閉じた町より", "閉じた町役場", Plan.FULL, 3, 7,
                List.of("ja"), null, false));
        StaticChannelCredentials credentials = new StaticChannelCredentials(Map.of(
                TOWN_ID, new StaticChannelCredentials.Credentials(SECRET, "token-sakura"),
                DEMO_ID, new StaticChannelCredentials.Credentials(DEMO_SECRET, "token-demo"),
                "closed", new StaticChannelCredentials.Credentials(SECRET, "token-closed")));
        handler = new LineWebhookHandler(readers, municipalities,
                new DynamoProcessedEvents(tables.dynamo(), tables.events()), credentials,
                new LineReplyChannel(credentials, URI.create(line.baseUrl())),
                new DynamoLedger(tables.dynamo(), tables.ledger(), tables.readers()), CLOCK);
    }

    // ---- the samples

    @Test
    void theSampleEventsAsStageDevDeliversThemRegisterAndThenUnfollowADemoParent() {
        for (String sample : List.of("line-follow.json", "line-postback-consent.json", "line-postback-date.json",
                "line-postback-role.json", "line-postback-language.json", "line-message-text.json")) {
            APIGatewayV2HTTPEvent event = SignedWebhooks.event(sample);
            assertEquals("/dev/webhook/demo", event.getRawPath(), sample);
            assertEquals("dev", event.getRequestContext().getStage(), sample);

            assertEquals(200, handle(event).getStatusCode(), sample);
        }
        assertEquals(ReaderStatus.ACTIVE, readers.findByAddress(DEMO_ID, Channel.LINE, USER).orElseThrow().status());
        assertEquals(6, replies().size());

        assertEquals(200, handle(SignedWebhooks.event("line-unfollow.json")).getStatusCode());
        assertEquals(ReaderStatus.BLOCKED, readers.findByAddress(DEMO_ID, Channel.LINE, USER).orElseThrow().status());
    }

    @Test
    void followSampleWelcomesANewcomerWithTheConsentNotice() {
        APIGatewayV2HTTPResponse response = handle(signed(TOWN_ID, sample("line-follow.json"), SECRET));

        assertEquals(200, response.getStatusCode());
        assertEquals(ReaderStatus.REGISTERING, reader().status());
        JsonNode reply = onlyReply();
        assertEquals("0f3779fba3b349968c5d07db31eab56f", reply.path("replyToken").asText());
        assertTrue(reply.path("messages").get(0).path("text").asText().startsWith("さくら市です。"));
        JsonNode notice = reply.path("messages").get(1);
        assertTrue(notice.path("text").asText().contains("お預かりする情報"), notice.toString());
        assertEquals("a=agree&v=ja", notice.path("quickReply").path("items").get(0).path("action").path("data").asText());
    }

    @Test
    void consentSampleRecordsTheAgreementAndOffersBothDatePickers() {
        handle(signed(TOWN_ID, sample("line-follow.json"), SECRET));
        line.resetRequests();

        APIGatewayV2HTTPResponse response = handle(signed(TOWN_ID, sample("line-postback-consent.json"), SECRET));

        assertEquals(200, response.getStatusCode());
        assertEquals(1, reader().consent().version());
        JsonNode items = onlyReply().path("messages").get(0).path("quickReply").path("items");
        assertEquals(2, items.size());
        assertPicker(items.get(0).path("action"), "a=due", "2026-11-09", "2027-08-29");
        assertPicker(items.get(1).path("action"), "a=birth", "2023-11-23", "2026-11-22");
    }

    @Test
    void postbackDateSampleStoresTheDueDateAndAsksTheRole() {
        handle(signed(TOWN_ID, sample("line-follow.json"), SECRET));
        handle(signed(TOWN_ID, sample("line-postback-consent.json"), SECRET));
        line.resetRequests();

        APIGatewayV2HTTPResponse response = handle(signed(TOWN_ID, sample("line-postback-date.json"), SECRET));

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of(Child.expected("c1", LocalDate.of(2027, 6, 3)).withAddedOn(LocalDate.of(2026, 11, 22))),
                reader().children());
        JsonNode items = onlyReply().path("messages").get(0).path("quickReply").path("items");
        List<String> data = new ArrayList<>();
        items.forEach(item -> data.add(item.path("action").path("data").asText()));
        assertEquals(List.of("a=role&v=MOTHER", "a=role&v=PARTNER", "a=role&v=GRANDPARENT", "a=role&v=OTHER"), data);
    }

    @Test
    void theSamplesInOrderRegisterAParentAnsweringEachWithItsOwnReplyToken() {
        for (String sample : List.of("line-follow.json", "line-postback-consent.json", "line-postback-date.json",
                "line-postback-role.json", "line-postback-language.json")) {
            assertEquals(200, handle(signed(TOWN_ID, sample(sample), SECRET)).getStatusCode(), sample);
        }

        Reader reader = reader();
        assertEquals(ReaderStatus.ACTIVE, reader.status());
        assertEquals(Role.MOTHER, reader.role());
        assertEquals("ja", reader.language());
        List<String> tokens = replies().stream().map(r -> r.path("replyToken").asText()).toList();
        assertEquals(5, tokens.size());
        assertEquals(java.util.Set.of("0f3779fba3b349968c5d07db31eab56f", "4a6c8e0f2b4d4f6a8c0e2a4b6d8f0a2c",
                "5b1d0e6c9a8f4c2e8d7b6a5f4e3d2c1b",
                "8d3f2a1e0c9b4e5a8f9d7c6b5a4e3f2d", "9e4a3b2f1d0c4f6b9a8e7d6c5b4a3f2e"), java.util.Set.copyOf(tokens));
        assertTrue(lastReplyTo("9e4a3b2f1d0c4f6b9a8e7d6c5b4a3f2e").contains("【妊娠12週3日】"));
    }

    @Test
    void messageTextSampleOpensTheMenuOfARegisteredParent() {
        registerThroughTheChat();
        line.resetRequests();

        handle(signed(TOWN_ID, sample("line-message-text.json"), SECRET));

        JsonNode message = onlyReply().path("messages").get(0);
        assertTrue(message.path("text").asText().contains(CONSULTATION));
        List<String> labels = new ArrayList<>();
        message.path("quickReply").path("items").forEach(i -> labels.add(i.path("action").path("label").asText()));
        assertTrue(labels.containsAll(List.of("子どもを追加", "生まれました", "流産・死産などのお知らせ", "登録データの削除")), labels::toString);
        assertTrue(labels.size() <= 13);
    }

    @Test
    void unfollowSampleMarksTheReaderBlockedWithoutCallingLine() {
        registerThroughTheChat();
        line.resetRequests();

        APIGatewayV2HTTPResponse response = handle(signed(TOWN_ID, sample("line-unfollow.json"), SECRET));

        assertEquals(200, response.getStatusCode());
        assertEquals(ReaderStatus.BLOCKED, reader().status());
        line.verify(0, postRequestedFor(urlEqualTo("/v2/bot/message/reply")));
    }

    // ---- faults

    @Test
    void aStoreOutageAnswers503AndLinesRedeliveryOfTheSameEventIsHandled() {
        StaticChannelCredentials credentials = new StaticChannelCredentials(Map.of(
                TOWN_ID, new StaticChannelCredentials.Credentials(SECRET, "token-sakura")));
        DynamoProcessedEvents events = new DynamoProcessedEvents(tables.dynamo(), tables.events());
        LineWebhookHandler outage = new LineWebhookHandler(
                new DynamoReaderStore(tables.dynamo(), "ReadersTableThatIsNotThere", IDS),
                new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()), events, credentials,
                new LineReplyChannel(credentials, URI.create(line.baseUrl())),
                new DynamoLedger(tables.dynamo(), tables.ledger(), tables.readers()), CLOCK);
        APIGatewayV2HTTPEvent follow = signed(TOWN_ID, sample("line-follow.json"), SECRET);

        assertEquals(503, outage.handleRequest(follow, null).getStatusCode());
        line.verify(0, postRequestedFor(urlEqualTo("/v2/bot/message/reply")));

        assertEquals(200, handle(follow).getStatusCode());
        assertEquals(ReaderStatus.REGISTERING, reader().status());
        assertEquals(1, replies().size());
    }

    // ---- the whole chat

    @Test
    void aParentFollowsPicksADueDateRoleAndLanguageAndIsToldTodaysWeek() {
        registerThroughTheChat();

        Reader reader = reader();
        assertEquals(ReaderStatus.ACTIVE, reader.status());
        assertEquals(Role.PARTNER, reader.role());
        assertEquals("ja", reader.language());
        String confirmation = lastReply().path("messages").get(0).path("text").asText();
        assertTrue(confirmation.contains("【妊娠12週3日】") && confirmation.contains("明日の7時ごろから"), confirmation);
    }

    // ---- consent (docs/consent.md)

    @Test
    void beforeAgreeingNothingButABareRecordIsStored() {
        send(event("follow", "\"follow\":{\"isUnblocked\":false}"));
        send(postback("a=due", "2027-06-03"));
        send(text("2027/6/3"));
        send(postback("a=role&v=PARTNER", null));
        send(postback("a=lang&v=en", null));

        Map<String, AttributeValue> bare = new java.util.HashMap<>(storedItem());
        // the retention index's keys (an unfinished registration's shard and since-date) name nobody
        bare.keySet().removeAll(Set.of("retentionShard", "retentionSince"));
        assertEquals(Set.of("pk", "readerId", "municipalityId", "channel", "address", "language", "status", "children",
                "conversation", "createdAt", "updatedAt", "version", "savedBy"), bare.keySet());
        assertEquals("REGISTERING", bare.get("status").s());
        assertEquals("ja", bare.get("language").s());
        assertEquals(List.of(), bare.get("children").l());
        assertEquals(Map.of("step", AttributeValue.fromS("AWAIT_CONSENT")), bare.get("conversation").m());
        assertEquals(5, replies().size());

        send(postback("a=agree&v=en", null));

        Map<String, AttributeValue> agreed = storedItem();
        assertEquals("1", agreed.get("consentVersion").n());
        assertEquals("2026-11-22T01:00:00Z", agreed.get("consentedAt").s());
        assertEquals("en", agreed.get("language").s());
    }

    @Test
    void decliningTheNoticeRemovesTheBareRecord() {
        send(event("follow", "\"follow\":{\"isUnblocked\":false}"));

        send(postback("a=decline", null));

        assertEquals(Optional.empty(), readers.findByAddress(TOWN_ID, Channel.LINE, USER));
        assertTrue(lastReply().path("messages").get(0).path("text").asText().contains("何もお預かりしていません"));
    }

    @Test
    void aTownThatChangesItsNoticeAsksItsReadersAgainAtTheirNextMessage() {
        registerThroughTheChat();
        new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()).save(new Municipality(TOWN_ID, "さくら市",
                "さくら市より", CONSULTATION, Plan.FULL, 3, 7, List.of("ja", "ja-easy", "en"), null, true,
                "https://www.city.sakura.example/privacy", 2));
        long version = reader().version();

        send(text("メニュー"));

        String notice = lastReply().path("messages").get(0).path("text").asText();
        assertTrue(notice.startsWith("個人情報の取り扱いの説明が新しくなりました。"), notice);
        assertTrue(notice.contains("https://www.city.sakura.example/privacy"), notice);
        assertEquals(version, reader().version());
        assertEquals(ReaderStatus.ACTIVE, reader().status());

        send(postback("a=agree&v=ja", null));

        assertEquals(2, reader().consent().version());
    }

    @Test
    void aReportedBirthMovesTheChildToTheChildTrackThenStopAndRestart() {
        registerThroughTheChat();

        send(postback("a=born", null));
        send(text("2026/11/21"));
        assertEquals(LocalDate.of(2026, 11, 21), reader().children().getFirst().birthDate());
        assertTrue(lastReply().path("messages").get(0).path("text").asText().contains("【生後1日】"));

        send(text("ていし"));
        assertEquals(ReaderStatus.PAUSED, reader().status());
        send(text("さいかい"));
        assertEquals(ReaderStatus.ACTIVE, reader().status());
    }

    @Test
    void aLossStopsTheChildAndOffersDeletionWhichRemovesTheReader() {
        registerThroughTheChat();

        send(postback("a=loss", null));
        assertEquals(ChildStatus.LOST, reader().children().getFirst().status());
        JsonNode loss = lastReply().path("messages").get(0);
        assertTrue(loss.path("text").asText().contains(CONSULTATION));
        assertEquals("a=delete", loss.path("quickReply").path("items").get(0).path("action").path("data").asText());

        send(postback("a=delete", null));
        send(postback("a=delete&v=yes", null));
        assertEquals(Optional.empty(), readers.findByAddress(TOWN_ID, Channel.LINE, USER));
    }

    @Test
    void aTamperedPostbackChangesNothingAndGetsAHelpfulReply() {
        registerThroughTheChat();
        Reader before = reader();
        line.resetRequests();

        send(postback("a=role&v=ADMIN", null));

        assertEquals(before, reader());
        assertTrue(onlyReply().path("messages").get(0).path("text").asText().contains("うまく受け取れません"));
    }

    @Test
    void aStickerIsAnsweredWithoutAnyChange() {
        registerThroughTheChat();
        Reader before = reader();

        send(event("message", "\"message\":{\"type\":\"sticker\",\"id\":\"1\",\"packageId\":\"446\",\"stickerId\":\"1988\","
                + "\"stickerResourceType\":\"STATIC\",\"keywords\":[]}"));

        assertEquals(before, reader());
    }

    // ---- delivery guarantees

    @Test
    void aRedeliveredEventChangesNothingTwiceAndRepliesOnce() {
        String body = sample("line-follow.json");
        handle(signed(TOWN_ID, body, SECRET));
        long version = reader().version();

        APIGatewayV2HTTPResponse again = handle(signed(TOWN_ID, body.replace("\"isRedelivery\":false",
                "\"isRedelivery\":true"), SECRET));

        assertEquals(200, again.getStatusCode());
        assertEquals(version, reader().version());
        line.verify(1, postRequestedFor(urlEqualTo("/v2/bot/message/reply")));
    }

    @Test
    void anEventMarkWhoseAnswerWasLostStillRegistersTheParentAndRepliesOnce() {
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof PutItemRequest put && put.tableName().equals(tables.events()));
        LineWebhookHandler overLossyNetwork = handlerWith(readers,
                new DynamoProcessedEvents(lossy.client(), tables.events()));
        String body = sample("line-follow.json");

        assertEquals(200, overLossyNetwork.handleRequest(signed(TOWN_ID, body, SECRET), null).getStatusCode());

        assertEquals(2, lossy.matchingRequestsSent());
        assertEquals(ReaderStatus.REGISTERING, reader().status());
        assertEquals(1, replies().size());
        long version = reader().version();
        handle(signed(TOWN_ID, body.replace("\"isRedelivery\":false", "\"isRedelivery\":true"), SECRET));
        assertEquals(version, reader().version());
        assertEquals(1, replies().size());
    }

    @Test
    void aChildAddedWhileTheSavesAnswerWasLostIsAddedOnceAndConfirmed() {
        registerThroughTheChat();
        send(postback("a=add", null));
        long version = reader().version();
        LostAnswerDynamo lossy = new LostAnswerDynamo(LocalDynamo.shared().endpoint(),
                request -> request instanceof PutItemRequest put && put.tableName().equals(tables.readers()));
        LineWebhookHandler overLossyNetwork = handlerWith(new DynamoReaderStore(lossy.client(), tables.readers(), IDS),
                new DynamoProcessedEvents(tables.dynamo(), tables.events()));

        assertEquals(200, overLossyNetwork.handleRequest(signed(TOWN_ID, postback("a=due", "2027-08-01"), SECRET),
                null).getStatusCode());

        assertEquals(2, lossy.matchingRequestsSent());
        // one save: the retried put met its own write, which is no concurrent change that replays the tap
        assertEquals(version + 1, reader().version());
        assertEquals(List.of(LocalDate.of(2027, 6, 3), LocalDate.of(2027, 8, 1)),
                reader().children().stream().map(Child::dueDate).toList());
        String confirmation = lastReply().path("messages").get(0).path("text").asText();
        assertTrue(confirmation.contains("【妊娠"), confirmation);
    }

    @Test
    void aFailedReplyStillAcknowledgesAndKeepsTheChange() {
        line.stubFor(post("/v2/bot/message/reply").willReturn(aResponse().withStatus(500)));

        APIGatewayV2HTTPResponse response = handle(signed(TOWN_ID, sample("line-follow.json"), SECRET));

        assertEquals(200, response.getStatusCode());
        assertEquals(ReaderStatus.REGISTERING, reader().status());
    }

    @Test
    void aBase64EncodedBodyIsVerifiedOverItsDecodedBytes() {
        APIGatewayV2HTTPResponse response = handle(signedBase64(TOWN_ID,
                sample("line-follow.json").getBytes(StandardCharsets.UTF_8), SECRET));

        assertEquals(200, response.getStatusCode());
        assertEquals(ReaderStatus.REGISTERING, reader().status());
    }

    // ---- security

    @Test
    void aWrongSignatureIs401WithNoChangeAndNoLineCall() {
        APIGatewayV2HTTPResponse response = handle(signed(TOWN_ID, sample("line-follow.json"), "another-secret"));

        assertEquals(401, response.getStatusCode());
        assertTrue(response.getBody().startsWith("{"));
        assertNobodyTouched();
    }

    @Test
    void aMissingSignatureIs401() {
        assertEquals(401, handle(request(TOWN_ID, sample("line-follow.json"), false, null)).getStatusCode());
        assertNobodyTouched();
    }

    @Test
    void aSignatureOfAnotherBodyIs401() {
        String signature = SignedWebhooks.signature(sample("line-unfollow.json").getBytes(StandardCharsets.UTF_8), SECRET);

        assertEquals(401, handle(request(TOWN_ID, sample("line-follow.json"), false, signature)).getStatusCode());
        assertNobodyTouched();
    }

    @Test
    void anUnknownMunicipalityIs404() {
        APIGatewayV2HTTPResponse response = handle(signed("nowhere", sample("line-follow.json"), SECRET));

        assertEquals(404, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals(404, handle(signed("../sakura", sample("line-follow.json"), SECRET)).getStatusCode());
        assertNobodyTouched();
    }

    @Test
    void aTownThatNoLongerRunsTheServiceIs404() {
        assertEquals(404, handle(signed("closed", sample("line-follow.json"), SECRET)).getStatusCode());
        assertEquals(Optional.empty(), readers.findByAddress("closed", Channel.LINE, USER));
        line.verify(0, postRequestedFor(urlEqualTo("/v2/bot/message/reply")));
    }

    @Test
    void lineConnectionCheckWithNoEventsIs200() {
        APIGatewayV2HTTPResponse response = handle(signed(TOWN_ID, "{\"destination\":\"U0\",\"events\":[]}", SECRET));

        assertEquals(200, response.getStatusCode());
        assertNobodyTouched();
    }

    @Test
    void aSignedBodyThatIsNotJsonIsAcknowledgedAndIgnored() {
        assertEquals(200, handle(signed(TOWN_ID, "{\"events\":[{\"type\":", SECRET)).getStatusCode());
        assertEquals(200, handle(signed(TOWN_ID, "", SECRET)).getStatusCode());
        assertNobodyTouched();
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndIgnored() {
        assertEquals(200, send(event("beacon", "\"beacon\":{\"hwid\":\"d41d8cd98f\",\"type\":\"enter\"}")).getStatusCode());
        assertEquals(200, send(event("somethingNew", "\"x\":1")).getStatusCode());
        assertNobodyTouched();
    }

    // ---- helpers

    /** follow → agree to the notice → due date picker → role → language, as the parent taps them. */
    private void registerThroughTheChat() {
        send(event("follow", "\"follow\":{\"isUnblocked\":false}"));
        send(postback("a=agree&v=ja", null));
        send(postback("a=due", "2027-06-03"));
        send(postback("a=role&v=PARTNER", null));
        send(postback("a=lang&v=ja", null));
    }

    private APIGatewayV2HTTPResponse send(String body) {
        return handle(signed(TOWN_ID, body, SECRET));
    }

    private String postback(String data, String date) {
        String params = date == null ? "" : ",\"params\":{\"date\":\"" + date + "\"}";
        return event("postback", "\"postback\":{\"data\":\"" + data + "\"" + params + "}");
    }

    private String text(String text) {
        return event("message", "\"message\":{\"type\":\"text\",\"id\":\"1\",\"quoteToken\":\"q\",\"text\":\"" + text + "\"}");
    }

    private String event(String type, String detail) {
        eventSeq++;
        return """
                {"destination":"Uf0e1d2c3b4a5968778695a4b3c2d1e0f","events":[{"type":"%s","mode":"active",
                "timestamp":1795309200000,"source":{"type":"user","userId":"%s"},"webhookEventId":"01JDTEST%018d",
                "deliveryContext":{"isRedelivery":false},"replyToken":"token-%d",%s}]}
                """.formatted(type, USER, eventSeq, eventSeq, detail);
    }

    /** The webhook of {@link #TOWN_ID} over the given stores. */
    private LineWebhookHandler handlerWith(DynamoReaderStore readerStore, DynamoProcessedEvents events) {
        StaticChannelCredentials credentials = new StaticChannelCredentials(Map.of(
                TOWN_ID, new StaticChannelCredentials.Credentials(SECRET, "token-sakura")));
        return new LineWebhookHandler(readerStore,
                new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()), events, credentials,
                new LineReplyChannel(credentials, URI.create(line.baseUrl())),
                new DynamoLedger(tables.dynamo(), tables.ledger(), tables.readers()), CLOCK);
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        return handler.handleRequest(request, null);
    }

    private Reader reader() {
        return readers.findByAddress(TOWN_ID, Channel.LINE, USER).orElseThrow();
    }

    /** The reader's item as DynamoDB holds it, every attribute. */
    private Map<String, AttributeValue> storedItem() {
        String readerId = readers.newReaderId(TOWN_ID, Channel.LINE, USER);
        return tables.dynamo().getItem(r -> r.tableName(tables.readers()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(TOWN_ID + "#" + readerId.charAt(1)),
                "readerId", AttributeValue.fromS(readerId)))).item();
    }

    private void assertNobodyTouched() {
        assertEquals(Optional.empty(), readers.findByAddress(TOWN_ID, Channel.LINE, USER));
        line.verify(0, postRequestedFor(urlEqualTo("/v2/bot/message/reply")));
    }

    private static JsonNode onlyReply() {
        List<JsonNode> replies = replies();
        assertEquals(1, replies.size(), "replies sent");
        return replies.getFirst();
    }

    /** The reply to the latest event sent by {@link #event}: its reply token carries the sequence number. */
    private static JsonNode lastReply() {
        return replies().stream()
                .filter(r -> r.path("replyToken").asText().matches("token-\\d+"))
                .max(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.path("replyToken").asText().substring(6))))
                .orElseThrow();
    }

    private static String lastReplyTo(String replyToken) {
        return replies().stream().filter(r -> r.path("replyToken").asText().equals(replyToken))
                .map(r -> r.path("messages").get(0).path("text").asText()).findFirst().orElseThrow();
    }

    private static List<JsonNode> replies() {
        return line.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply"))).stream()
                .map(r -> {
                    try {
                        return JSON.readTree(r.getBodyAsString());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    private static void assertPicker(JsonNode action, String data, String min, String max) {
        assertEquals("datetimepicker", action.path("type").asText());
        assertEquals("date", action.path("mode").asText());
        assertEquals(data, action.path("data").asText());
        assertEquals(min, action.path("min").asText());
        assertEquals(max, action.path("max").asText());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okReply() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"sentMessages\":[]}");
    }
}
