package jp.yorisoi.functions.mailsender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.delivery.ComposedDeliveryContent;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.UnsubscribeLinks;
import jp.yorisoi.delivery.fakes.InMemoryLedger;
import jp.yorisoi.delivery.fakes.InMemoryMunicipalityStore;
import jp.yorisoi.delivery.fakes.InMemoryReaderStore;
import jp.yorisoi.delivery.fakes.RecordingMail;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import org.junit.jupiter.api.Test;

class MailSenderHandlerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @Test
    void aMalformedJobIsDroppedAndAJobForAGoneReaderIsSettledWithoutAMail() {
        InMemoryLedger ledger = new InMemoryLedger();
        RecordingMail mail = new RecordingMail();
        List<String> counted = new CopyOnWriteArrayList<>();
        MailSenderHandler handler = new MailSenderHandler(new DeliveryService(new InMemoryReaderStore(10),
                new InMemoryMunicipalityStore(), new ComposedDeliveryContent(new DayComposer(emptyCatalogue())),
                ledger, null, mail, new UnsubscribeLinks("https://u.example.jp/u",
                        "0123456789abcdef".getBytes(StandardCharsets.UTF_8)), counted::add, CLOCK), counted::add, () -> {});

        SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent("../../events/mail-jobs.json"), null);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(java.util.Set.of(DeliveryMetrics.SKIPPED, DeliveryMetrics.MALFORMED_JOB), java.util.Set.copyOf(counted));
        assertEquals(List.of(), mail.sent());
        assertEquals(List.of(DeliveryStatus.SKIPPED), ledger.all().stream().map(e -> e.status()).toList());
    }

    static jp.yorisoi.content.Catalogue emptyCatalogue() {
        return new jp.yorisoi.content.Catalogue() {
            @Override
            public java.util.Optional<String> daily(String owner, jp.yorisoi.schedule.Track track, int day, String language) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<String> birthday(String municipalityId, int years, String language) {
                return java.util.Optional.empty();
            }

            @Override
            public List<jp.yorisoi.content.CalendarMessage> calendar(String municipalityId, java.time.LocalDate date) {
                return List.of();
            }

            @Override
            public void importAll(java.util.Collection<jp.yorisoi.content.ContentEntry> entries) {}

            @Override
            public void saveCalendar(jp.yorisoi.content.CalendarMessage message) {}
        };
    }
}
