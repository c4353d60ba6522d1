package jp.yorisoi.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.LocalSqs;

/**
 * Benchmark 4, cold start: per function jar (functions/NAME/target/function.jar, built by mvn package), a fresh JVM
 * with only that jar (and the probe) from process start to the first completed handler call with the repo's sample
 * event, against DynamoDB Local and ElasticMQ in this JVM and a WireMock stub for SSM, LINE and SES; versus the
 * floor, a bare handler that builds one DynamoDB client and makes one GetItem in the same kind of JVM.
 *
 * <p>"primed" runs the function's SnapStart hooks ({@code Priming.checkpoint()}) in the same JVM after the handler
 * is built and then times the first call alone, compared with the floor's first GetItem timed the same way. This
 * approximates SnapStart, which restores a snapshot taken after init and the hooks: the restore itself is not
 * measured here.
 */
public final class ColdStartBench {

    public static final String NAME = "4 cold start";
    static final double TARGET = 1.3;

    /** function → handler class and sample event under events/. */
    static final Map<String, String[]> FUNCTIONS = new java.util.LinkedHashMap<>();
    static {
        FUNCTIONS.put("fan-out", new String[] {"jp.yorisoi.functions.fanout.FanOutHandler", "fan-out-hourly.json"});
        FUNCTIONS.put("line-sender", new String[] {"jp.yorisoi.functions.linesender.LineSenderHandler", "line-jobs.json"});
        FUNCTIONS.put("mail-sender", new String[] {"jp.yorisoi.functions.mailsender.MailSenderHandler", "mail-jobs.json"});
        FUNCTIONS.put("line-webhook", new String[] {"jp.yorisoi.functions.linewebhook.LineWebhookHandler", "line-follow.json"});
        FUNCTIONS.put("admin-api", new String[] {"jp.yorisoi.functions.admin.AdminApiHandler", "admin-runs.json"});
    }

    private ColdStartBench() {}

    /** Benchmark 4 alone: {@code scripts/bench-cold-start [function ...]} (all five by default). */
    public static void main(String[] args) throws Exception {
        List<String> functions = args.length == 0 ? List.copyOf(FUNCTIONS.keySet()) : List.of(args);
        Bench.print(run(functions), "scripts/bench-cold-start " + String.join(" ", args));
        System.exit(0);
    }

    record Launch(double processMs, double callMs, String result) {}

    public static List<Row> run(List<String> functions) throws Exception {
        Path root = root();
        LocalTables tables = LocalTables.create();
        LocalQueues queues = LocalQueues.create();
        WireMockServer stub = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
        try {
            stub.stubFor(WireMock.post(WireMock.urlEqualTo("/")).withHeader("X-Amz-Target", WireMock.containing("GetParameter"))
                    .willReturn(WireMock.okJson("{\"Parameter\":{\"Name\":\"p\",\"Type\":\"SecureString\","
                            + "\"Value\":\"a-bench-secret-long-enough-for-every-use\",\"Version\":1}}")));
            stub.stubFor(WireMock.any(WireMock.urlPathMatching("/line/.*")).willReturn(WireMock.okJson("{\"sentMessages\":[]}")));
            stub.stubFor(WireMock.any(WireMock.urlPathMatching("/v2/email/.*")).willReturn(WireMock.okJson("{\"MessageId\":\"m\"}")));
            Map<String, String> env = new HashMap<>(tables.environment());
            env.putAll(queues.environment());
            env.put("LINE_API_BASE_URL", stub.baseUrl() + "/line/");
            env.put("AWS_ENDPOINT_URL_SSM", stub.baseUrl());
            env.put("AWS_ENDPOINT_URL_SESV2", stub.baseUrl());
            env.put("AWS_ENDPOINT_URL_LAMBDA", stub.baseUrl());
            env.put("MAIL_PAGES_BASE_URL", "https://abc.execute-api.ap-northeast-1.amazonaws.com/dev");
            env.put("FAN_OUT_FUNCTION", "fan-out");
            env.put("AUDIT_TABLE", tables.names().get("AuditTable")); // the admin API audits the sample run
            env.put("FLOOR_TABLE", tables.readers());
            List<Row> rows = new ArrayList<>();
            // the floor runs on the fan-out jar's class path (the same SDK classes), first once to warm the disk cache
            Path floorJar = root.resolve("functions/fan-out/target/function.jar");
            launch(floorJar, "floor", null, false, env);
            Launch floor = launch(floorJar, "floor", null, false, env);
            rows.add(Row.info(NAME, "floor: JVM start → 1 client + 1 GetItem (ms)", String.format("%.0f", floor.processMs())));
            rows.add(Row.info(NAME, "floor: the GetItem call alone (ms)", String.format("%.0f", floor.callMs())));
            for (String function : functions) {
                String[] spec = FUNCTIONS.get(function);
                Path jar = root.resolve("functions/" + function + "/target/function.jar");
                Path event = root.resolve("events/" + spec[1]);
                Launch cold = launch(jar, spec[0], event, false, env);
                Launch primed = launch(jar, spec[0], event, true, env);
                rows.add(Row.atMost(NAME, function + ": JVM start → first call done, × floor (" + String.format("%.0f", cold.processMs())
                        + " ms; result " + cold.result() + ")", cold.processMs() / floor.processMs(), TARGET, "%.2f"));
                rows.add(Row.atMost(NAME, function + " primed: first call after the hooks, × floor's call ("
                        + String.format("%.0f", primed.callMs()) + " ms; unprimed call " + String.format("%.0f", cold.callMs())
                        + " ms)", primed.callMs() / floor.callMs(), TARGET, "%.2f"));
            }
            return rows;
        } finally {
            stub.stop();
        }
    }

    static Launch launch(Path jar, String handler, Path event, boolean prime, Map<String, String> env) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn package builds the function jars");
        }
        Path probe = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + File.pathSeparator + probe, ColdStartProbe.class.getName(), handler,
                event == null ? "-" : event.toString(), prime ? "prime" : "cold").redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.putAll(env);
        environment.put("AWS_REGION", "ap-northeast-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamo.shared().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", LocalSqs.shared().endpoint().toString());
        environment.put("STAGE", "dev");
        environment.put("POWERTOOLS_SERVICE_NAME", "bench");
        environment.put("POWERTOOLS_METRICS_NAMESPACE", "yorisoi-bench");
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        long start = System.nanoTime();
        Process process = builder.start();
        double callMs = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("CALL_MS ")) {
                    callMs = Double.parseDouble(line.substring(8));
                } else if (line.startsWith("RESULT ")) {
                    double processMs = (System.nanoTime() - start) / 1e6;
                    process.waitFor();
                    return new Launch(processMs, callMs, line.substring(7).replaceAll("\\s+", " "));
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        process.waitFor();
        throw new IllegalStateException(handler + " in " + jar.getFileName() + " made no call:\n" + output);
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("functions"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the checkout");
        }
        return dir;
    }
}
