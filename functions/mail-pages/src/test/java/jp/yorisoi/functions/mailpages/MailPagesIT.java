package jp.yorisoi.functions.mailpages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.yorisoi.delivery.SesMailChannel;
import jp.yorisoi.delivery.stubs.SesStub;
import jp.yorisoi.mail.DynamoCounters;
import jp.yorisoi.mail.MailLinks;
import jp.yorisoi.mail.MailSettings;
import jp.yorisoi.mail.MailSignup;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.ChildStatus;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.ReaderIds;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The e-mail pages through the handler as API Gateway calls it, over DynamoDB Local and an SES v2 stub. */
class MailPagesIT {

    static final Instant NOW = Instant.parse("2026-12-01T00:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final byte[] SECRET = "mail-pages-it-secret-long-enough".getBytes(StandardCharsets.UTF_8);
    static final String DOMAIN = "abc123.execute-api.ap-northeast-1.amazonaws.com";
    static final String BASE = "https://" + DOMAIN + "/dev";
    static final SesStub SES = new SesStub();
    /** Without retries like the deployed client, but patient: a busy test machine answers the stub's first call slowly. */
    static final SesV2Client SES_CLIENT = SesV2Client.builder()
            .region(Region.AP_NORTHEAST_1)
            .endpointOverride(SES.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                    .apiCallAttemptTimeout(Duration.ofSeconds(30)))
            .build();
    static final Pattern TOKEN = Pattern.compile("name=\"(?:token|t)\" value=\"([^\"]+)\"");

    final LocalTables tables = LocalTables.create();
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers(),
            new ReaderIds("a-test-reader-id-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8)));
    final DynamoMunicipalityStore towns = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
    final MailPagesHandler pages = handler(Clock.fixed(NOW, ZoneId.of("UTC")));

    MailPagesHandler handler(Clock clock) {
        return new MailPagesHandler(
                new MailSignup(readers, towns, new DynamoCounters(tables.dynamo(), tables.names().get("CountersTable")),
                        new SesMailChannel(SES_CLIENT, Optional.empty()), clock),
                new MailSettings(readers, towns, clock), SECRET, Optional.empty());
    }

    @BeforeEach
    void town() {
        SES.reset();
        towns.save(new Municipality("demo", "デモ市", "デモ市より", "子育て相談 0120-000-000", Plan.FULL, 3, 8,
                List.of("ja"), "info@demo.example.jp", true));
    }

    @AfterAll
    static void stop() {
        SES_CLIENT.close();
        SES.close();
    }

    @Test
    void theReaderBecomesActiveOnlyWhenTheConfirmationLinkIsOpenedAndPressedOnce() {
        APIGatewayV2HTTPResponse sent = signUp("parent@example.jp", "pregnancy", "2027-05-01", "198.51.100.7");

        assertEquals(200, sent.getStatusCode(), sent.getBody());
        assertTrue(sent.getBody().contains("確認メールをお送りしました"), sent.getBody());
        Reader pending = stored("parent@example.jp");
        assertEquals(ReaderStatus.REGISTERING, pending.status());
        assertEquals(Role.PARTNER, pending.role());
        SesStub.SentMail mail = SES.sent().getFirst();
        assertEquals("parent@example.jp", mail.to());
        assertEquals(Map.of(), mail.headers(), "a confirmation is not a list mail: no List-Unsubscribe");
        assertTrue(mail.html().contains("<a href=\"" + BASE + "/mail/confirm?t="), mail.html());
        String token = confirmToken(mail.text());

        APIGatewayV2HTTPResponse opened = call("GET /mail/confirm", Map.of(), Map.of("t", token), null);
        assertEquals(200, opened.getStatusCode());
        assertEquals(ReaderStatus.REGISTERING, stored("parent@example.jp").status(), "opening alone changes nothing");

        APIGatewayV2HTTPResponse confirmed = call("POST /mail/confirm", Map.of(), Map.of(), form(Map.of("t", token)));
        assertEquals(200, confirmed.getStatusCode());
        assertTrue(confirmed.getBody().contains("登録が完了しました"), confirmed.getBody());
        Reader active = stored("parent@example.jp");
        assertEquals(ReaderStatus.ACTIVE, active.status());
        assertEquals(TODAY, active.registeredOn());
        assertEquals(Map.of(), active.conversation());

        APIGatewayV2HTTPResponse again = call("POST /mail/confirm", Map.of(), Map.of(), form(Map.of("t", token)));
        assertTrue(again.getBody().contains("登録はすでに完了しています"), again.getBody());
        assertEquals(active.version(), stored("parent@example.jp").version(), "a used link changes nothing");
    }

    @Test
    void aDueDateOutsideTheWindowIsExplainedInTheFormAndNothingIsStoredOrSent() {
        APIGatewayV2HTTPResponse answer = signUp("parent@example.jp", "pregnancy", "2028-01-01", "198.51.100.7");

        assertEquals(400, answer.getStatusCode());
        assertTrue(answer.getBody().contains("出産予定日は、今日から280日後までの日付でお願いします。"), answer.getBody());
        assertTrue(answer.getBody().contains("value=\"parent@example.jp\""), "what was typed stays in the form");
        assertEquals(Optional.empty(), readers.findByAddress("demo", Channel.EMAIL, "parent@example.jp"));
        assertEquals(List.of(), SES.sent());
    }

    @Test
    void aKnownAddressGetsTheSamePageAndAMailInsteadOfASecondRegistration() {
        Reader active = readers.save(Reader.newcomer("demo", Channel.EMAIL, "known@example.jp", NOW)
                .withStatus(ReaderStatus.ACTIVE).withRole(Role.MOTHER)
                .withChildren(List.of(Child.born("c1", TODAY.minusDays(30)))));
        String newcomerPage = signUp("new@example.jp", "child", "2026-11-01", "198.51.100.7").getBody();

        APIGatewayV2HTTPResponse known = signUp("known@example.jp", "pregnancy", "2027-05-01", "198.51.100.7");

        assertEquals(newcomerPage, known.getBody(), "the page must not tell whether the address is registered");
        Reader unchanged = stored("known@example.jp");
        assertEquals(ReaderStatus.ACTIVE, unchanged.status());
        assertEquals(active.children(), unchanged.children());
        SesStub.SentMail mail = SES.sent().stream().filter(m -> m.to().equals("known@example.jp")).findFirst().orElseThrow();
        assertTrue(mail.text().contains(BASE + "/mail/settings?t="), mail.text());
    }

    @Test
    void aFormWithoutItsSignedTokenChangesNothing() {
        APIGatewayV2HTTPResponse forged = call("POST /signup/{municipalityId}", Map.of("municipalityId", "demo"),
                Map.of(), form(fields("parent@example.jp", "pregnancy", "2027-05-01", "forged.token")));

        assertEquals(400, forged.getStatusCode());
        assertTrue(forged.getBody().contains("このページの有効期限が切れました"), forged.getBody());
        assertEquals(Optional.empty(), readers.findByAddress("demo", Channel.EMAIL, "parent@example.jp"));
        assertEquals(List.of(), SES.sent());
    }

    @Test
    void everythingEchoedIsEscaped() {
        APIGatewayV2HTTPResponse answer = signUp("\"><script>alert(1)</script>", "pregnancy", "2027-05-01", "198.51.100.7");

        assertEquals(400, answer.getStatusCode());
        assertFalse(answer.getBody().contains("<script>"), answer.getBody());
        assertTrue(answer.getBody().contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), answer.getBody());
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'", answer.getHeaders().get("Content-Security-Policy"));
    }

    @Test
    void oneSourceIsLimitedPerHourAndOneAddressGetsAtMostThreeMailsADay() {
        for (int i = 0; i < 4; i++) {
            APIGatewayV2HTTPResponse answer = signUp("parent@example.jp", "pregnancy", "2027-05-01", "198.51.100." + i);
            assertEquals(200, answer.getStatusCode(), "the fourth looks the same: " + i);
        }
        assertEquals(3, SES.sent().size());

        int status = 0;
        for (int i = 0; i <= MailSignup.SIGNUPS_PER_SOURCE_PER_HOUR; i++) {
            status = signUp("not-an-address", "pregnancy", "2027-05-01", "203.0.113.9").getStatusCode();
        }
        assertEquals(429, status);
    }

    @Test
    void theSettingsPageChangesTheDueDateOnceAndExplainsARejectedDate() {
        Reader reader = activeReader();
        String page = call("GET /mail/settings", Map.of(), Map.of("t", links().issue(MailLinks.Purpose.SETTINGS,
                "demo", reader.readerId(), "-", NOW)), null).getBody();
        String formToken = firstToken(page);

        APIGatewayV2HTTPResponse tooFar = call("POST /mail/settings", Map.of(), Map.of(),
                form(Map.of("t", formToken, "action", "due", "child", "c1", "date", "2028-01-01")));
        assertEquals(400, tooFar.getStatusCode());
        assertTrue(tooFar.getBody().contains("280日後まで"), tooFar.getBody());

        APIGatewayV2HTTPResponse changed = call("POST /mail/settings", Map.of(), Map.of(),
                form(Map.of("t", formToken, "action", "due", "child", "c1", "date", "2027-04-01")));
        assertEquals(200, changed.getStatusCode(), changed.getBody());
        assertTrue(changed.getBody().contains("変更を保存しました"));
        assertEquals(LocalDate.of(2027, 4, 1), stored("parent@example.jp").child("c1").orElseThrow().dueDate());

        APIGatewayV2HTTPResponse replayed = call("POST /mail/settings", Map.of(), Map.of(),
                form(Map.of("t", formToken, "action", "stop")));
        assertEquals(409, replayed.getStatusCode(), "a used form is outdated");
        assertEquals(ReaderStatus.ACTIVE, stored("parent@example.jp").status());
    }

    @Test
    void aReportedLossStopsThatChildAndOffersTheTownsContactsAndDeletion() {
        Reader reader = activeReader();
        String formToken = links().issue(MailLinks.Purpose.SETTINGS_FORM, "demo", reader.readerId(),
                Long.toString(reader.version()), NOW);

        APIGatewayV2HTTPResponse loss = call("POST /mail/settings", Map.of(), Map.of(),
                form(Map.of("t", formToken, "action", "loss", "child", "c1")));

        assertEquals(200, loss.getStatusCode());
        assertTrue(loss.getBody().contains("子育て相談 0120-000-000"), loss.getBody());
        assertEquals(ChildStatus.LOST, stored("parent@example.jp").child("c1").orElseThrow().status());
        APIGatewayV2HTTPResponse deleted = call("POST /mail/settings", Map.of(), Map.of(),
                form(Map.of("t", firstToken(loss.getBody()), "action", "delete")));
        assertTrue(deleted.getBody().contains("登録内容を消しました"), deleted.getBody());
        assertEquals(Optional.empty(), readers.findByAddress("demo", Channel.EMAIL, "parent@example.jp"));
    }

    @Test
    void theOneClickPostUnsubscribesWithoutAPageAndAgainChangesNothing() {
        Reader reader = activeReader();
        String token = links().issue(MailLinks.Purpose.UNSUBSCRIBE, "demo", reader.readerId(), "-", NOW);

        APIGatewayV2HTTPResponse page = call("GET /mail/unsubscribe", Map.of(), Map.of("t", token), null);
        assertEquals(ReaderStatus.ACTIVE, stored("parent@example.jp").status(), "opening the link stops nothing");
        assertTrue(page.getBody().contains("配信を止める"));

        APIGatewayV2HTTPResponse oneClick = call("POST /mail/unsubscribe", Map.of(), Map.of("t", token),
                "List-Unsubscribe=One-Click");
        assertEquals(200, oneClick.getStatusCode());
        assertEquals(ReaderStatus.UNSUBSCRIBED, stored("parent@example.jp").status());
        long version = stored("parent@example.jp").version();
        assertEquals(200, call("POST /mail/unsubscribe", Map.of(), Map.of("t", token), "List-Unsubscribe=One-Click")
                .getStatusCode());
        assertEquals(version, stored("parent@example.jp").version());
    }

    @Test
    void aForgedOrExpiredLinkGetsAClearPageAndChangesNothing() {
        Reader reader = activeReader();
        String token = links().issue(MailLinks.Purpose.UNSUBSCRIBE, "demo", reader.readerId(), "-", NOW);
        String forged = token.substring(0, token.length() - 4) + "AAAA";
        MailPagesHandler later = handler(Clock.fixed(NOW.plus(MailLinks.Purpose.UNSUBSCRIBE.lifetime()), ZoneId.of("UTC")));

        APIGatewayV2HTTPResponse forgedAnswer = call("POST /mail/unsubscribe", Map.of(), Map.of("t", forged), "");
        APIGatewayV2HTTPResponse expired = later.handleRequest(
                event("POST /mail/unsubscribe", Map.of(), Map.of("t", token), ""), null);

        assertEquals(400, forgedAnswer.getStatusCode());
        assertTrue(forgedAnswer.getBody().contains("このリンクは使えません"), forgedAnswer.getBody());
        assertEquals(410, expired.getStatusCode());
        assertEquals(ReaderStatus.ACTIVE, stored("parent@example.jp").status());
    }

    Reader activeReader() {
        return readers.save(Reader.newcomer("demo", Channel.EMAIL, "parent@example.jp", NOW)
                .withStatus(ReaderStatus.ACTIVE).withRole(Role.MOTHER).withRegisteredOn(TODAY)
                .withChildren(List.of(Child.expected("c1", LocalDate.of(2027, 5, 1)))));
    }

    MailLinks links() {
        return new MailLinks(BASE, SECRET);
    }

    Reader stored(String address) {
        return readers.findByAddress("demo", Channel.EMAIL, address).orElseThrow();
    }

    APIGatewayV2HTTPResponse signUp(String email, String kind, String date, String sourceIp) {
        String page = call("GET /signup/{municipalityId}", Map.of("municipalityId", "demo"), Map.of(), null).getBody();
        APIGatewayV2HTTPEvent post = event("POST /signup/{municipalityId}", Map.of("municipalityId", "demo"), Map.of(),
                form(fields(email, kind, date, firstToken(page))));
        post.getRequestContext().getHttp().setSourceIp(sourceIp);
        // HTTP API hands a form body over Base64-encoded
        post.setBody(Base64.getEncoder().encodeToString(post.getBody().getBytes(StandardCharsets.UTF_8)));
        post.setIsBase64Encoded(true);
        return pages.handleRequest(post, null);
    }

    static Map<String, String> fields(String email, String kind, String date, String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", token);
        fields.put("lang", "ja");
        fields.put("email", email);
        fields.put("kind", kind);
        fields.put("date", date);
        fields.put("role", "PARTNER");
        fields.put("language", "ja");
        fields.put("consent", "yes");
        return fields;
    }

    static String firstToken(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1).replace("&amp;", "&");
    }

    static String confirmToken(String text) {
        Matcher matcher = Pattern.compile("/mail/confirm\\?t=(\\S+)").matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, Map<String, String> query, String body) {
        return pages.handleRequest(event(routeKey, path, query, body), null);
    }

    static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> path, Map<String, String> query,
            String body) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(routeKey.substring(0, routeKey.indexOf(' '))).withSourceIp("198.51.100.7").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withDomainName(DOMAIN).withStage("dev").withRequestId("r1").withHttp(http).build();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(path.isEmpty() ? null : path)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context)
                .build();
    }
}
