package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiClientException;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MulticastRequest;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.QuickReply;
import com.linecorp.bot.messaging.model.QuickReplyItem;
import com.linecorp.bot.messaging.model.QuotaType;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import jp.yorisoi.aws.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The runner's HTTP server on a free port: API routes, the fake LINE API driven by the LINE SDK, fake SES, sandbox. */
class LocalServerIT {

    private static final String TOKEN = "demo-channel-token";

    private static LocalServer server;
    private static MessagingApiClient line;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = LocalServer.start(0, new Outbox(Clock.systemUTC()),
                token -> token.equals(TOKEN) ? Optional.of("demo") : Optional.empty(),
                sender -> sender.equals("town@example.jp") ? Optional.of("demo") : Optional.empty());
        server.routes().add("POST", "/webhook/{municipalityId}", "LineWebhookFunction", (event, context) -> {
            APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
            response.setStatusCode(202);
            response.setHeaders(Map.of("Content-Type", "text/plain; charset=utf-8",
                    "X-Route", event.getRouteKey(), "X-Function", context.getFunctionName(),
                    "X-Raw-Path", event.getRawPath(), "X-Stage", event.getRequestContext().getStage()));
            response.setBody(event.getPathParameters().get("municipalityId") + "|"
                    + event.getHeaders().get("x-line-signature") + "|" + event.getBody());
            return response;
        });
        line = MessagingApiClient.builder(TOKEN).apiEndPoint(URI.create(server.baseUri() + "/line-api/")).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clearSandbox() throws Exception {
        assertEquals(204, send("DELETE", "/sandbox/messages", null).statusCode());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json").header("X-Line-Signature", "c2ln");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode sandbox() throws Exception {
        HttpResponse<String> response = send("GET", "/sandbox/messages", null);
        assertEquals(200, response.statusCode());
        return HttpIo.JSON.readTree(response.body());
    }

    private static PushMessageRequest push(String to, List<Message> messages) {
        return new PushMessageRequest(to, messages, false, null);
    }

    @Test
    void routedRequestReachesTheHandlerAsAnApiGatewayEventAndItsResponseComesBack() throws Exception {
        HttpResponse<String> response = send("POST", "/dev/webhook/demo", "{\"events\":[]}");

        assertEquals(202, response.statusCode());
        assertEquals("demo|c2ln|{\"events\":[]}", response.body());
        assertEquals("POST /webhook/{municipalityId}", response.headers().firstValue("X-Route").orElseThrow());
        assertEquals("LineWebhookFunction", response.headers().firstValue("X-Function").orElseThrow());
        assertEquals("/dev/webhook/demo", response.headers().firstValue("X-Raw-Path").orElseThrow());
        assertEquals("dev", response.headers().firstValue("X-Stage").orElseThrow());
    }

    @Test
    void unknownPathIsNotFoundAsApiGatewaySaysIt() throws Exception {
        HttpResponse<String> response = send("GET", "/dev/webhook/demo", null);

        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }

    @Test
    void theApiIsServedOnlyUnderItsStageAsANamedStageIsDeployed() throws Exception {
        assertEquals("dev", server.stage());
        assertEquals(server.baseUri() + "/dev", server.apiBaseUri().toString());

        HttpResponse<String> response = send("POST", "/webhook/demo", "{\"events\":[]}");

        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }

    @Test
    void pushThroughTheLineSdkIsRecordedWithTokenMunicipalityRecipientRetryKeyAndQuickReplies() throws Exception {
        UUID retryKey = UUID.randomUUID();
        var quickReply = new QuickReply(List.of(
                new QuickReplyItem(new PostbackAction("生まれました", "born", null, null, null, null))));
        var text = new TextMessage(quickReply, null, "【妊娠12週0日】おはようございます。", null, null);

        var result = line.pushMessage(retryKey, push("U0123456789abcdef0123456789abcdef", List.of(text))).get();

        assertEquals(1, result.body().sentMessages().size());
        JsonNode recorded = sandbox().get(0);
        assertEquals("push", recorded.path("kind").asText());
        assertEquals("line", recorded.path("channel").asText());
        assertEquals("demo", recorded.path("municipalityId").asText());
        assertEquals("U0123456789abcdef0123456789abcdef", recorded.path("recipient").asText());
        assertEquals(retryKey.toString(), recorded.path("retryKey").asText());
        assertEquals(result.requestId(), recorded.path("id").asText());
        JsonNode message = recorded.path("messages").get(0);
        assertEquals("【妊娠12週0日】おはようございます。", message.path("text").asText());
        assertEquals("生まれました", message.path("quickReplies").get(0).asText());
        assertEquals("born", message.path("json").path("quickReply").path("items").get(0).path("action").path("data").asText());
    }

    @Test
    void pushRepeatingAnAcceptedRetryKeyGets409WithTheAcceptedRequestId() throws Exception {
        UUID retryKey = UUID.randomUUID();
        var request = push("U1", List.of(new TextMessage("おはよう")));
        var first = line.pushMessage(retryKey, request).get();

        var failure = assertThrows(ExecutionException.class, () -> line.pushMessage(retryKey, request).get());

        var conflict = assertInstanceOf(MessagingApiClientException.class, failure.getCause());
        assertEquals(409, conflict.getCode());
        assertEquals(first.requestId(), conflict.getHeader("x-line-accepted-request-id"));
        assertEquals(1, sandbox().size());
    }

    @Test
    void multicastThroughTheLineSdkReachesEachRecipientOnceAndRefusesARepeatedRetryKeyOrMoreThan500Ids()
            throws Exception {
        UUID retryKey = UUID.randomUUID();
        var request = new MulticastRequest(List.of(new TextMessage("おしらせ")), List.of("U1", "U2"), false, null);
        var first = line.multicast(retryKey, request).get();

        var repeat = assertThrows(ExecutionException.class, () -> line.multicast(retryKey, request).get());
        var tooMany = assertThrows(ExecutionException.class, () -> line.multicast(null, new MulticastRequest(
                List.of(new TextMessage("a")), Collections.nCopies(501, "U1"), false, null)).get());

        var conflict = assertInstanceOf(MessagingApiClientException.class, repeat.getCause());
        assertEquals(409, conflict.getCode());
        assertEquals(first.requestId(), conflict.getHeader("x-line-accepted-request-id"));
        assertEquals(400, assertInstanceOf(MessagingApiClientException.class, tooMany.getCause()).getCode());
        JsonNode recorded = sandbox();
        assertEquals(2, recorded.size());
        assertEquals("multicast", recorded.get(0).path("kind").asText());
        assertEquals(retryKey.toString(), recorded.get(1).path("retryKey").asText());
    }

    @Test
    void replyIsRecordedOnceAndItsTokenCannotBeUsedAgain() throws Exception {
        var request = new ReplyMessageRequest("reply-token-1", List.of(new TextMessage("ようこそ")), false);

        line.replyMessage(request).get();
        var failure = assertThrows(ExecutionException.class, () -> line.replyMessage(request).get());

        assertEquals(400, assertInstanceOf(MessagingApiClientException.class, failure.getCause()).getCode());
        JsonNode recorded = sandbox();
        assertEquals(1, recorded.size());
        assertEquals("reply", recorded.get(0).path("kind").asText());
    }

    @Test
    void pushLineWouldRefuseIsRefusedAndNotRecorded() throws Exception {
        List<Message> six = Collections.nCopies(6, new TextMessage("a"));
        var tooMany = assertThrows(ExecutionException.class, () -> line.pushMessage(null, push("U1", six)).get());
        var tooLong = assertThrows(ExecutionException.class,
                () -> line.pushMessage(null, push("U1", List.of(new TextMessage("あ".repeat(5_001))))).get());

        assertEquals(400, assertInstanceOf(MessagingApiClientException.class, tooMany.getCause()).getCode());
        assertEquals(400, assertInstanceOf(MessagingApiClientException.class, tooLong.getCause()).getCode());
        assertEquals(0, sandbox().size());
    }

    @Test
    void unknownChannelTokenIsUnauthorized() {
        MessagingApiClient stranger = MessagingApiClient.builder("not-a-channel-token")
                .apiEndPoint(URI.create(server.baseUri() + "/line-api/")).build();

        var failure = assertThrows(ExecutionException.class,
                () -> stranger.pushMessage(null, push("U1", List.of(new TextMessage("a")))).get());

        assertEquals(401, assertInstanceOf(MessagingApiClientException.class, failure.getCause()).getCode());
    }

    @Test
    void quotaIsUnlimitedAsOnTheMunicipalPlanAndConsumptionCountsPushes() throws Exception {
        line.pushMessage(null, push("U1", List.of(new TextMessage("a")))).get();
        line.replyMessage(new ReplyMessageRequest("reply-token-quota", List.of(new TextMessage("b")), false)).get();

        assertEquals(QuotaType.NONE, line.getMessageQuota().get().body().type());
        assertEquals(1L, line.getMessageQuotaConsumption().get().body().totalUsage());
    }

    @Test
    void emailThroughTheSesV2ClientIsRecordedWithBodiesAndUnsubscribeHeaders() throws Exception {
        try (SesV2Client ses = AwsClients.forEmulator(server.baseUri()).ses()) {
            String messageId = ses.sendEmail(r -> r
                    .fromEmailAddress("よりそい町 <town@example.jp>")
                    .destination(d -> d.toAddresses("parent@example.jp"))
                    .content(c -> c.simple(m -> m
                            .subject(s -> s.data("【生後45日】今日のメッセージ").charset("UTF-8"))
                            .body(b -> b.text(t -> t.data("本文")).html(h -> h.data("<p>本文</p>")))
                            .headers(h -> h.name("List-Unsubscribe").value("<https://example.jp/u/x>"),
                                    h -> h.name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click")))))
                    .messageId();

            JsonNode recorded = sandbox().get(0);
            assertEquals(messageId, recorded.path("id").asText());
            assertEquals("email", recorded.path("kind").asText());
            assertEquals("demo", recorded.path("municipalityId").asText());
            JsonNode email = recorded.path("email");
            assertEquals("よりそい町 <town@example.jp>", email.path("from").asText());
            assertEquals("parent@example.jp", email.path("to").get(0).asText());
            assertEquals("【生後45日】今日のメッセージ", email.path("subject").asText());
            assertEquals("本文", email.path("text").asText());
            assertEquals("<p>本文</p>", email.path("html").asText());
            assertEquals("<https://example.jp/u/x>", email.path("headers").path("List-Unsubscribe").asText());
            assertEquals("List-Unsubscribe=One-Click", email.path("headers").path("List-Unsubscribe-Post").asText());
        }
    }

    @Test
    void sandboxPageShowsWhatWasSent() throws Exception {
        line.pushMessage(UUID.randomUUID(), push("U1", List.of(new TextMessage("きょうのメッセージ")))).get();

        HttpResponse<String> page = send("GET", "/sandbox", null);

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("きょうのメッセージ"));
        assertTrue(page.body().contains("<b>push</b>"));
    }
}
