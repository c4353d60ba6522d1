package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import jp.yorisoi.reader.ReaderIds;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.LocalSqs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jars that `sam deploy` uploads, run as Lambda runs them: a JVM with only that jar (and the runtime's
 * event serialization), the handler built by name from its environment and called once with a sample event
 * against DynamoDB Local, ElasticMQ, the runner's fake LINE API and SES, and a fake SSM Parameter Store. Catches
 * what only packaging can break (a merged Log4j plugin cache, service files, a class or library left out of a
 * function's jar) before a deploy does; each test asserts what the call did, so an error swallowed on the way
 * fails too. The jars are built by `./run-tests` (mvn verify) before this module.
 */
class FunctionJarsIT {

    /** Lambda's limit is 250 MB unzipped; ours is a cold-start budget (README: function jars), decimal bytes. */
    static final long MAX_JAR_BYTES = 20_000_000;

    private static final Path ROOT = ContentDirectory.inCheckout().orElseThrow().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL_SECRET = "demo-channel-secret";
    private static final String READER_ID_KEY = "a-test-reader-id-key-of-32-bytes-or-more";
    private static final String CHANNEL_TOKEN = "demo-channel-token";

    static FakeParameterStore ssm;
    static LocalServer fakes;

    @TempDir
    Path temp;

    @BeforeAll
    static void startFakes() throws Exception {
        ssm = new FakeParameterStore(Map.of(
                "/yorisoi/dev/line/demo/channel-secret", CHANNEL_SECRET,
                "/yorisoi/dev/line/demo/channel-token", CHANNEL_TOKEN,
                "/yorisoi/dev/mail/link-secret", "a-test-mail-link-secret-long-enough",
                "/yorisoi/dev/readers/id-key", READER_ID_KEY));
        fakes = LocalServer.start(0, new Outbox(Clock.systemUTC()),
                token -> token.equals(CHANNEL_TOKEN) ? Optional.of("demo") : Optional.empty(),
                sender -> Optional.of("demo"));
    }

    @AfterAll
    static void stopFakes() {
        ssm.close();
        fakes.close();
    }

    @Test
    void everyFunctionJarIsAtMostTwentyMegabytes() throws Exception {
        List<Path> jars;
        try (Stream<Path> functions = Files.list(ROOT.resolve("functions"))) {
            jars = functions.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))).map(dir -> dir.resolve("target/function.jar")).sorted().toList();
        }
        assertEquals(8, jars.size(), jars.toString());
        for (Path jar : jars) {
            assertTrue(Files.isRegularFile(jar), jar + " is missing: ./run-tests (mvn verify) builds the function jars");
            assertTrue(Files.size(jar) <= MAX_JAR_BYTES, jar + " is " + Files.size(jar) + " bytes");
        }
    }

    @Test
    void theFanOutJarEnqueuesTheTownsReadersFromTheScheduleSampleAndLogsJson() throws Exception {
        LocalTables tables = LocalTables.create();
        LocalQueues queues = LocalQueues.create();
        new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()).save(new Municipality("demo", "デモ町",
                "デモ町より", "デモ町役場", Plan.FULL, 3, 8, List.of("ja"), null, true));
        Reader reader = lineReader(tables);

        Map<String, String> env = env(tables, queues);
        env.put("POWERTOOLS_SERVICE_NAME", "fan-out");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "yorisoi");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "fan-out");
        Run run = run("fan-out", "jp.yorisoi.functions.fanout.FanOutHandler", ROOT.resolve("events/fan-out-hourly.json"),
                env);

        assertEquals(0, run.exitCode(), run.output());
        // 2026-11-21T23:00Z is 08:00 on the 22nd in Tokyo: the demo town's hour
        assertTrue(run.output().contains("RESULT {\"date\":\"2026-11-22\",\"hour\":8,\"enqueued\":{\"demo\":1},\"total\":1}"),
                run.output());
        String townLine = run.output().lines()
                .filter(line -> line.startsWith("{\"level\":\"INFO\"") && line.contains("fan-out for municipality demo"))
                .findFirst().orElseThrow(() -> new AssertionError("JSON log lines:\n" + run.output()));
        // Powertools' fields: the first invocation of a container is its cold start; the request id correlates
        assertTrue(townLine.contains("\"cold_start\":true"), townLine);
        assertTrue(townLine.contains("\"correlation_id\":\"" + JarProbe.REQUEST_ID + "\""), townLine);
        assertTrue(townLine.contains("\"function_request_id\":\"" + JarProbe.REQUEST_ID + "\""), townLine);
        assertTrue(townLine.contains("\"service\":\"fan-out\""), townLine);
        assertEquals(List.of(DeliveryJob.daily("demo", reader.readerId(), Channel.LINE, LocalDate.parse("2026-11-22"))),
                queues.jobs("LineJobQueue"));
        // the hour's heartbeat as an EMF record in the log, with the Service dimension the alarms select on
        assertTrue(run.output().lines().anyMatch(line -> line.contains("\"FanOutCompleted\"")
                && line.contains("\"Namespace\":\"yorisoi\"") && line.contains("\"Service\":\"fan-out\"")),
                run.output());
    }

    @Test
    void theLineSenderJarPushesTheSampleJobWithTheTokenFromSsm() throws Exception {
        LocalTables tables = demoTown();
        Reader reader = lineReader(tables);
        Path event = sqsBatchFor(ROOT.resolve("events/line-jobs.json"), reader.readerId());
        fakes.outbox().clear();

        Run run = run("line-sender", "jp.yorisoi.functions.linesender.LineSenderHandler", event,
                env(tables, LocalQueues.create()));

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("RESULT {\"batchItemFailures\":[]}"), run.output());
        List<SandboxMessage> sent = fakes.outbox().messages();
        assertEquals(1, sent.size(), run.output());
        assertEquals("push", sent.getFirst().kind());
        assertEquals("U0a0b0c0d0e0f0a0b0c0d0e0f0a0b0c0d", sent.getFirst().recipient());
        assertTrue(ssm.asked().contains("/yorisoi/dev/line/demo/channel-token"), ssm.asked().toString());
    }

    @Test
    void theMailSenderJarMailsTheSampleJobThroughSesWithTheSecretFromSsm() throws Exception {
        LocalTables tables = demoTown();
        Reader reader = new DynamoReaderStore(tables.dynamo(), tables.readers()).save(
                Reader.newcomer("demo", Channel.EMAIL, "parent@example.jp", Instant.EPOCH)
                        .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE)
                        .withChildren(List.of(Child.expected("c1", LocalDate.parse("2027-03-01")))));
        Path event = sqsBatchFor(ROOT.resolve("events/mail-jobs.json"), reader.readerId());
        fakes.outbox().clear();

        Map<String, String> env = env(tables, LocalQueues.create());
        env.put("MAIL_PAGES_BASE_URL", "https://abc.execute-api.ap-northeast-1.amazonaws.com/dev");
        Run run = run("mail-sender", "jp.yorisoi.functions.mailsender.MailSenderHandler", event, env);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("RESULT {\"batchItemFailures\":[]}"), run.output());
        List<SandboxMessage> sent = fakes.outbox().messages();
        assertEquals(1, sent.size(), run.output());
        assertEquals(List.of("parent@example.jp"), sent.getFirst().email().to());
        assertTrue(ssm.asked().contains("/yorisoi/dev/mail/link-secret"), ssm.asked().toString());
    }

    @Test
    void theMailFeedbackJarStopsMailToAReaderWhoseAddressBouncedForGood() throws Exception {
        LocalTables tables = demoTown();
        DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers());
        Reader reader = readers.save(Reader.newcomer("demo", Channel.EMAIL, "bounce@example.jp", Instant.EPOCH)
                .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE)
                .withChildren(List.of(Child.expected("c1", LocalDate.parse("2027-03-01")))));

        Run run = run("mail-feedback", "jp.yorisoi.functions.mailfeedback.MailFeedbackHandler",
                ROOT.resolve("events/ses-bounce-permanent.json"), env(tables, LocalQueues.create()));

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("RESULT [\"STOPPED\"]"), run.output());
        assertEquals(ReaderStatus.UNREACHABLE, readers.find("demo", reader.readerId()).orElseThrow().status());
    }

    @Test
    void theWebhookJarVerifiesTheSignatureWithTheSecretFromSsmAndRepliesToAFollow() throws Exception {
        LocalTables tables = demoTown();
        JsonNode sample = JSON.readTree(ROOT.resolve("events/line-follow.json").toFile());
        // the sample is the event API Gateway delivers, or the LINE body alone: either way, signed with our secret
        ObjectNode request = sample.has("requestContext") ? (ObjectNode) sample
                : httpApiEvent("POST", "/webhook/demo", "POST /webhook/{municipalityId}",
                        Map.of("municipalityId", "demo"), Map.of("content-type", "application/json; charset=utf-8"),
                        JSON.writeValueAsString(sample));
        String body = request.path("body").asText();
        ((ObjectNode) request.path("headers")).put("x-line-signature", signature(body));
        String replyToken = JSON.readTree(body).path("events").get(0).path("replyToken").asText();
        fakes.outbox().clear();
        fakes.outbox().rememberReplyToken(replyToken, "U8e4b0c2a7d6f41e3b9a5c0d1e2f3a4b5");
        Path event = write(request);

        Run run = run("line-webhook", "jp.yorisoi.functions.linewebhook.LineWebhookHandler", event,
                env(tables, LocalQueues.create()));

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("RESULT {\"statusCode\":200"), run.output());
        List<SandboxMessage> sent = fakes.outbox().messages();
        assertEquals(1, sent.size(), run.output());
        assertEquals("reply", sent.getFirst().kind());
        assertTrue(new DynamoReaderStore(tables.dynamo(), tables.readers(),
                        new ReaderIds(READER_ID_KEY.getBytes(StandardCharsets.UTF_8))).findByAddress("demo", Channel.LINE, "U8e4b0c2a7d6f41e3b9a5c0d1e2f3a4b5").isPresent(), run.output());
    }

    @Test
    void theAdminJarTakesTheCallerFromTheVerifiedClaimsAuditsAndHandsTheRunToTheFanOutFunction() throws Exception {
        LocalTables tables = demoTown();
        LocalQueues queues = LocalQueues.create();
        lineReader(tables);
        // today in Tokyo, inside the deployed catch-up window whenever the test runs
        String today = LocalDate.now(ProgramSchedule.ZONE).toString();
        WireMockServer lambda = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        lambda.start();
        try {
            lambda.stubFor(WireMock.post(WireMock.urlPathMatching("/2015-03-31/functions/.*/invocations"))
                    .willReturn(WireMock.aResponse().withStatus(202)));
            Map<String, String> env = env(tables, queues);
            env.put("AWS_ENDPOINT_URL_LAMBDA", lambda.baseUrl());
            env.put("FAN_OUT_FUNCTION", "yorisoi-dev-FanOutFunction");
            env.put("AUDIT_TABLE", tables.names().get("AuditTable"));
            env.put("STAFF_USER_POOL_ID", "ap-northeast-1_Unused01"); // read at start; the sample run needs no account

            Run run = run("admin-api", "jp.yorisoi.functions.admin.AdminApiHandler",
                    runOf(ROOT.resolve("events/admin-runs.json"), LocalDate.parse(today)), env);

            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("RESULT {\"statusCode\":202"), run.output());
            assertTrue(run.output().contains("\\\"readers\\\":1"), run.output());
            lambda.verify(1, WireMock.postRequestedFor(
                            WireMock.urlEqualTo("/2015-03-31/functions/yorisoi-dev-FanOutFunction/invocations"))
                    .withHeader("X-Amz-Invocation-Type", WireMock.equalTo("Event"))
                    .withRequestBody(WireMock.equalToJson(
                            "{\"catchUp\":{\"municipalityId\":\"demo\",\"date\":\"" + today + "\"}}")));
            // the fan-out function enqueues, not the admin API
            assertEquals(List.of(), queues.allJobs());
            // the sample's claims, as the JWT authorizer passed them, are the caller: no token of its own to look up
            assertTrue(ssm.asked().stream().noneMatch(name -> name.contains("/admin/")), ssm.asked().toString());
            assertEquals(1, tables.dynamo().scan(b -> b.tableName(tables.names().get("AuditTable"))).count());
        } finally {
            lambda.stop();
        }
    }

    private static LocalTables demoTown() {
        LocalTables tables = LocalTables.create();
        ContentDirectory.read(ROOT.resolve("content")).writeTo(new DynamoCatalogue(tables.dynamo(), tables.content()),
                new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()), Instant.EPOCH);
        return tables;
    }

    private static Reader lineReader(LocalTables tables) {
        return new DynamoReaderStore(tables.dynamo(), tables.readers()).save(
                Reader.newcomer("demo", Channel.LINE, "U0a0b0c0d0e0f0a0b0c0d0e0f0a0b0c0d", Instant.EPOCH)
                        .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE)
                        .withChildren(List.of(Child.expected("c1", LocalDate.parse("2027-03-01")))));
    }

    /** The sample run request for {@code date} instead of the sample's own day. */
    private Path runOf(Path sample, LocalDate date) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(sample.toFile());
        ObjectNode body = (ObjectNode) JSON.readTree(event.path("body").asText());
        body.put("date", date.toString());
        String text = JSON.writeValueAsString(body);
        event.put("body", text);
        ((ObjectNode) event.path("headers")).put("content-length",
                Integer.toString(text.getBytes(StandardCharsets.UTF_8).length));
        return write(event);
    }

    /** The sample batch with its first job addressed to {@code readerId}, the reader this test stored. */
    private Path sqsBatchFor(Path sample, String readerId) throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(sample.toFile());
        ObjectNode first = (ObjectNode) batch.path("Records").get(0);
        ObjectNode job = (ObjectNode) JSON.readTree(first.path("body").asText());
        job.put("readerId", readerId);
        first.put("body", JSON.writeValueAsString(job));
        return write(batch);
    }

    private static ObjectNode httpApiEvent(String method, String path, String route, Map<String, String> pathParameters,
            Map<String, String> headers, String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", route).put("rawPath", path).put("rawQueryString", "");
        event.set("headers", JSON.valueToTree(headers));
        event.set("pathParameters", JSON.valueToTree(pathParameters));
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", route).put("stage", "$default").put("requestId", "r-1");
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "192.0.2.1");
        event.put("body", body).put("isBase64Encoded", false);
        return event;
    }

    private static String signature(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(CHANNEL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Path write(JsonNode event) throws Exception {
        Path file = Files.createTempFile(temp, "event", ".json");
        JSON.writeValue(file.toFile(), event);
        return file;
    }

    private static Map<String, String> env(LocalTables tables, LocalQueues queues) {
        Map<String, String> env = new HashMap<>(tables.environment());
        env.putAll(queues.environment());
        env.put("LINE_API_BASE_URL", fakes.baseUri() + LocalServer.LINE_API_PREFIX + "/");
        env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SESV2", fakes.baseUri().toString());
        return env;
    }

    private record Run(int exitCode, String output) {}

    private static Run run(String function, String handler, Path event, Map<String, String> env) throws Exception {
        Path jar = ROOT.resolve("functions/" + function + "/target/function.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: ./run-tests (mvn verify) builds the function jars");
        Path probe = Path.of(JarProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // Lambda's Java runtime brings its own event serialization; the function's jar brings everything else.
        Path runtime = Path.of(LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + File.pathSeparator + probe + File.pathSeparator + runtime, JarProbe.class.getName(),
                handler, event.toString())
                .redirectErrorStream(true);
        Map<String, String> environment = process.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.equals("ADMIN_TOKEN")
                || name.equals("MAIL_LINK_SECRET"));
        environment.putAll(env);
        environment.put("AWS_REGION", "ap-northeast-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamo.shared().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", LocalSqs.shared().endpoint().toString());
        environment.put("STAGE", "dev");
        environment.put("POWERTOOLS_SERVICE_NAME", function);
        environment.put("POWERTOOLS_METRICS_NAMESPACE", "yorisoi");
        // as Lambda sets it for an on-demand container; Powertools' cold_start reads it
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!started.waitFor(2, TimeUnit.MINUTES)) {
            started.destroyForcibly();
            throw new AssertionError("the " + function + " jar did not finish:\n" + output);
        }
        assertFalse(output.contains("NoClassDefFoundError") || output.contains("ClassNotFoundException"),
                "a class is missing from the " + function + " jar:\n" + output);
        return new Run(started.exitValue(), output);
    }
}
