package jp.yorisoi.functions.mailsender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryJobJson;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.stubs.DeliveryRig;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.SesStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample batch through MailSenderHandler on empty tables in DynamoDB Local, with SES as a stub. */
class MailSenderHandlerIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));

    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();

    final DeliveryRig rig = DeliveryRig.start(LINE, SES);
    final List<String> counted = new CopyOnWriteArrayList<>();
    final MailSenderHandler handler = new MailSenderHandler(rig.deliveries(rig.ledger, counted::add, CLOCK),
            counted::add, () -> {});

    @AfterEach
    void closeRig() {
        rig.close();
    }

    @AfterAll
    static void stopStubs() {
        LINE.close();
        SES.close();
    }

    @Test
    void aMalformedJobIsDroppedAndAJobForAGoneReaderSendsAndWritesNothing() {
        SQSEvent event = EventLoader.loadSQSEvent("../../events/mail-jobs.json");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(Set.of(DeliveryMetrics.READER_GONE, DeliveryMetrics.MALFORMED_JOB), Set.copyOf(counted));
        assertEquals(List.of(), rig.ses.sent());
        assertEquals(List.of(), rig.ledgerEntries());
    }
}
