package jp.yorisoi.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one SQS batch of delivery jobs for a sender function: the batch's readers read in one call, then each job on
 * its own virtual thread, and only the jobs that failed are reported back (ReportBatchItemFailures), so the rest
 * are not delivered again. A body that is not a job is dropped and counted: retrying it could never succeed.
 */
public final class SqsJobBatch {

    private static final Logger LOG = LoggerFactory.getLogger(SqsJobBatch.class);

    private final DeliveryService deliveries;
    private final DeliveryMetrics metrics;

    public SqsJobBatch(DeliveryService deliveries, DeliveryMetrics metrics) {
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    public SQSBatchResponse process(SQSEvent event) {
        List<SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<BatchItemFailure> failures = new ArrayList<>();
        Map<String, String> logging = HandlerLogging.current();
        Map<SQSMessage, DeliveryJob> jobs = new IdentityHashMap<>();
        for (SQSMessage message : messages) {
            read(message).ifPresent(job -> jobs.put(message, job));
        }
        Map<ReaderStore.Key, Optional<Reader>> readers = readersOf(jobs.values());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (SQSMessage message : messages) {
                DeliveryJob job = jobs.get(message);
                // each job logs under its SQS message id as correlation_id
                results.add(executor.submit(() -> HandlerLogging.onThisThread(logging, message.getMessageId(),
                        () -> job == null || deliver(job, readers))));
            }
            for (int i = 0; i < messages.size(); i++) {
                boolean delivered;
                try {
                    delivered = results.get(i).get();
                } catch (ExecutionException e) {
                    delivered = false;
                }
                if (!delivered) {
                    failures.add(BatchItemFailure.builder().withItemIdentifier(messages.get(i).getMessageId()).build());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering a batch", e);
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** The message's job; empty for a body that is not one, which is dropped and counted. */
    private Optional<DeliveryJob> read(SQSMessage message) {
        try {
            return Optional.of(DeliveryJobJson.read(message.getBody()));
        } catch (DeliveryJobJson.MalformedJobException e) {
            metrics.count(DeliveryMetrics.MALFORMED_JOB);
            LOG.error("dropping malformed job message {}: {}", message.getMessageId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The batch's readers in one read; when that read fails, each job reads its own reader and fails or succeeds
     * on its own, as it would without the batch read.
     */
    private Map<ReaderStore.Key, Optional<Reader>> readersOf(Collection<DeliveryJob> jobs) {
        if (jobs.size() < 2) {
            return Map.of();
        }
        try {
            return deliveries.readersOf(jobs);
        } catch (RuntimeException e) {
            LOG.warn("reading the batch's {} readers at once failed ({}); each job reads its own", jobs.size(),
                    e.getClass().getName());
            return Map.of();
        }
    }

    /** True when the job is done with (delivered or skipped); false to have SQS deliver it again. */
    private boolean deliver(DeliveryJob job, Map<ReaderStore.Key, Optional<Reader>> readers) {
        try {
            DeliveryService.Outcome outcome = deliveries.deliver(job, readers);
            // one line per job with its town and outcome: the dashboard's per-town counts are read from these
            LOG.info("delivery to reader {} of municipality {} for {}: {}", job.readerId(), job.municipalityId(),
                    job.deliveryKey(), outcome);
            return true;
        } catch (RetryableSendException e) {
            metrics.count(DeliveryMetrics.RETRYABLE_FAILURE);
            LOG.warn("delivery to reader {} of municipality {} for {} will be retried: {}", job.readerId(),
                    job.municipalityId(), job.deliveryKey(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // the exception's message may quote an address (SES does), so only its type and origin are logged
            LOG.error("delivery to reader {} of municipality {} for {} failed: {} at {}", job.readerId(),
                    job.municipalityId(), job.deliveryKey(), e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return false;
        }
    }
}
