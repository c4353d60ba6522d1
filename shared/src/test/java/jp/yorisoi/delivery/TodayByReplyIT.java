package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.content.DayMessage.PartKind;
import jp.yorisoi.delivery.DeliveryService.LineReplyFailure;
import jp.yorisoi.delivery.DeliveryService.Outcome;
import jp.yorisoi.delivery.DeliveryService.ReplyOutcome;
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
import jp.yorisoi.reader.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Today's message by reply against the real ledger in DynamoDB Local and the LINE push stub: sent once, whichever of
 * the reply and the scheduled push comes first, and never pushed after a reply that may have arrived.
 */
class TodayByReplyIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneId.of("Asia/Tokyo"));
    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();

    final DeliveryRig rig = DeliveryRig.start(LINE, SES);
    final List<List<String>> replies = new ArrayList<>();
    final DeliveryContent content = new DeliveryContent() {
        @Override
        public DayMessage messageFor(DeliveryJob job, Reader reader, Municipality municipality) {
            return new DayMessage(reader.activeChildren().stream()
                    .map(c -> new Part(PartKind.BASE, c.childId(), "[Day 45 after birth]", "today " + c.childId()))
                    .toList());
        }

        @Override
        public List<String> lineTexts(DayMessage message) {
            return message.parts().stream().map(p -> p.heading() + "\n" + p.text()).toList();
        }

        @Override
        public MailContent mail(DayMessage message, Municipality municipality, String language,
                jp.yorisoi.content.MailRendering.Links links) {
            throw new UnsupportedOperationException("LINE only");
        }

        @Override
        public List<String> childrenAskedAboutBirth(DeliveryJob job, Reader reader, Municipality municipality) {
            return List.of();
        }
    };

    TodayByReplyIT() {
        rig.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "電話", Plan.FULL, 3, 8, List.of("ja"),
                null, true));
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

    DeliveryService service() {
        return new DeliveryService(rig.readers, rig.municipalities, content, rig.ledger,
                rig.lineChannel(Duration.ofSeconds(5)), null, null, DeliveryMetrics.NONE, CLOCK);
    }

    Reader reader(String lineUserId, Child... children) {
        return rig.readers.save(Reader.newcomer("demo", Channel.LINE, lineUserId, CLOCK.instant())
                .withStatus(ReaderStatus.ACTIVE).withRole(Role.MOTHER).withChildren(List.of(children)));
    }

    DeliveryJob job(Reader reader) {
        return DeliveryJob.daily("demo", reader.readerId(), Channel.LINE, DAY);
    }

    Municipality town() {
        return rig.municipalities.find("demo").orElseThrow();
    }

    Optional<LedgerEntry> entry(Reader reader) {
        return rig.ledger.find("demo", reader.readerId(), DAY.toString());
    }

    @Test
    void aReaderWhoseDayIsNotSentYetGetsItByReplyAndTheScheduledPushSendsNothing() {
        Reader reader = reader("U-reply-first", Child.born("c1", DAY.minusDays(45)));

        assertEquals(ReplyOutcome.SENT, service().replyToday(job(reader), reader, town(), replies::add));

        assertEquals(List.of(List.of("[Day 45 after birth]\ntoday c1")), replies);
        LedgerEntry sent = entry(reader).orElseThrow();
        assertEquals(DeliveryStatus.SENT, sent.status());
        assertEquals(LedgerEntry.BY_REPLY, sent.reason());
        assertEquals(Outcome.ALREADY_DONE, service().deliver(job(reader)));
        assertEquals(0, rig.line.attemptsFor("U-reply-first").size());
    }

    @Test
    void aDayAlreadyPushedIsSentAgainByReplyAndTheLedgerKeepsThePush() {
        Reader reader = reader("U-push-first", Child.born("c1", DAY.minusDays(45)));
        assertEquals(Outcome.SENT, service().deliver(job(reader)));

        assertEquals(ReplyOutcome.SENT_AGAIN, service().replyToday(job(reader), reader, town(), replies::add));

        assertEquals(1, replies.size());
        assertEquals(1, rig.line.acceptedFor("U-push-first").size());
        assertEquals(null, entry(reader).orElseThrow().reason());
    }

    @Test
    void askingTwiceRepliesTwiceAndPushesNever() {
        Reader reader = reader("U-twice", Child.born("c1", DAY.minusDays(45)));

        service().replyToday(job(reader), reader, town(), replies::add);
        assertEquals(ReplyOutcome.SENT_AGAIN, service().replyToday(job(reader), reader, town(), replies::add));

        assertEquals(2, replies.size());
        assertEquals(Outcome.ALREADY_DONE, service().deliver(job(reader)));
        assertEquals(0, rig.line.attemptsFor("U-twice").size());
    }

    @Test
    void aDayWithNothingForTheReaderWritesNothing() {
        Reader reader = reader("U-nothing");

        assertEquals(ReplyOutcome.NOTHING_TO_SEND, service().replyToday(job(reader), reader, town(), replies::add));

        assertEquals(List.of(), replies);
        assertEquals(Optional.empty(), entry(reader));
    }

    @Test
    void aReplyLineRefusedLeavesTheDayToTheScheduledPush() {
        Reader reader = reader("U-refused", Child.born("c1", DAY.minusDays(45)));

        assertThrows(LineReplyFailure.class, () -> service().replyToday(job(reader), reader, town(), texts -> {
            throw new LineReplyFailure("Invalid reply token", true, null);
        }));

        assertEquals(DeliveryStatus.RELEASED, entry(reader).orElseThrow().status());
        assertEquals(Outcome.SENT, service().deliver(job(reader)));
        assertEquals(1, rig.line.acceptedFor("U-refused").size());
    }

    @Test
    void aReplyThatMayHaveArrivedIsNeverFollowedByAPush() {
        Reader reader = reader("U-timeout", Child.born("c1", DAY.minusDays(45)));

        assertThrows(LineReplyFailure.class, () -> service().replyToday(job(reader), reader, town(), texts -> {
            throw new LineReplyFailure("no answer in time", false, null);
        }));

        LedgerEntry inDoubt = entry(reader).orElseThrow();
        assertEquals(DeliveryStatus.IN_DOUBT, inDoubt.status());
        assertEquals(LedgerEntry.REPLY_IN_DOUBT, inDoubt.reason());
        assertEquals(Outcome.ALREADY_DONE, service().deliver(job(reader)));
        assertEquals(0, rig.line.attemptsFor("U-timeout").size());
    }

    @Test
    void aPushFindingAReplyInFlightSendsNothing() {
        Reader reader = reader("U-in-flight", Child.born("c1", DAY.minusDays(45)));
        List<Outcome> pushed = new ArrayList<>();

        service().replyToday(job(reader), reader, town(), texts -> pushed.add(service().deliver(job(reader))));

        assertEquals(List.of(Outcome.ALREADY_DONE), pushed);
        assertEquals(0, rig.line.attemptsFor("U-in-flight").size());
        assertEquals(DeliveryStatus.SENT, entry(reader).orElseThrow().status());
    }
}
