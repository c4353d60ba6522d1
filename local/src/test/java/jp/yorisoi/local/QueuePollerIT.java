package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.yorisoi.testkit.LocalSqs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local stand-in for Lambda's SQS event source mapping, against ElasticMQ. */
class QueuePollerIT {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final AtomicInteger queues = new AtomicInteger();

    private static LocalSqs localSqs;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        localSqs = LocalSqs.start(0);
        sqs = localSqs.client();
    }

    @AfterAll
    static void stop() {
        localSqs.close();
    }

    /** A fresh queue; visibility 0 makes a message that was not deleted visible again at once. */
    private static String queue(int visibilitySeconds) {
        return sqs.createQueue(r -> r.queueName("PollerQueue" + queues.incrementAndGet())
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilitySeconds))))
                .queueUrl();
    }

    private static void send(String queueUrl, String body) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of("kind",
                MessageAttributeValue.builder().dataType("String").stringValue("job").build())));
    }

    /** Messages still in the queue, visible or in flight. */
    private static int remaining(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static SQSBatchResponse failing(List<String> messageIds) {
        return SQSBatchResponse.builder().withBatchItemFailures(messageIds.stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                .toList()).build();
    }

    @Test
    void handlerGetsTheMessagesAsOneSqsEventAndHandledOnesAreDeleted() {
        String queueUrl = queue(30);
        send(queueUrl, "{\"readerId\":\"L1\"}");
        send(queueUrl, "{\"readerId\":\"L2\"}");
        List<SQSEvent> events = new ArrayList<>();
        QueuePoller poller = new QueuePoller(sqs, queueUrl, "LineSenderFunction", (event, context) -> {
            events.add(event);
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        });

        assertEquals(2, poller.pollOnce(NO_WAIT));

        assertEquals(1, events.size());
        List<SQSEvent.SQSMessage> records = events.getFirst().getRecords();
        assertEquals(List.of("{\"readerId\":\"L1\"}", "{\"readerId\":\"L2\"}"),
                records.stream().map(SQSEvent.SQSMessage::getBody).sorted().toList());
        SQSEvent.SQSMessage record = records.getFirst();
        assertEquals("aws:sqs", record.getEventSource());
        assertTrue(record.getEventSourceArn().startsWith("arn:aws:sqs:"));
        assertTrue(record.getEventSourceArn().endsWith(":" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1)));
        assertEquals("1", record.getAttributes().get("ApproximateReceiveCount"));
        assertFalse(record.getReceiptHandle().isEmpty());
        assertEquals("job", record.getMessageAttributes().get("kind").getStringValue());
        assertEquals(0, remaining(queueUrl));
    }

    @Test
    void reportedFailuresStayAndComeBackWhileTheOthersAreDeleted() {
        String queueUrl = queue(0);
        send(queueUrl, "ok");
        send(queueUrl, "fails");
        List<SQSEvent.SQSMessage> seen = new ArrayList<>();
        QueuePoller poller = new QueuePoller(sqs, queueUrl, "LineSenderFunction", (event, context) -> {
            seen.addAll(event.getRecords());
            return failing(event.getRecords().stream()
                    .filter(m -> m.getBody().equals("fails")).map(SQSEvent.SQSMessage::getMessageId).toList());
        });

        assertEquals(2, poller.pollOnce(NO_WAIT));
        assertEquals(1, poller.pollOnce(NO_WAIT));

        SQSEvent.SQSMessage again = seen.getLast();
        assertEquals("fails", again.getBody());
        assertEquals("2", again.getAttributes().get("ApproximateReceiveCount"));
    }

    @Test
    void thrownErrorLeavesTheWholeBatchForItsVisibilityTimeout() {
        String queueUrl = queue(30);
        send(queueUrl, "a");
        send(queueUrl, "b");
        QueuePoller poller = new QueuePoller(sqs, queueUrl, "MailSenderFunction", (event, context) -> {
            throw new IllegalStateException("SES is down");
        });

        assertEquals(2, poller.pollOnce(NO_WAIT));

        assertEquals(2, remaining(queueUrl));
    }

    @Test
    void failureNamingNoMessageOfTheBatchFailsTheWholeBatch() {
        String queueUrl = queue(30);
        send(queueUrl, "a");
        QueuePoller poller = new QueuePoller(sqs, queueUrl, "LineSenderFunction",
                (event, context) -> failing(List.of("not-a-message-id")));

        poller.pollOnce(NO_WAIT);

        assertEquals(1, remaining(queueUrl));
    }

    @Test
    void emptyQueueDoesNotCallTheHandler() {
        String queueUrl = queue(30);
        QueuePoller poller = new QueuePoller(sqs, queueUrl, "LineSenderFunction", (event, context) -> {
            throw new AssertionError("called on an empty queue");
        });

        assertEquals(0, poller.pollOnce(NO_WAIT));
    }

    @Test
    void startedPollerDeliversUntilClosed() throws Exception {
        String queueUrl = queue(30);
        CountDownLatch delivered = new CountDownLatch(1);
        try (QueuePoller poller = new QueuePoller(sqs, queueUrl, "LineSenderFunction", (event, context) -> {
            delivered.countDown();
            return null;
        }).start()) {
            send(queueUrl, "job");
            assertTrue(delivered.await(10, TimeUnit.SECONDS));
        }
        assertEquals(0, remaining(queueUrl));
    }
}
