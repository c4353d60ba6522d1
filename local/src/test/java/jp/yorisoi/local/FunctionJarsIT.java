package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.LocalSqs;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar that `sam deploy` uploads, run as Lambda runs it: a JVM with only that jar, the handler built by
 * name from its environment. Catches what only packaging can break (a merged Log4j plugin cache, service files,
 * a class left out) before a deploy does. The jars are built by `./run-tests` (mvn verify) before this module.
 */
class FunctionJarsIT {

    private static final Path ROOT = ContentDirectory.inCheckout().orElseThrow().getParent();

    @Test
    void theFanOutJarEnqueuesTheTownsReadersFromTheScheduleSampleAndLogsJson() throws Exception {
        LocalTables tables = LocalTables.create();
        LocalQueues queues = LocalQueues.create();
        new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()).save(new Municipality("demo", "デモ町",
                "デモ町より", "デモ町役場", Plan.FULL, 3, 8, List.of("ja"), null, true));
        Reader reader = new DynamoReaderStore(tables.dynamo(), tables.readers()).save(
                Reader.newcomer("demo", Channel.LINE, "U0a0b0c0d0e0f0a0b0c0d0e0f0a0b0c0d", Instant.EPOCH)
                        .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE)
                        .withChildren(List.of(Child.expected("c1", LocalDate.parse("2027-03-01")))));

        Run run = run("fan-out", "jp.yorisoi.functions.fanout.FanOutHandler", "events/fan-out-hourly.json", Map.of(
                "READERS_TABLE", tables.readers(),
                "MUNICIPALITIES_TABLE", tables.municipalities(),
                "LINE_JOB_QUEUE_URL", queues.url("LineJobQueue"),
                "MAIL_JOB_QUEUE_URL", queues.url("MailJobQueue"),
                "POWERTOOLS_SERVICE_NAME", "fan-out"));

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
    }

    private record Run(int exitCode, String output) {}

    private static Run run(String function, String handler, String event, Map<String, String> env)
            throws Exception {
        Path jar = ROOT.resolve("functions/" + function + "/target/function.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: ./run-tests (mvn verify) builds the function jars");
        Path probe = Path.of(JarProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + java.io.File.pathSeparator + probe, JarProbe.class.getName(), handler,
                ROOT.resolve(event).toString())
                .redirectErrorStream(true);
        Map<String, String> environment = process.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.putAll(env);
        environment.put("AWS_REGION", "ap-northeast-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamo.shared().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", LocalSqs.shared().endpoint().toString());
        environment.put("STAGE", "dev");
        // as Lambda sets it for an on-demand container; Powertools' cold_start reads it
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!started.waitFor(2, TimeUnit.MINUTES)) {
            started.destroyForcibly();
            throw new AssertionError("the " + function + " jar did not finish:\n" + output);
        }
        return new Run(started.exitValue(), output);
    }
}
