package jp.yorisoi.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import jp.yorisoi.reader.Channel;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Puts delivery jobs on the SQS queue of their channel with SendMessageBatch (10 per call, several calls in
 * flight). A batch can partly fail; only the failed entries are sent again, a bounded number of times.
 */
public final class SqsJobQueue implements JobQueue {

    static final int BATCH_SIZE = 10;

    private final SqsClient sqs;
    private final Map<Channel, String> queueUrls;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final int parallelBatches;

    public SqsJobQueue(SqsClient sqs, Map<Channel, String> queueUrls) {
        this(sqs, queueUrls, new Backoff(5, Duration.ofMillis(50), Duration.ofSeconds(2), ThreadLocalRandom.current()),
                Sleeper.REAL, 8);
    }

    public SqsJobQueue(SqsClient sqs, Map<Channel, String> queueUrls, Backoff backoff, Sleeper sleeper,
            int parallelBatches) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrls = new EnumMap<>(queueUrls);
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.parallelBatches = parallelBatches;
    }

    @Override
    public void enqueue(List<DeliveryJob> jobs) {
        List<Batch> batches = new ArrayList<>();
        Map<Channel, List<DeliveryJob>> byChannel = new EnumMap<>(Channel.class);
        for (DeliveryJob job : jobs) {
            byChannel.computeIfAbsent(job.channel(), c -> new ArrayList<>()).add(job);
        }
        byChannel.forEach((channel, channelJobs) -> {
            String url = queueUrls.get(channel);
            if (url == null) {
                throw new IllegalStateException("no job queue configured for " + channel);
            }
            for (int i = 0; i < channelJobs.size(); i += BATCH_SIZE) {
                batches.add(new Batch(url, channelJobs.subList(i, Math.min(i + BATCH_SIZE, channelJobs.size()))));
            }
        });
        if (batches.size() <= 1 || parallelBatches <= 1) {
            batches.forEach(this::send);
            return;
        }
        sendInParallel(batches);
    }

    private void sendInParallel(List<Batch> batches) {
        Semaphore permits = new Semaphore(parallelBatches);
        List<Runnable> sends = new ArrayList<>();
        for (Batch batch : batches) {
            sends.add(() -> {
                permits.acquireUninterruptibly();
                try {
                    send(batch);
                } finally {
                    permits.release();
                }
            });
        }
        VirtualThreads.runAll(sends, "interrupted while enqueueing");
    }

    private void send(Batch batch) {
        List<SendMessageBatchRequestEntry> pending = new ArrayList<>();
        for (int i = 0; i < batch.jobs().size(); i++) {
            pending.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(DeliveryJobJson.write(batch.jobs().get(i)))
                    .build());
        }
        for (int attempt = 1; ; attempt++) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(batch.queueUrl()).entries(pending));
            if (!response.hasFailed() || response.failed().isEmpty()) {
                return;
            }
            List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            if (attempt >= backoff.maxAttempts()) {
                throw new JobQueueException(failedIds.size() + " of " + batch.jobs().size()
                        + " jobs not accepted by the queue after " + attempt + " attempts: "
                        + response.failed().getFirst().code());
            }
            pending.removeIf(entry -> !failedIds.contains(entry.id()));
            sleeper.sleep(backoff.delayAfter(attempt));
        }
    }

    private record Batch(String queueUrl, List<DeliveryJob> jobs) {}

    /** Some jobs could not be enqueued; the caller's run must be repeated (the ledger makes that safe). */
    public static final class JobQueueException extends RuntimeException {
        public JobQueueException(String message) {
            super(message);
        }
    }
}
