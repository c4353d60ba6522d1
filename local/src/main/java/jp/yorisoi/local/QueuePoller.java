package jp.yorisoi.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Does locally what Lambda's SQS event source mapping does for a sender: receives up to 10 jobs, hands them
 * to the handler as one {@link SQSEvent}, deletes those that succeeded and leaves the reported
 * {@code batchItemFailures} to come back after the visibility timeout (and reach the DLQ after maxReceiveCount).
 */
public final class QueuePoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueuePoller.class);
    static final int BATCH_SIZE = 10;
    private static final Duration LONG_POLL = Duration.ofSeconds(1);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String functionName;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final String queueArn;
    private volatile boolean running;
    private Thread thread;

    public QueuePoller(SqsClient sqs, String queueUrl, String functionName,
                       RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.functionName = functionName;
        this.handler = handler;
        this.queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Polls on a virtual thread until {@link #close()}. */
    public synchronized QueuePoller start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofVirtual().name("poll-" + functionName).start(this::loop);
        }
        return this;
    }

    /**
     * One receive–invoke–delete round, waiting up to {@code wait} for messages. Returns how many messages were
     * handed to the handler (0 when the queue was empty).
     */
    public int pollOnce(Duration wait) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(BATCH_SIZE)
                .waitTimeSeconds((int) wait.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        Set<String> failed;
        try {
            SQSBatchResponse response = handler.handleRequest(event(messages), new LocalContext(functionName));
            failed = failures(response, messages);
        } catch (RuntimeException e) {
            // A thrown error fails the whole batch: every message comes back after its visibility timeout.
            log.error("{} failed on a batch of {} from {}", functionName, messages.size(), queueArn, e);
            return messages.size();
        }
        List<DeleteMessageBatchRequestEntry> done = messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
        return messages.size();
    }

    @Override
    public void close() {
        Thread polling;
        synchronized (this) {
            running = false;
            polling = thread;
        }
        if (polling != null) {
            try {
                polling.join(LONG_POLL.multipliedBy(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                pollOnce(LONG_POLL);
            } catch (RuntimeException e) {
                if (running) {
                    log.error("polling {} failed", queueArn, e);
                }
            }
        }
    }

    /** The ids to keep: the reported failures, or all of them when a failure names no message of the batch. */
    private static Set<String> failures(SQSBatchResponse response, List<Message> messages) {
        if (response == null || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> ids = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .collect(Collectors.toSet());
        return ids.containsAll(failed) ? failed : ids;
    }

    SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = messages.stream().map(this::record).toList();
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        record.setAttributes(attributes);
        Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            messageAttributes.put(name, attribute);
        });
        record.setMessageAttributes(messageAttributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion("ap-northeast-1");
        return record;
    }
}
