package jp.yorisoi.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.LocalSqs;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Benchmark 1, the fan-out: N readers in 30 towns in DynamoDB Local, the real {@code FanOutService} (as
 * {@code DeliveryWiring} builds it) enqueueing them on ElasticMQ, against the raw SendMessageBatch rate of the same
 * ElasticMQ; then N more readers in the same towns and again. The emulators run in this JVM, the fan-out in a
 * {@link FanOutProbe} JVM of its own with a Lambda-sized heap ({@value #PROBE_HEAP}, SerialGC as the JVM picks
 * on a two-vCPU Lambda), so its peak live heap is the fan-out's alone.
 *
 * <p>{@code java jp.yorisoi.bench.FanOutBench [readers]} prints its rows; {@code scripts/bench} runs it beside
 * benchmark 2.
 */
public final class FanOutBench {

    static final String PROBE_HEAP = "-Xmx256m";
    static final String NAME = "1 fan-out";

    public static void main(String[] args) throws Exception {
        Bench.print(run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000, BenchTown.TOWNS), "FanOutBench " + String.join(" ", args));
        System.exit(0);
    }

    /** Measures at {@code readers} in {@code towns} towns and twice as many; returns the table rows. */
    public static List<Row> run(int readers, int towns) throws Exception {
        return measure(readers, towns).rows();
    }

    /** The rows, and the enqueue rate benchmark 5 works from: the larger run's. */
    record Result(List<Row> rows, NationalScale.FanOutFigures figures) {}

    static Result measure(int readers, int towns) throws Exception {
        LocalTables tables = LocalTables.create();
        BenchTown town = BenchTown.create(tables.dynamo(), towns, tables.municipalities(), tables.content(), tables.readers());
        List<Row> rows = new ArrayList<>();
        long load1 = town.addReaders(0, readers);
        Map<String, Long> first = probe(tables, readers);
        long load2 = town.addReaders(readers, 2 * readers);
        Map<String, Long> second = probe(tables, 2 * readers);

        for (Map<String, Long> r : List.of(first, second)) {
            long n = r.get("jobs");
            rows.add(Row.info(NAME, String.format("raw SendMessageBatch, %,d msgs (16 threads x 10)", n),
                    String.format("%,.0f msgs/s", rate(n, r.get("rawMillis")))));
            rows.add(Row.info(NAME, String.format("fan-out enqueue, %,d readers", n),
                    String.format("%,.0f jobs/s (%.1f s)", rate(n, r.get("fanMillis")), r.get("fanMillis") / 1000.0)));
            rows.add(Row.atLeast(NAME, String.format("fan-out rate / raw rate at %,d", n),
                    (double) r.get("rawMillis") / r.get("fanMillis"), 0.8, "%.2f×"));
            rows.add(Row.atMost(NAME, String.format("SQS SendMessageBatch per reader-day at %,d", n),
                    (double) r.get("sends") / n, 0.11, "%.3f"));
            rows.add(Row.info(NAME, String.format("fan-out peak live heap at %,d (of %s)", n, PROBE_HEAP),
                    String.format("%.1f MB (%.1f MB over its idle JVM)", mb(r.get("heapPeak")),
                            mb(r.get("heapPeak") - r.get("heapBaseline")))));
        }
        rows.add(Row.atMost(NAME, "time(2N) / time(N)", (double) second.get("fanMillis") / first.get("fanMillis"),
                2.1, "%.2f×"));
        double growth = (double) (second.get("heapPeak") - second.get("heapBaseline"))
                / Math.max(1, first.get("heapPeak") - first.get("heapBaseline"));
        rows.add(Row.atMost(NAME, "fan-out heap over idle JVM, 2N / N", growth, 1.2, "%.2f×"));
        rows.add(Row.info(NAME, "loading readers (BatchWriteItem, not the product)",
                String.format("%,d in %.1f s + %,d in %.1f s", readers, load1 / 1000.0, readers, load2 / 1000.0)));
        return new Result(rows, new NationalScale.FanOutFigures(second.get("jobs").intValue(),
                Math.max(1, second.get("fanMillis"))));
    }

    private static Map<String, Long> probe(LocalTables tables, int readers) throws IOException, InterruptedException {
        SqsClient sqs = LocalSqs.shared().client();
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                PROBE_HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FanOutProbe.class.getName(),
                "readers=" + readers,
                "dynamo=" + LocalDynamo.shared().endpoint(),
                "sqs=" + LocalSqs.shared().endpoint(),
                "readersTable=" + tables.readers(),
                "municipalitiesTable=" + tables.municipalities(),
                "contentTable=" + tables.content(),
                "ledgerTable=" + tables.ledger()));
        for (String queue : List.of("warmQueue", "rawQueue", "fanQueue", "heapQueue", "mailQueue")) {
            command.add(queue + "=" + sqs.createQueue(r -> r.queueName(prefix + queue)).queueUrl());
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Long> result = new HashMap<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).trim().split(" ")) {
                        String[] kv = pair.split("=");
                        result.put(kv[0], Long.parseLong(kv[1]));
                    }
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || !result.containsKey("jobs")) {
            throw new IllegalStateException("fan-out probe at " + readers + " readers failed (exit " + exit + ")");
        }
        for (String queue : List.of("warmQueue", "rawQueue", "fanQueue", "heapQueue", "mailQueue")) {
            sqs.deleteQueue(r -> r.queueUrl(command.stream().filter(c -> c.startsWith(queue + "=")).findFirst()
                    .orElseThrow().substring(queue.length() + 1)));
        }
        return result;
    }

    private static double rate(long count, long millis) {
        return count * 1000.0 / Math.max(1, millis);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
