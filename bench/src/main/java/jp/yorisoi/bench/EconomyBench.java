package jp.yorisoi.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.SqsJobBatch;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.QueueDriver;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.LocalSqs;
import jp.yorisoi.testkit.RequestCounter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Benchmark 2, the request economy at scale: N readers in 30 towns through the hourly fan-out and the LINE
 * sender path as the functions wire them ({@link DeliveryWiring}, {@link SqsJobBatch}), every AWS call counted by
 * testkit's {@link RequestCounter} on the clients and every LINE request at a loopback {@link LineStub}. The
 * queue is drained the way Lambda's event source mapping does it (receive 10, hand over, delete) by
 * {@value #DRAINERS} drivers at once over one sender container's services; their receive and delete calls are
 * counted apart, since in AWS the poller makes them, not the function.
 *
 * <p>{@code java jp.yorisoi.bench.EconomyBench [readers]} prints its rows.
 */
public final class EconomyBench {

    static final String NAME = "2 request economy";
    static final int DRAINERS = 8;

    public static void main(String[] args) throws Exception {
        Bench.print(run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000, BenchTown.TOWNS), "EconomyBench " + String.join(" ", args));
        System.exit(0);
    }

    public static List<Row> run(int readers, int towns) throws Exception {
        LocalTables tables = LocalTables.create();
        LocalQueues queues = LocalQueues.create();
        RequestCounter counter = new RequestCounter();
        RequestCounter poller = new RequestCounter();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(LocalDynamo.shared().endpoint())
                .region(Region.AP_NORTHEAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
        SqsClient sqs = counted(counter, credentials);
        SqsClient pollerSqs = counted(poller, credentials);

        BenchTown town = BenchTown.create(tables.dynamo(), towns, tables.municipalities(), tables.content(), tables.readers());
        town.addReaders(0, readers);
        try (LineStub line = new LineStub()) {
            Map<String, String> env = new HashMap<>(tables.environment());
            env.putAll(queues.environment());
            env.put("LINE_API_BASE_URL", line.endpoint().toString());
            env.put("AWS_REGION", "ap-northeast-1");
            env.put("STAGE", "dev");
            env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
            counter.reset();

            long start = System.nanoTime();
            FanOutService.FanOutResult planned = DeliveryWiring.withClients(env, DeliveryMetrics.NONE, dynamo, sqs, null)
                    .fanOut().run(BenchTown.DAY, Optional.empty(), BenchTown.DELIVERY_HOUR);
            Map<String, StaticChannelCredentials.Credentials> tokens = new HashMap<>();
            for (int t = 0; t < towns; t++) {
                tokens.put(BenchTown.townId(t), new StaticChannelCredentials.Credentials("secret", "token-" + t));
            }
            DeliveryService deliveries = DeliveryWiring.withClients(env, DeliveryMetrics.NONE, dynamo, sqs,
                    new StaticChannelCredentials(tokens)).lineDeliveries();
            SqsJobBatch sender = new SqsJobBatch(deliveries, DeliveryMetrics.NONE);
            List<Thread> drainers = new ArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            for (int d = 0; d < DRAINERS; d++) {
                drainers.add(Thread.ofPlatform().start(() -> {
                    try {
                        new QueueDriver(pollerSqs).drain(queues.url("LineJobQueue"), sender::process);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread drainer : drainers) {
                drainer.join();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!failures.isEmpty()) {
                throw new IllegalStateException("draining the job queue failed", failures.getFirst());
            }
            if (planned.total() != readers || line.accepted().size() != readers) {
                throw new IllegalStateException(planned.total() + " jobs planned and " + line.accepted().size()
                        + " pushes accepted for " + readers + " readers");
            }
            return rows(readers, towns, counter, poller, line.requests(), line.accepted().size(), millis, tables);
        }
    }

    private static List<Row> rows(int readers, int towns, RequestCounter counter, RequestCounter poller, int lineRequests,
            int linePushes, long millis, LocalTables tables) {
        Map<String, Integer> byTable = new HashMap<>();
        counter.counts().forEach((key, count) -> {
            String logical = key;
            for (Map.Entry<String, String> table : tables.names().entrySet()) {
                if (key.endsWith(" " + table.getValue())) {
                    logical = key.substring(0, key.length() - table.getValue().length()) + table.getKey();
                }
            }
            byTable.merge(logical, count, Integer::sum);
        });
        double n = readers;
        int reads = sum(counter, "DynamoDb", "GetItem", "Query", "BatchGetItem");
        int writes = sum(counter, "DynamoDb", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");
        int scans = counter.count("DynamoDb", "Scan");
        int townScans = byTable.getOrDefault("DynamoDb Scan MunicipalitiesTable", 0);
        String who = String.format(" (%,d readers, %d towns)", readers, towns);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.atMost(NAME, "SQS SendMessageBatch per reader-day" + who,
                counter.count("Sqs", "SendMessageBatch") / n, 0.11, "%.3f"));
        rows.add(Row.info(NAME, "other SQS calls of our code per reader-day",
                String.format("%.3f", (sum(counter, "Sqs", "SendMessage", "ReceiveMessage", "DeleteMessage",
                        "DeleteMessageBatch", "ChangeMessageVisibility")) / n)));
        rows.add(Row.info(NAME, "SQS receive + delete by the event source poller per reader-day",
                String.format("%.3f", (poller.count("Sqs", "ReceiveMessage") + poller.count("Sqs", "DeleteMessageBatch"))
                        / n)));
        // a push is one request; a push retried after a time-out (same retry key, answered 409) is one more
        rows.add(Row.atMost(NAME, "LINE pushes accepted per reader-day", linePushes / n, 1.0, "%.3f"));
        rows.add(Row.atMost(NAME, "LINE requests per reader-day (retries after time-outs included)",
                lineRequests / n, 1.0, "%.3f"));
        rows.add(Row.info(NAME, "DynamoDB read calls per reader-day (GetItem, BatchGetItem, Query)", String.format("%.3f", reads / n)));
        rows.add(Row.info(NAME, "DynamoDB writes per reader-day", String.format("%.3f", writes / n)));
        rows.add(new Row(NAME, "DynamoDB Scans of readers, ledger, texts", Integer.toString(scans - townScans), "0",
                scans - townScans == 0 ? "met" : "MISSED"));
        rows.add(Row.info(NAME, "Scans of the towns table (one item per town, once per hourly run)",
                Integer.toString(townScans)));
        rows.add(Row.info(NAME, "every counted call", new java.util.TreeMap<>(byTable).toString()));
        rows.add(Row.info(NAME, "fan-out + delivery wall time (one sender container, 8 pollers)",
                String.format("%.1f s, %,.0f deliveries/s", millis / 1000.0, n * 1000 / Math.max(1, millis))));
        return rows;
    }

    private static int sum(RequestCounter counter, String service, String... operations) {
        int total = 0;
        for (String operation : operations) {
            total += counter.count(service, operation);
        }
        return total;
    }

    private static SqsClient counted(RequestCounter counter,
            software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        return SqsClient.builder().endpointOverride(LocalSqs.shared().endpoint())
                .region(Region.AP_NORTHEAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
    }
}
