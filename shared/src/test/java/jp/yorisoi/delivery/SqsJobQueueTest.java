package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import jp.yorisoi.reader.Channel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

class SqsJobQueueTest {

    static final Map<Channel, String> URLS = Map.of(Channel.LINE, "line-url", Channel.EMAIL, "mail-url");
    final List<SendMessageBatchRequest> calls = new CopyOnWriteArrayList<>();
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    SqsClient sqs(Function<SendMessageBatchRequest, List<String>> failIds) {
        return new SqsClient() {
            @Override
            public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
                calls.add(request);
                List<String> failing = failIds.apply(request);
                return SendMessageBatchResponse.builder()
                        .successful(request.entries().stream().map(SendMessageBatchRequestEntry::id)
                                .filter(id -> !failing.contains(id))
                                .map(id -> SendMessageBatchResultEntry.builder().id(id).messageId("m" + id).build())
                                .toList())
                        .failed(failing.stream().map(id -> BatchResultErrorEntry.builder().id(id)
                                .code("InternalError").senderFault(false).build()).toList())
                        .build();
            }

            @Override
            public String serviceName() {
                return "sqs";
            }

            @Override
            public void close() {}
        };
    }

    SqsJobQueue queue(SqsClient sqs) {
        return new SqsJobQueue(sqs, URLS, new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(100), new Random(1)),
                waits::add, 4);
    }

    static List<DeliveryJob> jobs(int count, Channel channel) {
        return IntStream.range(0, count)
                .mapToObj(i -> DeliveryJob.daily("demo", "L" + i, channel, LocalDate.of(2026, 11, 22)))
                .toList();
    }

    @Test
    void jobsGoInBatchesOfTenToTheQueueOfTheirChannel() {
        List<DeliveryJob> all = new ArrayList<>(jobs(23, Channel.LINE));
        all.addAll(jobs(4, Channel.EMAIL));

        queue(sqs(r -> List.of())).enqueue(all);

        assertEquals(4, calls.size());
        assertEquals(23, calls.stream().filter(c -> c.queueUrl().equals("line-url")).mapToInt(c -> c.entries().size()).sum());
        assertEquals(4, calls.stream().filter(c -> c.queueUrl().equals("mail-url")).mapToInt(c -> c.entries().size()).sum());
        assertEquals(10, calls.stream().mapToInt(c -> c.entries().size()).max().orElseThrow());
    }

    @Test
    void onlyTheFailedEntriesAreSentAgain() {
        List<Integer> call = new ArrayList<>();
        SqsClient flaky = sqs(r -> {
            call.add(1);
            return call.size() == 1 ? List.of("3", "7") : List.of();
        });

        queue(flaky).enqueue(jobs(10, Channel.LINE));

        assertEquals(2, calls.size());
        assertEquals(List.of("3", "7"), calls.get(1).entries().stream().map(SendMessageBatchRequestEntry::id).toList());
        assertEquals(1, waits.size());
    }

    @Test
    void entriesThatKeepFailingFailTheEnqueueAfterBoundedAttempts() {
        SqsClient broken = sqs(r -> List.of("0"));

        assertThrows(SqsJobQueue.JobQueueException.class, () -> queue(broken).enqueue(jobs(5, Channel.LINE)));
        assertEquals(3, calls.size());
    }
}
