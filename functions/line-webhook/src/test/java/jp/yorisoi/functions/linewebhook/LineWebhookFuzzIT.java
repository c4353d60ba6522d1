package jp.yorisoi.functions.linewebhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.reader.ReaderIds;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static jp.yorisoi.functions.linewebhook.SignedWebhooks.request;
import static jp.yorisoi.functions.linewebhook.SignedWebhooks.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.yorisoi.line.DynamoProcessedEvents;
import jp.yorisoi.line.LineReplyChannel;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Thousands of random and mutated webhook requests: never a 5xx, and without a valid signature never a stored
 * change or a call to LINE. Seeded, so a failure names a reproducible case.
 */
class LineWebhookFuzzIT {

    /** The webhook ids newcomers with this key; the test's store finds them with the same one. */
    static final ReaderIds IDS = new ReaderIds("a-test-reader-id-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8));

    private static final long SEED = 20261122L;
    private static final int UNSIGNED_CASES = 2_000;
    private static final int SIGNED_CASES = 1_000;
    private static final String TOWN_ID = "sakura";
    private static final String SECRET = "fuzz-channel-secret-0123456789ab";
    private static final Pattern JSON_VALUE = Pattern.compile("\"[^\"]*\"|-?\\d+|true|false|null");
    private static final List<String> WRONG_TYPES = List.of("123", "-1", "[]", "{}", "null", "true", "\"\"", "1e999",
            "\"" + "あ".repeat(70_000) + "\"", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "\"\\u0000\"", "{\"type\":\"user\"}");

    private final Random random = new Random(SEED);
    private WireMockServer line;
    private LocalTables tables;
    private LineWebhookHandler handler;
    private List<String> samples;

    @BeforeEach
    void setUp() {
        line = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        line.start();
        line.stubFor(post("/v2/bot/message/reply").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"sentMessages\":[]}")));
        tables = LocalTables.create();
        DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
        municipalities.save(new Municipality(TOWN_ID, "さくら市", "さくら市より", "さくら市こども家庭センター", Plan.FULL, 3, 7,
                List.of("ja", "ja-easy", "en"), null, true));
        StaticChannelCredentials credentials = new StaticChannelCredentials(
                Map.of(TOWN_ID, new StaticChannelCredentials.Credentials(SECRET, "token")));
        handler = new LineWebhookHandler(new DynamoReaderStore(tables.dynamo(), tables.readers(), IDS), municipalities,
                new DynamoProcessedEvents(tables.dynamo(), tables.events()), credentials,
                new LineReplyChannel(credentials, URI.create(line.baseUrl())),
                new DynamoLedger(tables.dynamo(), tables.ledger(), tables.readers()), LineWebhookIT.CLOCK);
        samples = List.of(sample("line-follow.json"), sample("line-unfollow.json"), sample("line-postback-date.json"),
                sample("line-message-text.json"), sample("line-postback-role.json"),
                sample("line-postback-language.json"), sample("line-postback-consent.json"),
                "{\"destination\":\"U0\",\"events\":[]}");
    }

    @AfterEach
    void tearDown() {
        line.stop();
    }

    @Test
    void withoutAValidSignatureNothingIsEverStoredOrSentAndNothingFails() {
        assertTimeout(Duration.ofMinutes(3), () -> {
            for (int i = 0; i < UNSIGNED_CASES; i++) {
                byte[] body = random.nextInt(4) == 0 ? randomBytes() : mutate(pick(samples)).getBytes(StandardCharsets.UTF_8);
                APIGatewayV2HTTPEvent request = unsignedRequest(body);
                int status = handler.handleRequest(request, null).getStatusCode();
                assertTrue(status == 401 || status == 404, "case " + i + " answered " + status);
            }
        });

        assertEquals(0, count(tables.readers()));
        assertEquals(0, count(tables.events()));
        line.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aValidSignatureOverGarbageOrMutatedEventsIsNeverA5xxNorAHalfWrittenReader() {
        assertTimeout(Duration.ofMinutes(3), () -> {
            for (int i = 0; i < SIGNED_CASES; i++) {
                // fresh event ids, so that mutations reach the conversation instead of the dedupe
                String body = random.nextInt(5) == 0 ? new String(randomBytes(), StandardCharsets.UTF_8)
                        : mutate(pick(samples)).replace("01JDCQ7Z3K", "01FUZZ" + Integer.toHexString(i));
                APIGatewayV2HTTPEvent request = SignedWebhooks.signed(TOWN_ID, body, SECRET);
                int status = handler.handleRequest(request, null).getStatusCode();
                assertEquals(200, status, "case " + i);
            }
        });

        // whatever got stored is a whole reader: it reads back through the store
        DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers(), IDS);
        tables.dynamo().scanPaginator(ScanRequest.builder().tableName(tables.readers()).build()).items().forEach(item ->
                assertTrue(readers.find(item.get("municipalityId").s(), item.get("readerId").s()).isPresent()));
    }

    private APIGatewayV2HTTPEvent unsignedRequest(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (random.nextInt(8)) {
            case 0 -> request(TOWN_ID, text, false, null);
            case 1 -> request(TOWN_ID, text, false, "");
            case 2 -> request(TOWN_ID, text, false, Base64.getEncoder().encodeToString(randomBytes(32)));
            case 3 -> request(TOWN_ID, text, false, "not base64 at all !!" + random.nextInt());
            case 4 -> request(TOWN_ID, text, false, SignedWebhooks.signature(body, "some-other-secret"));
            // the right secret over other bytes than those delivered
            case 5 -> request(TOWN_ID, text, false,
                    SignedWebhooks.signature((text + " ").getBytes(StandardCharsets.UTF_8), SECRET));
            case 6 -> request(TOWN_ID, "%%%not base64%%%", true, SignedWebhooks.signature(body, SECRET));
            default -> request(pick(List.of("nowhere", "", "SAKURA", "../sakura", "a".repeat(300))), text, false,
                    SignedWebhooks.signature(body, SECRET));
        };
    }

    /** One or more random edits: cut, flip, insert, retype a value, blow a string up, repeat the events. */
    private String mutate(String body) {
        String mutated = body;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            mutated = switch (random.nextInt(7)) {
                case 0 -> mutated.substring(0, random.nextInt(mutated.length() + 1));
                case 1 -> flip(mutated);
                case 2 -> insert(mutated, pick(List.of("{", "}", "[", "]", ",", "\"", ":", "\\", "\u0000", "\uD800", "null")));
                case 3 -> replaceValue(mutated, pick(WRONG_TYPES));
                case 4 -> replaceValue(mutated, "\"" + "x".repeat(1 + random.nextInt(200_000)) + "\"");
                case 5 -> mutated.replace("\"events\":[", "\"events\":[" + firstEvent(mutated) + ",");
                default -> replaceValue(mutated, pick(List.of("\"follow\"", "\"unfollow\"", "\"postback\"", "\"message\"",
                        "\"a=role&v=MOTHER\"", "\"a=delete&v=yes\"", "\"2027-02-30\"", "\"standby\"", "\"group\"")));
            };
        }
        return mutated;
    }

    private String firstEvent(String body) {
        int start = body.indexOf("{", body.indexOf("\"events\""));
        int end = body.lastIndexOf("}", body.lastIndexOf("]"));
        return start >= 0 && end > start ? body.substring(start, end + 1) : "{}";
    }

    private String replaceValue(String body, String replacement) {
        Matcher matcher = JSON_VALUE.matcher(body);
        List<int[]> spans = matcher.results().map(r -> new int[] {r.start(), r.end()}).toList();
        if (spans.isEmpty()) {
            return body;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return body.substring(0, span[0]) + replacement + body.substring(span[1]);
    }

    private String flip(String body) {
        if (body.isEmpty()) {
            return body;
        }
        char[] chars = body.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = (char) (chars[at] ^ (1 << random.nextInt(7)));
        return new String(chars);
    }

    private String insert(String body, String piece) {
        int at = random.nextInt(body.length() + 1);
        return body.substring(0, at) + piece + body.substring(at);
    }

    private byte[] randomBytes() {
        return randomBytes(random.nextInt(2_000));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private long count(String table) {
        return tables.dynamo().scan(ScanRequest.builder().tableName(table).select(Select.COUNT).build()).count();
    }
}
