package jp.yorisoi.functions.linesender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.delivery.DeliveryContent;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryJobJson;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.RetryableSendException;
import jp.yorisoi.delivery.UnsubscribeLinks;
import jp.yorisoi.delivery.fakes.InMemoryLedger;
import jp.yorisoi.delivery.fakes.InMemoryMunicipalityStore;
import jp.yorisoi.delivery.fakes.InMemoryReaderStore;
import jp.yorisoi.delivery.fakes.RecordingLine;
import jp.yorisoi.delivery.fakes.RecordingMail;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import org.junit.jupiter.api.Test;

class LineSenderHandlerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    final InMemoryReaderStore readers = new InMemoryReaderStore(10);
    final InMemoryMunicipalityStore municipalities = new InMemoryMunicipalityStore();
    final InMemoryLedger ledger = new InMemoryLedger();
    final RecordingLine line = new RecordingLine();
    final List<String> counted = new CopyOnWriteArrayList<>();
    final DeliveryContent oneLine = new DeliveryContent() {
        @Override
        public DayMessage messageFor(DeliveryJob job, Reader reader, Municipality municipality) {
            return new DayMessage(List.of(new DayMessage.Part(DayMessage.PartKind.BASE, "c1", "【生後45日】", "C45")));
        }

        @Override
        public List<String> lineTexts(DayMessage message) {
            return List.of("【生後45日】\nC45");
        }

        @Override
        public MailContent mail(DayMessage message, Municipality municipality, String unsubscribeUrl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> childrenAskedAboutBirth(DeliveryJob job, Reader reader, Municipality municipality) {
            return List.of();
        }
    };
    final LineSenderHandler handler = new LineSenderHandler(new DeliveryService(readers, municipalities, oneLine, ledger,
            line, new RecordingMail(), new UnsubscribeLinks("https://u.example.jp/u",
                    "0123456789abcdef".getBytes(StandardCharsets.UTF_8)), counted::add, CLOCK), counted::add, () -> {});

    LineSenderHandlerTest() {
        municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "", Plan.FULL, 3, 8, List.of("ja"), null, true));
    }

    @Test
    void aMalformedJobIsDroppedAndCountedAndAJobForAGoneReaderIsSettledWithoutAPush() {
        SQSEvent event = EventLoader.loadSQSEvent("../../events/line-jobs.json");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(1, counted.stream().filter(DeliveryMetrics.MALFORMED_JOB::equals).count());
        assertEquals(List.of(), line.pushes());
    }

    @Test
    void onlyTheItemThatFailedRetryablyIsReportedBack() {
        Reader first = readers.save(Reader.newcomer("demo", Channel.LINE, "U1", CLOCK.instant())
                .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.born("c1", DAY.minusDays(45)))));
        Reader second = readers.save(Reader.newcomer("demo", Channel.LINE, "U2", CLOCK.instant())
                .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.born("c1", DAY.minusDays(45)))));
        AtomicInteger calls = new AtomicInteger();
        line.then(() -> {
            calls.incrementAndGet();
            throw new RetryableSendException("429", null);
        });

        SQSBatchResponse response = handler.handleRequest(event(first, second), null);

        assertEquals(1, calls.get());
        assertEquals(2, line.pushes().size());
        assertEquals(1, response.getBatchItemFailures().size());
        String failedReader = response.getBatchItemFailures().getFirst().getItemIdentifier().substring(2);
        assertEquals(Optional.of(DeliveryStatus.SENDING), ledger.find("demo", failedReader, DAY.toString()).map(e -> e.status()));
        String otherReader = failedReader.equals(first.readerId()) ? second.readerId() : first.readerId();
        assertEquals(Optional.of(DeliveryStatus.SENT), ledger.find("demo", otherReader, DAY.toString()).map(e -> e.status()));
        assertTrue(counted.contains(DeliveryMetrics.RETRYABLE_FAILURE));
    }

    static SQSEvent event(Reader... readers) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>();
        for (Reader reader : readers) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + reader.readerId());
            message.setBody(DeliveryJobJson.write(DeliveryJob.daily("demo", reader.readerId(), Channel.LINE, DAY)));
            records.add(message);
        }
        event.setRecords(records);
        return event;
    }
}
