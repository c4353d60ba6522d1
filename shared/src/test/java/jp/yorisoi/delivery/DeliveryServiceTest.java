package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.content.DayMessage.PartKind;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.LineMessenger.PushOutcome;
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
import jp.yorisoi.reader.Role;
import org.junit.jupiter.api.Test;

class DeliveryServiceTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));

    final InMemoryReaderStore readers = new InMemoryReaderStore(100);
    final InMemoryMunicipalityStore municipalities = new InMemoryMunicipalityStore();
    final InMemoryLedger ledger = new InMemoryLedger();
    final RecordingLine line = new RecordingLine();
    final RecordingMail mail = new RecordingMail();
    final List<String> counted = new CopyOnWriteArrayList<>();
    final UnsubscribeLinks links = new UnsubscribeLinks("https://mail.example.jp/unsubscribe",
            "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    /** Content whose day is one part per active child; a child with id "ask" gets the birth question. */
    final DeliveryContent content = new DeliveryContent() {
        @Override
        public DayMessage messageFor(DeliveryJob job, Reader reader, Municipality municipality) {
            List<Part> parts = new ArrayList<>();
            for (Child child : reader.activeChildren()) {
                parts.add(child.childId().equals("ask")
                        ? new Part(PartKind.NOTICE, child.childId(), null, "生まれましたか？")
                        : new Part(PartKind.BASE, child.childId(), "【見出し】", "本文 " + child.childId()));
            }
            return new DayMessage(parts);
        }

        @Override
        public List<String> lineTexts(DayMessage message) {
            return message.parts().stream().map(Part::text).toList();
        }

        @Override
        public MailContent mail(DayMessage message, Municipality municipality, String unsubscribeUrl) {
            return new MailContent("件名", String.join("\n", lineTexts(message)) + "\n" + unsubscribeUrl, "<p>html</p>");
        }

        @Override
        public List<String> childrenAskedAboutBirth(DeliveryJob job, Reader reader, Municipality municipality) {
            return reader.activeChildren().stream().map(Child::childId).filter("ask"::equals).toList();
        }
    };

    DeliveryService service(Ledger ledgerToUse) {
        return new DeliveryService(readers, municipalities, content, ledgerToUse, line, mail, links, counted::add, CLOCK);
    }

    DeliveryService service() {
        return service(ledger);
    }

    DeliveryServiceTest() {
        municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "電話", Plan.FULL, 3, 8, List.of("ja"),
                "info@demo.example.jp", true));
    }

    Reader reader(Channel channel, String address, ReaderStatus status, Child... children) {
        Reader fresh = Reader.newcomer("demo", channel, address, CLOCK.instant())
                .withStatus(status).withRole(Role.MOTHER).withChildren(List.of(children));
        return readers.save(fresh);
    }

    DeliveryJob jobFor(Reader reader) {
        return DeliveryJob.daily("demo", reader.readerId(), reader.channel(), DAY);
    }

    Optional<DeliveryStatus> ledgerStatus(Reader reader) {
        return ledger.find("demo", reader.readerId(), DAY.toString()).map(LedgerEntry::status);
    }

    @Test
    void lineReaderGetsTheWholeDayInOnePushAndTheLedgerSaysSent() {
        Reader twins = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE,
                Child.born("c1", DAY.minusDays(10)), Child.born("c2", DAY.minusDays(10)));

        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(twins)));

        assertEquals(1, line.pushes().size());
        assertEquals(List.of("本文 c1", "本文 c2"), line.pushes().getFirst().texts());
        assertEquals("U1", line.pushes().getFirst().lineUserId());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(twins));
        assertEquals(2, ledger.find("demo", twins.readerId(), DAY.toString()).orElseThrow().parts());
    }

    @Test
    void theSameJobTwiceSendsOnce() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));

        service().deliver(jobFor(reader));
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service().deliver(jobFor(reader)));

        assertEquals(1, line.pushes().size());
    }

    @Test
    void readerWhoPausedOrWasDeletedAfterTheFanOutGetsNothing() {
        Reader paused = reader(Channel.LINE, "U1", ReaderStatus.PAUSED, Child.expected("c1", DAY.plusDays(100)));
        Reader blocked = reader(Channel.LINE, "U2", ReaderStatus.BLOCKED, Child.expected("c1", DAY.plusDays(100)));
        DeliveryJob deleted = DeliveryJob.daily("demo", Reader.idFor("demo", Channel.LINE, "U3"), Channel.LINE, DAY);

        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(jobFor(paused)));
        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(jobFor(blocked)));
        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(deleted));

        assertTrue(line.pushes().isEmpty());
        assertEquals(Optional.of(DeliveryStatus.SKIPPED), ledgerStatus(paused));
    }

    @Test
    void aDayWithNothingForTheReaderIsRecordedAndNotSent() {
        Reader lost = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(3)).lost());

        assertEquals(DeliveryService.Outcome.NOTHING_TO_SEND, service().deliver(jobFor(lost)));

        assertTrue(line.pushes().isEmpty());
        assertEquals(Optional.of(DeliveryStatus.NOTHING_TO_SEND), ledgerStatus(lost));
    }

    @Test
    void unknownLineUserIsMarkedUnreachable() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        line.then(() -> PushOutcome.UNKNOWN_USER);

        assertEquals(DeliveryService.Outcome.UNREACHABLE, service().deliver(jobFor(reader)));

        assertEquals(ReaderStatus.UNREACHABLE, readers.find("demo", reader.readerId()).orElseThrow().status());
        assertEquals(Optional.of(DeliveryStatus.SKIPPED), ledgerStatus(reader));
        assertTrue(counted.contains(DeliveryMetrics.UNREACHABLE));
    }

    @Test
    void retryableFailureGoesBackToTheQueueAndTheRetryReusesTheRetryKey() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        line.then(() -> {
            throw new RetryableSendException("429", null);
        });

        assertThrows(RetryableSendException.class, () -> service().deliver(jobFor(reader)));
        assertEquals(Optional.of(DeliveryStatus.SENDING), ledgerStatus(reader));
        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(reader)));

        assertEquals(2, line.pushes().size());
        assertEquals(line.pushes().get(0).retryKey(), line.pushes().get(1).retryKey());
        assertEquals(DeliveryService.retryKey(jobFor(reader)), line.pushes().get(0).retryKey());
    }

    @Test
    void crashAfterThePushBeforeTheLedgerWritePushesAgainWithTheSameRetryKey() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        Ledger crashingOnce = new CrashOnFirstComplete(ledger);

        assertThrows(IllegalStateException.class, () -> service(crashingOnce).deliver(jobFor(reader)));
        assertEquals(DeliveryService.Outcome.SENT, service(crashingOnce).deliver(jobFor(reader)));

        assertEquals(1, line.pushes().stream().map(RecordingLine.Push::retryKey).distinct().count());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reader));
    }

    @Test
    void retryKeyDiffersPerReaderAndDayAndIsStable() {
        DeliveryJob a = DeliveryJob.daily("demo", "L0", Channel.LINE, DAY);
        assertEquals(DeliveryService.retryKey(a), DeliveryService.retryKey(DeliveryJob.daily("demo", "L0", Channel.LINE, DAY)));
        assertTrue(!DeliveryService.retryKey(a).equals(DeliveryService.retryKey(DeliveryJob.daily("demo", "L1", Channel.LINE, DAY))));
        assertTrue(!DeliveryService.retryKey(a).equals(DeliveryService.retryKey(DeliveryJob.daily("demo", "L0", Channel.LINE, DAY.plusDays(1)))));
    }

    @Test
    void theBirthQuestionIsRememberedSoItIsAskedOnce() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("ask", DAY.minusDays(14)));

        service().deliver(jobFor(reader));

        assertEquals(DAY, readers.find("demo", reader.readerId()).orElseThrow().child("ask").orElseThrow().birthAskedOn());
    }

    @Test
    void mailReaderGetsOneMailWithAnUnsubscribeLink() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));

        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(reader)));
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service().deliver(jobFor(reader)));

        assertEquals(1, mail.sent().size());
        MailSender.Mail sent = mail.sent().getFirst();
        assertEquals("info@demo.example.jp", sent.from());
        assertEquals("parent@example.jp", sent.to());
        assertEquals(links.urlFor("demo", reader.readerId()), sent.unsubscribeUrl());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reader));
    }

    @Test
    void throttledMailIsReleasedSoTheRetrySendsIt() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        mail.thenFail(new RetryableSendException("throttled", null));

        assertThrows(RetryableSendException.class, () -> service().deliver(jobFor(reader)));
        assertEquals(Optional.of(DeliveryStatus.RELEASED), ledgerStatus(reader));
        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(reader)));

        assertEquals(1, mail.sent().size());
    }

    @Test
    void mailWhoseLedgerWriteCrashedIsNotSentAgainAndIsCountedInDoubt() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        Ledger crashingOnce = new CrashOnFirstComplete(ledger);

        assertThrows(IllegalStateException.class, () -> service(crashingOnce).deliver(jobFor(reader)));
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service(crashingOnce).deliver(jobFor(reader)));

        assertEquals(1, mail.sent().size());
        assertTrue(counted.contains(DeliveryMetrics.MAIL_IN_DOUBT));
    }

    @Test
    void mailInDoubtKeepsItsMarkWhenTheReaderStopsBeforeTheRetry() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        Ledger crashingOnce = new CrashOnFirstComplete(ledger);
        assertThrows(IllegalStateException.class, () -> service(crashingOnce).deliver(jobFor(reader)));
        readers.save(readers.find("demo", reader.readerId()).orElseThrow().withStatus(ReaderStatus.PAUSED));

        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service().deliver(jobFor(reader)));

        assertEquals(Optional.of(DeliveryStatus.SENDING), ledgerStatus(reader));
        assertEquals(1, mail.sent().size());
    }

    @Test
    void mailReaderOfATownWithoutMailIsSkipped() {
        municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "電話", Plan.FULL, 3, 8, List.of("ja"),
                null, true));
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));

        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(jobFor(reader)));
        assertTrue(mail.sent().isEmpty());
    }

    /** A ledger whose first complete() fails, as if the function died right after sending. */
    static final class CrashOnFirstComplete implements Ledger {
        private final Ledger delegate;
        private boolean crashed;

        CrashOnFirstComplete(Ledger delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<LedgerEntry> find(String municipalityId, String readerId, String deliveryKey) {
            return delegate.find(municipalityId, readerId, deliveryKey);
        }

        @Override
        public boolean claim(LedgerEntry sending) {
            return delegate.claim(sending);
        }

        @Override
        public boolean claimExclusive(LedgerEntry sending) {
            return delegate.claimExclusive(sending);
        }

        @Override
        public synchronized void complete(LedgerEntry done) {
            if (!crashed) {
                crashed = true;
                throw new IllegalStateException("crash before the ledger write");
            }
            delegate.complete(done);
        }
    }

}
