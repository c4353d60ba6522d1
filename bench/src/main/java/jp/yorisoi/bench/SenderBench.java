package jp.yorisoi.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.SenderHandler;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.QueueDriver;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Benchmark 3, the sender: N LINE readers' jobs put on the LINE job queue by the real fan-out, then handed in SQS
 * batches of 10 (as the event source mapping hands them) to the sender handler as line-sender wires it
 * ({@link SenderHandler} over {@link DeliveryWiring#lineDeliveries}: ledger in DynamoDB Local, pushes through the
 * official LINE SDK) by {@value #POLLERS} callers at once, against a loopback {@link LineStub}. The batches are
 * received before the clock starts and never deleted: receiving and deleting is the poller's work, not the
 * function's. That rate is set against the raw rate of OkHttp — the HTTP client the LINE SDK uses — posting the
 * same push bodies to the same stub at the same number of requests in flight ({@value #POLLERS} batches × 10
 * jobs, each on a virtual thread of {@code SqsJobBatch}).
 *
 * <p>{@code java jp.yorisoi.bench.SenderBench [readers]} prints its rows.
 */
public final class SenderBench {

    static final String NAME = "3 sender";
    static final int POLLERS = 8;
    static final int BATCH = 10;
    private static final int WARM_UP = 500;
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Bench.print(run(args.length > 0 ? Integer.parseInt(args[0]) : 2_000, BenchTown.TOWNS),
                "SenderBench " + String.join(" ", args));
        System.exit(0);
    }

    public static List<Row> run(int readers, int towns) throws Exception {
        LocalTables tables = LocalTables.create();
        LocalQueues queues = LocalQueues.create();
        BenchTown town = BenchTown.create(tables.dynamo(), towns, tables.municipalities(), tables.content(), tables.readers());
        town.addReaders(0, readers);
        try (LineStub line = new LineStub()) {
            Map<String, String> env = new HashMap<>(tables.environment());
            env.putAll(queues.environment());
            env.put("LINE_API_BASE_URL", line.endpoint().toString());
            env.put("AWS_REGION", "ap-northeast-1");
            env.put("STAGE", "dev");
            env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
            int planned = DeliveryWiring.withClients(env, DeliveryMetrics.NONE, tables.dynamo(), queues.sqs(), null)
                    .fanOut().run(BenchTown.DAY, Optional.empty(), BenchTown.DELIVERY_HOUR).total();
            List<SQSEvent> batches = receiveAll(queues);
            int jobs = batches.stream().mapToInt(b -> b.getRecords().size()).sum();
            if (planned != readers || jobs != readers) {
                throw new IllegalStateException(planned + " jobs planned and " + jobs + " received for " + readers
                        + " readers");
            }

            OkHttpClient raw = new OkHttpClient();
            // the stub (WireMock) and OkHttp warm up before either measurement, then the stub forgets them
            List<byte[]> warmUp = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) {
                warmUp.add(body(String.format("W%032x", i), List.of("warm-up")));
            }
            rawPushes(raw, line, warmUp);
            line.reset();

            Map<String, StaticChannelCredentials.Credentials> tokens = new HashMap<>();
            for (int t = 0; t < towns; t++) {
                tokens.put(BenchTown.townId(t), new StaticChannelCredentials.Credentials("secret", "token-" + t));
            }
            DeliveryService deliveries = DeliveryWiring.withClients(env, DeliveryMetrics.NONE, tables.dynamo(),
                    queues.sqs(), new StaticChannelCredentials(tokens)).lineDeliveries();
            // line-sender's LineSenderHandler is exactly this: SenderHandler over lineDeliveries()
            SenderHandler handler = new SenderHandler(deliveries, DeliveryMetrics.NONE, () -> { }) { };
            Queue<SQSEvent> pending = new ConcurrentLinkedQueue<>(batches);
            AtomicInteger redelivered = new AtomicInteger();
            long senderNanos = concurrently(POLLERS, () -> {
                for (SQSEvent event; (event = pending.poll()) != null; ) {
                    SQSBatchResponse response = handler.handleRequest(event, null);
                    // a job reported failed (a LINE time-out on a loaded machine) comes back as SQS would send it
                    Set<String> failed = response.getBatchItemFailures().stream()
                            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
                    if (!failed.isEmpty()) {
                        if (redelivered.addAndGet(failed.size()) > readers) {
                            throw new IllegalStateException("more redeliveries than readers: the sender is failing");
                        }
                        SQSEvent again = new SQSEvent();
                        again.setRecords(event.getRecords().stream()
                                .filter(m -> failed.contains(m.getMessageId())).toList());
                        pending.add(again);
                    }
                }
            });
            List<LineStub.Accepted> accepted = line.accepted();
            int requests = line.requests();
            if (accepted.size() != readers) {
                throw new IllegalStateException(accepted.size() + " pushes accepted in " + requests
                        + " requests for " + readers + " readers");
            }

            List<byte[]> bodies = new ArrayList<>();
            for (LineStub.Accepted push : accepted) {
                bodies.add(body(push.to(), push.texts()));
            }
            line.reset();
            long rawNanos = rawPushes(raw, line, bodies);
            if (line.accepted().size() != readers) {
                throw new IllegalStateException(line.accepted().size() + " raw pushes accepted of " + readers);
            }
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();

            double senderRate = readers * 1e9 / senderNanos;
            double rawRate = readers * 1e9 / rawNanos;
            String who = String.format(" (%,d readers, %d towns, %d batches of ≤ %d at once)", readers, towns, POLLERS,
                    BATCH);
            return List.of(
                    Row.info(NAME, "deliveries/s through SenderHandler + DeliveryService" + who,
                            String.format("%,.0f (%.2f s)", senderRate, senderNanos / 1e9)),
                    Row.info(NAME, "raw OkHttp pushes/s of the same bodies to the same stub (" + POLLERS * BATCH
                            + " in flight)", String.format("%,.0f (%.2f s)", rawRate, rawNanos / 1e9)),
                    Row.atLeast(NAME, "sender rate / raw HTTP rate", senderRate / rawRate, 0.7, "%.2f"),
                    Row.info(NAME, "LINE requests per push accepted (above 1: retries after time-outs)",
                            String.format("%.3f (%d jobs redelivered)", (double) requests / readers,
                                    redelivered.get())));
        }
    }

    /** Every job on the LINE queue, in batches of up to 10 as the event source mapping hands them over. */
    private static List<SQSEvent> receiveAll(LocalQueues queues) {
        String url = queues.url("LineJobQueue");
        List<SQSEvent> batches = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            List<Message> messages = queues.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(BATCH)
                    .waitTimeSeconds(0).visibilityTimeout(3600)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            if (messages.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            SQSEvent event = QueueDriver.toEvent(url, messages);
            batches.add(event);
        }
        return batches;
    }

    /** Posts each body once with a fresh retry key from POLLERS × BATCH threads; returns the nanoseconds taken. */
    private static long rawPushes(OkHttpClient client, LineStub line, List<byte[]> bodies) throws Exception {
        Queue<byte[]> pending = new ConcurrentLinkedQueue<>(bodies);
        String url = line.endpoint() + "/v2/bot/message/push";
        return concurrently(POLLERS * BATCH, () -> {
            for (byte[] body; (body = pending.poll()) != null; ) {
                Request request = new Request.Builder().url(url)
                        .header("Authorization", "Bearer token-0")
                        .header("X-Line-Retry-Key", UUID.randomUUID().toString())
                        .post(RequestBody.create(body, JSON_TYPE)).build();
                try (Response response = client.newCall(request).execute()) {
                    if (response.code() != 200) {
                        throw new IllegalStateException("raw push answered " + response.code());
                    }
                    response.body().bytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
    }

    private static long concurrently(int threads, Runnable work) throws InterruptedException {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> started = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : started) {
            thread.join();
        }
        long nanos = System.nanoTime() - start;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the benchmark's calls failed", failures.getFirst());
        }
        return nanos;
    }

    private static byte[] body(String to, List<String> texts) throws Exception {
        List<Map<String, Object>> messages = new ArrayList<>();
        texts.forEach(text -> messages.add(Map.of("type", "text", "text", text)));
        return JSON.writeValueAsBytes(Map.of("to", to, "messages", messages, "notificationDisabled", false));
    }

    private SenderBench() {
    }
}
