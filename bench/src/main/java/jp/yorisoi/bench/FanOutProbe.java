package jp.yorisoi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryJobJson;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.testkit.RequestCounter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The fan-out side of benchmark 1, in a JVM of its own (Lambda-sized heap, the emulators elsewhere), so that its
 * heap is the fan-out's alone. In one JVM, one after the other: a warm-up of the SQS client, the raw SendMessageBatch rate (16
 * threads, batches of ten, the fan-out's own message bodies) to one queue, the timed fan-out through
 * {@link DeliveryWiring} to another, then the fan-out again to a third queue with a sampler that forces a GC
 * every 100 ms and keeps the highest used heap after it (the live set), which is not timed.
 *
 * <p>Arguments are {@code key=value}; prints one line {@code RESULT key=value ...}.
 */
public final class FanOutProbe {

    static final int RAW_THREADS = 16;
    static final int BATCH = 10;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int readers = Integer.parseInt(a.get("readers"));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(a.get("dynamo")))
                .region(Region.AP_NORTHEAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        // counts the fan-out's SendMessageBatch calls (testkit's interceptor; one count per call, no I/O)
        RequestCounter counter = new RequestCounter();
        SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(a.get("sqs")))
                .region(Region.AP_NORTHEAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();

        raw(sqs, a.get("warmQueue"), Math.min(readers, 5_000));

        long rawStart = System.nanoTime();
        raw(sqs, a.get("rawQueue"), readers);
        long rawNanos = System.nanoTime() - rawStart;

        counter.reset();
        long fanStart = System.nanoTime();
        int jobs = fanOut(dynamo, sqs, a, a.get("fanQueue"));
        long fanNanos = System.nanoTime() - fanStart;
        int sends = counter.count("Sqs", "SendMessageBatch");

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                memory.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        int heapJobs = fanOut(dynamo, sqs, a, a.get("heapQueue"));
        sampler.interrupt();
        sampler.join();
        if (jobs != readers || heapJobs != readers) {
            throw new IllegalStateException("the fan-out enqueued " + jobs + " and " + heapJobs + " jobs, not "
                    + readers);
        }
        System.out.printf("RESULT jobs=%d sends=%d rawMillis=%d fanMillis=%d heapBaseline=%d heapPeak=%d maxHeap=%d%n",
                jobs, sends, rawNanos / 1_000_000, fanNanos / 1_000_000, baseline, peak.get(),
                memory.getHeapMemoryUsage().getMax());
        System.exit(0);
    }

    private static int fanOut(DynamoDbClient dynamo, SqsClient sqs, Map<String, String> a, String lineQueue) {
        Map<String, String> env = new HashMap<>(Map.of(
                "READERS_TABLE", a.get("readersTable"),
                "MUNICIPALITIES_TABLE", a.get("municipalitiesTable"),
                "CONTENT_TABLE", a.get("contentTable"),
                "LEDGER_TABLE", a.get("ledgerTable"),
                "LINE_JOB_QUEUE_URL", lineQueue,
                "MAIL_JOB_QUEUE_URL", a.get("mailQueue"),
                "AWS_REGION", "ap-northeast-1",
                "STAGE", "dev"));
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        FanOutService.FanOutResult result = DeliveryWiring.withClients(env, DeliveryMetrics.NONE, dynamo, sqs, null)
                .fanOut().run(BenchTown.DAY, Optional.empty(), BenchTown.DELIVERY_HOUR);
        return result.total();
    }

    /** {@code messages} jobs in batches of ten from 16 threads: the queue's rate with nothing else to do. */
    static void raw(SqsClient sqs, String queueUrl, int messages) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        int batches = (messages + BATCH - 1) / BATCH;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < RAW_THREADS; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int b; (b = next.getAndIncrement()) < batches; ) {
                        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                        for (int i = b * BATCH; i < Math.min(messages, (b + 1) * BATCH); i++) {
                            String body = DeliveryJobJson.write(DeliveryJob.daily(BenchTown.townId(i % BenchTown.TOWNS),
                                    String.format("L%032x", i), Channel.LINE, BenchTown.DAY));
                            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                                    .messageBody(body).build());
                        }
                        var response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                        if (response.hasFailed() && !response.failed().isEmpty()) {
                            throw new IllegalStateException("raw batch not accepted");
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("raw sends failed", failures.getFirst());
        }
    }
}
