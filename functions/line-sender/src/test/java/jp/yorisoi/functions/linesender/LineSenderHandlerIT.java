package jp.yorisoi.functions.linesender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.content.ContentEntry;
import jp.yorisoi.content.ContentKind;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryJobJson;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.stubs.DeliveryRig;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.SesStub;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One SQS batch through LineSenderHandler on the real stores (DynamoDB Local) and the LINE stub. */
class LineSenderHandlerIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();

    final DeliveryRig rig = DeliveryRig.start(LINE, SES);
    final List<String> counted = new CopyOnWriteArrayList<>();
    /** A generous LINE read time-out: these tests are about what the batch reports, not about slow answers. */
    final LineSenderHandler handler = new LineSenderHandler(
            rig.deliveries(rig.ledger, counted::add, CLOCK, Duration.ofSeconds(5)), counted::add, () -> {});

    LineSenderHandlerIT() {
        rig.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "", Plan.FULL, 3, 8, List.of("ja"), null, true));
        rig.catalogue.importAll(List.of(new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.CHILD, 45, "ja", "C45")));
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    @AfterAll
    static void stopStubs() {
        LINE.close();
        SES.close();
    }

    Reader reader(String lineUserId) {
        return rig.readers.save(Reader.newcomer("demo", Channel.LINE, lineUserId, CLOCK.instant())
                .withStatus(ReaderStatus.ACTIVE).withChildren(List.of(Child.born("c1", DAY.minusDays(45)))));
    }

    Optional<DeliveryStatus> ledgerStatus(String readerId) {
        return rig.ledger.find("demo", readerId, DAY.toString()).map(LedgerEntry::status);
    }

    @Test
    void aMalformedJobIsDroppedAndCountedAndAJobForAGoneReaderSendsAndWritesNothing() {
        SQSEvent event = EventLoader.loadSQSEvent("../../events/line-jobs.json");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(1, counted.stream().filter(DeliveryMetrics.MALFORMED_JOB::equals).count());
        assertEquals(1, counted.stream().filter(DeliveryMetrics.READER_GONE::equals).count());
        assertEquals(0, rig.line.requests());
        assertEquals(List.of(), rig.ledgerEntries());
    }

    @Test
    void onlyTheItemThatFailedRetryablyIsReportedBack() {
        Reader reached = reader("U1");
        Reader unreachable = reader("U2");
        rig.line.alwaysFailing("U2");

        SQSBatchResponse response = handler.handleRequest(event(reached, unreachable), null);

        assertEquals(List.of("m-" + unreachable.readerId()), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(List.of(List.of("【生後45日】\nC45")),
                rig.line.acceptedFor("U1").stream().map(LineStub.Accepted::texts).toList());
        assertFalse(rig.line.attemptsFor("U2").isEmpty());
        assertEquals(List.of(), rig.line.acceptedFor("U2"));
        assertEquals(Optional.of(DeliveryStatus.SENDING), ledgerStatus(unreachable.readerId()));
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reached.readerId()));
        assertTrue(counted.contains(DeliveryMetrics.RETRYABLE_FAILURE));
    }

    static SQSEvent event(Reader... readers) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
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
