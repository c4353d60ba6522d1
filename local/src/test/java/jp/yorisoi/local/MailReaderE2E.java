package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue 12 end to end through the local runner: a parent signs up on the demo town's page, opens the confirmation
 * link from the sandbox, gets the next day's mail with both parts and the one-click headers, unsubscribes with the
 * one-click POST a mail app makes, and the day after gets nothing.
 */
class MailReaderE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final String ADDRESS = "e2e-parent@example.jp";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"(?:token|t)\" value=\"([^\"]+)\"");
    private static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(LocalConfig.forTests(TODAY));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void aParentSignsUpConfirmsGetsTheDaysMailAndOneClickUnsubscribeStopsTheNextDay() throws Exception {
        HttpResponse<String> form = get(runner.apiBaseUri() + "/signup/demo");
        assertEquals(200, form.statusCode());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", token(form.body()));
        fields.put("lang", "ja");
        fields.put("email", ADDRESS);
        fields.put("kind", "pregnancy");
        fields.put("date", "2027-06-03");
        fields.put("role", "MOTHER");
        fields.put("language", "ja");
        fields.put("consent", "yes");
        HttpResponse<String> sent = post(runner.apiBaseUri() + "/signup/demo", urlEncoded(fields));
        assertEquals(200, sent.statusCode(), sent.body());

        SandboxMessage.Email confirmation = awaitMail("the confirmation", 1).getFirst();
        Matcher link = Pattern.compile("(http://\\S+/mail/confirm\\?t=\\S+)").matcher(confirmation.text());
        assertTrue(link.find(), confirmation.text());
        HttpResponse<String> opened = get(link.group(1));
        assertEquals(200, opened.statusCode());
        HttpResponse<String> confirmed = post(runner.apiBaseUri() + "/mail/confirm",
                urlEncoded(Map.of("t", token(opened.body()))));
        assertTrue(confirmed.body().contains("登録が完了しました"), confirmed.body());

        assertEquals(202, run("2026-11-23").statusCode());
        SandboxMessage.Email day = awaitMail("the mail of 2026-11-23", 2).getFirst();
        assertTrue(day.subject().startsWith("【妊娠"), day.subject());
        assertTrue(day.text().contains("/mail/settings?t="), day.text());
        assertTrue(day.html().contains("<section>"), day.html());
        assertEquals("List-Unsubscribe=One-Click", day.headers().get("List-Unsubscribe-Post"));
        String unsubscribe = day.headers().get("List-Unsubscribe").replaceAll("^<|>$", "");
        assertTrue(unsubscribe.startsWith(runner.apiBaseUri() + "/mail/unsubscribe?t="), unsubscribe);

        // what a mail app does on its unsubscribe button (RFC 8058): a POST with this body, no cookie, no page
        HttpResponse<String> oneClick = post(unsubscribe, "List-Unsubscribe=One-Click");
        assertEquals(200, oneClick.statusCode());

        assertEquals(202, run("2026-11-24").statusCode());
        awaitMailQueueDrained();
        assertEquals(2, mailsTo().size(), "after the one-click unsubscribe, the next day sends nothing");
    }

    private static List<SandboxMessage.Email> mailsTo() {
        return runner.outbox().messages().stream()
                .filter(m -> m.email() != null && m.email().to().contains(ADDRESS))
                .map(SandboxMessage::email)
                .toList();
    }

    /** Newest first, once there are {@code count}. */
    private static List<SandboxMessage.Email> awaitMail(String what, int count) {
        Await.until(what, Duration.ofSeconds(30), () -> mailsTo().size() >= count);
        return mailsTo();
    }

    private static String token(String page) {
        Matcher matcher = FORM_TOKEN.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> run(String date) throws Exception {
        return LocalRuns.run(runner, date);
    }

    /** The sender deletes a job only once it has handled it: no visible and no in-flight job means done. */
    private static void awaitMailQueueDrained() {
        String queue = runner.services().queueUrl("MailJobQueue");
        Await.until("the mail job queue to drain", Duration.ofSeconds(30), () -> {
            Map<QueueAttributeName, String> attributes = runner.services().sqs().getQueueAttributes(r -> r.queueUrl(queue)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return attributes.values().stream().allMatch("0"::equals);
        });
    }
}
