package jp.yorisoi.delivery.stubs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Feeds a queue to a handler the way Lambda's SQS event source mapping does: receive up to 10, hand them over as
 * an SQSEvent, delete all but the reported failures. A failure becomes visible again at once (standing in for
 * the visibility time-out running out), so its receive count grows until the queue's redrive policy moves it to
 * the dead-letter queue.
 */
public final class QueueDriver {

    private final SqsClient sqs;

    public QueueDriver(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** Runs until the queue is empty; returns how many batches were handed over. */
    public int drain(String queueUrl, Function<SQSEvent, SQSBatchResponse> handler) {
        int batches = 0;
        for (int emptyReceives = 0; emptyReceives < 2; ) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0)
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages();
            if (messages.isEmpty()) {
                emptyReceives++;
                continue;
            }
            emptyReceives = 0;
            batches++;
            if (batches > 10_000) {
                throw new IllegalStateException("queue never drained");
            }
            SQSBatchResponse response = handler.apply(toEvent(queueUrl, messages));
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .collect(Collectors.toSet());
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message message : messages) {
                if (failed.contains(message.messageId())) {
                    sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                            .visibilityTimeout(0));
                } else {
                    done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                            .receiptHandle(message.receiptHandle()).build());
                }
            }
            if (!done.isEmpty()) {
                sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
            }
        }
        return batches;
    }

    /** Message bodies waiting in a queue (for dead-letter queues; they are received and made visible again). */
    public List<String> peekBodies(String queueUrl) {
        List<String> bodies = new ArrayList<>();
        List<Message> seen = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(30)).messages();
            if (messages.isEmpty()) {
                break;
            }
            seen.addAll(messages);
            messages.forEach(m -> bodies.add(m.body()));
        }
        for (Message message : seen) {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                    .visibilityTimeout(0));
        }
        return bodies;
    }

    /** The batch as Lambda's SQS event source mapping hands it to the function. */
    public static SQSEvent toEvent(String queueUrl, List<Message> messages) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueUrl);
            record.setAttributes(Map.of("ApproximateReceiveCount",
                    message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")));
            records.add(record);
        }
        event.setRecords(records);
        return event;
    }
}
