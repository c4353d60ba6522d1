package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.content.DayMessage.PartKind;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.content.MailRendering;
import jp.yorisoi.delivery.DeliveryService.Outcome;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.stubs.CrashingLedger;
import jp.yorisoi.delivery.stubs.DeliveryRig;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.LostAnswerDynamo;
import jp.yorisoi.delivery.stubs.SesStub;
import jp.yorisoi.mail.MailLinks;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.reader.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One delivery through DeliveryService on the real adapters: readers, towns and the ledger in DynamoDB Local, LINE
 * and SES as WireMock stubs (started once for the class). The day's content is scripted so that each test controls
 * exactly what there is to send.
 */
class DeliveryServiceIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();

    final DeliveryRig rig = DeliveryRig.start(LINE, SES);
    final List<String> counted = new CopyOnWriteArrayList<>();
    final MailLinks links = new MailLinks("https://mail.example.jp/dev",
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
        public MailContent mail(DayMessage message, Municipality municipality, String language,
                MailRendering.Links links) {
            return new MailContent("件名", String.join("\n", lineTexts(message)) + "\n" + links.settingsUrl() + "\n"
                    + links.unsubscribeUrl(), "<p>html</p>");
        }

        @Override
        public List<String> childrenAskedAboutBirth(DeliveryJob job, Reader reader, Municipality municipality) {
            return reader.activeChildren().stream().map(Child::childId).filter("ask"::equals).toList();
        }
    };

    DeliveryServiceIT() {
        rig.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "電話", Plan.FULL, 3, 8, List.of("ja"),
                "info@demo.example.jp", true));
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

    DeliveryService service(Ledger ledgerToUse) {
        return service(ledgerToUse, CLOCK);
    }

    DeliveryService service(Ledger ledgerToUse, Clock clock) {
        // a generous read time-out: these tests are about the ledger and the retry key, not about slow answers
        return service(ledgerToUse, rig.lineChannel(Duration.ofSeconds(5)), clock);
    }

    DeliveryService service(Ledger ledgerToUse, LineMessenger line, Clock clock) {
        return new DeliveryService(rig.readers, rig.municipalities, content, ledgerToUse, line,
                new SesMailChannel(rig.sesClient, Optional.empty()), links, counted::add, clock);
    }

    /** The sender of an earlier attempt claimed the delivery at {@code claimedAt} and died before it pushed. */
    void crashedAfterClaiming(Reader reader, Instant claimedAt) {
        LedgerEntry sending = new LedgerEntry("demo", reader.readerId(), DAY.toString(), DAY, DeliveryStatus.SENDING,
                "LINE", "MOTHER", 0, claimedAt);
        assertEquals(Ledger.Claim.CLAIMED, rig.ledger.claim(sending, "crashed", claimedAt));
    }

    static Clock hoursAfter(int hours) {
        return Clock.offset(CLOCK, Duration.ofHours(hours));
    }

    DeliveryService service() {
        return service(rig.ledger);
    }

    Reader reader(Channel channel, String address, ReaderStatus status, Child... children) {
        Reader fresh = Reader.newcomer("demo", channel, address, CLOCK.instant())
                .withStatus(status).withRole(Role.MOTHER).withChildren(List.of(children));
        return rig.readers.save(fresh);
    }

    DeliveryJob jobFor(Reader reader) {
        return DeliveryJob.daily("demo", reader.readerId(), reader.channel(), DAY);
    }

    Optional<DeliveryStatus> ledgerStatus(Reader reader) {
        return rig.ledger.find("demo", reader.readerId(), DAY.toString()).map(LedgerEntry::status);
    }

    Set<UUID> retryKeysSentFor(String lineUserId) {
        return rig.line.attemptsFor(lineUserId).stream().map(LineStub.Attempt::retryKey).collect(Collectors.toSet());
    }

    @Test
    void aBatchReadsItsReadersInOneCallAndEachJobSeesItsOwnReader() {
        Reader first = reader(Channel.LINE, "U-batch-1", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(10)));
        Reader stopped = reader(Channel.LINE, "U-batch-2", ReaderStatus.UNSUBSCRIBED, Child.born("c1", DAY.minusDays(10)));
        List<String> batchReads = new CopyOnWriteArrayList<>();
        SqsJobBatch batch = new SqsJobBatch(service(readersCountingBatchReads(batchReads, false)), counted::add);

        SQSBatchResponse response = batch.process(sqsEvent(jobFor(first), jobFor(stopped)));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of("2 keys"), batchReads);
        assertEquals(1, rig.line.acceptedFor("U-batch-1").size());
        assertEquals(0, rig.line.acceptedFor("U-batch-2").size());
        assertEquals(Optional.of(DeliveryStatus.SKIPPED), ledgerStatus(stopped));
    }

    @Test
    void aBatchWhoseJointReaderReadFailsStillDeliversEveryJobReadingItsOwnReader() {
        Reader first = reader(Channel.LINE, "U-fallback-1", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(10)));
        Reader second = reader(Channel.LINE, "U-fallback-2", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(9)));
        List<String> batchReads = new CopyOnWriteArrayList<>();
        SqsJobBatch batch = new SqsJobBatch(service(readersCountingBatchReads(batchReads, true)), counted::add);

        SQSBatchResponse response = batch.process(sqsEvent(jobFor(first), jobFor(second)));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of("2 keys"), batchReads);
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(first));
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(second));
    }

    /** The rig's DynamoDB reader store, recording each batch read and failing it when asked to. */
    ReaderStore readersCountingBatchReads(List<String> batchReads, boolean failBatchReads) {
        return new ReaderStore() {
            @Override
            public Optional<Reader> find(String municipalityId, String readerId) {
                return rig.readers.find(municipalityId, readerId);
            }

            @Override
            public Map<Key, Optional<Reader>> findAll(Collection<Key> keys) {
                batchReads.add(keys.size() + " keys");
                if (failBatchReads) {
                    throw new IllegalStateException("throttled");
                }
                return rig.readers.findAll(keys);
            }

            @Override
            public Reader save(Reader reader) {
                return rig.readers.save(reader);
            }

            @Override
            public void delete(String municipalityId, String readerId) {
                rig.readers.delete(municipalityId, readerId);
            }

            @Override
            public int segments() {
                return rig.readers.segments();
            }

            @Override
            public void forEachActiveReader(String municipalityId, int segment, Consumer<List<ActiveReader>> page) {
                rig.readers.forEachActiveReader(municipalityId, segment, page);
            }
        };
    }

    DeliveryService service(ReaderStore readers) {
        return new DeliveryService(readers, rig.municipalities, content, rig.ledger, rig.lineChannel(Duration.ofSeconds(5)),
                null, null, counted::add, CLOCK);
    }

    static SQSEvent sqsEvent(DeliveryJob... jobs) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (DeliveryJob job : jobs) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(UUID.randomUUID().toString());
            message.setBody(DeliveryJobJson.write(job));
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    @Test
    void aJobForADayBeforeTheReaderRegisteredSendsNothingAndIsSkipped() {
        Reader joinedNextDay = rig.readers.save(Reader.newcomer("demo", Channel.LINE, "U-late", CLOCK.instant())
                .withStatus(ReaderStatus.ACTIVE).withRole(Role.MOTHER).withRegisteredOn(DAY.plusDays(1))
                .withChildren(List.of(Child.born("c1", DAY.minusDays(10)))));

        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(jobFor(joinedNextDay)));

        assertEquals(0, rig.line.requests());
        assertEquals(Optional.of(DeliveryStatus.SKIPPED), ledgerStatus(joinedNextDay));
        assertEquals(List.of(DeliveryMetrics.SKIPPED), counted);
    }

    @Test
    void aJobForTheDayTheReaderRegisteredIsSent() {
        Reader joinedThatDay = rig.readers.save(Reader.newcomer("demo", Channel.LINE, "U-same-day", CLOCK.instant())
                .withStatus(ReaderStatus.ACTIVE).withRole(Role.MOTHER).withRegisteredOn(DAY)
                .withChildren(List.of(Child.born("c1", DAY.minusDays(10)))));

        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(joinedThatDay)));
    }

    @Test
    void lineReaderGetsTheWholeDayInOnePushAndTheLedgerSaysSent() {
        Reader twins = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE,
                Child.born("c1", DAY.minusDays(10)), Child.born("c2", DAY.minusDays(10)));

        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(twins)));

        assertEquals(1, rig.line.requests());
        assertEquals(1, rig.line.accepted().size());
        assertEquals(List.of("本文 c1", "本文 c2"), rig.line.accepted().getFirst().texts());
        assertEquals("U1", rig.line.accepted().getFirst().to());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(twins));
        assertEquals(2, rig.ledger.find("demo", twins.readerId(), DAY.toString()).orElseThrow().parts());
    }

    @Test
    void theSameJobTwiceSendsOnce() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));

        service().deliver(jobFor(reader));
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service().deliver(jobFor(reader)));

        assertEquals(1, rig.line.requests());
        assertEquals(1, rig.line.accepted().size());
    }

    @Test
    void readerWhoPausedOrWasDeletedAfterTheFanOutGetsNothing() {
        Reader paused = reader(Channel.LINE, "U1", ReaderStatus.PAUSED, Child.expected("c1", DAY.plusDays(100)));
        Reader blocked = reader(Channel.LINE, "U2", ReaderStatus.BLOCKED, Child.expected("c1", DAY.plusDays(100)));
        DeliveryJob deleted = DeliveryJob.daily("demo", Reader.idFor("demo", Channel.LINE, "U3"), Channel.LINE, DAY);

        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(jobFor(paused)));
        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(jobFor(blocked)));
        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(deleted));

        assertEquals(0, rig.line.requests());
        assertEquals(Optional.of(DeliveryStatus.SKIPPED), ledgerStatus(paused));
    }

    @Test
    void aDayWithNothingForTheReaderIsRecordedAndNotSent() {
        Reader lost = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(3)).lost());

        assertEquals(DeliveryService.Outcome.NOTHING_TO_SEND, service().deliver(jobFor(lost)));

        assertEquals(0, rig.line.requests());
        assertEquals(Optional.of(DeliveryStatus.NOTHING_TO_SEND), ledgerStatus(lost));
    }

    @Test
    void unknownLineUserIsMarkedUnreachable() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        rig.line.unknownUser("U1");

        assertEquals(DeliveryService.Outcome.UNREACHABLE, service().deliver(jobFor(reader)));

        assertEquals(ReaderStatus.UNREACHABLE, rig.readers.find("demo", reader.readerId()).orElseThrow().status());
        assertEquals(Optional.of(DeliveryStatus.SKIPPED), ledgerStatus(reader));
        assertTrue(counted.contains(DeliveryMetrics.UNREACHABLE));
        assertEquals(List.of(), rig.line.accepted());
    }

    @Test
    void retryableFailureGoesBackToTheQueueAndTheRetryReusesTheRetryKey() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        rig.line.alwaysFailing("U1");

        assertThrows(RetryableSendException.class, () -> service().deliver(jobFor(reader)));
        assertEquals(Optional.of(DeliveryStatus.SENDING), ledgerStatus(reader));
        int failedAttempts = rig.line.attemptsFor("U1").size();
        rig.line.stopFailing("U1");
        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(reader)));

        assertTrue(failedAttempts >= 1, "attempts while LINE failed: " + failedAttempts);
        assertEquals(failedAttempts + 1, rig.line.attemptsFor("U1").size());
        assertEquals(Set.of(DeliveryService.retryKey(jobFor(reader))), retryKeysSentFor("U1"));
        assertEquals(1, rig.line.acceptedFor("U1").size());
    }

    @Test
    void crashAfterThePushBeforeTheLedgerWritePushesAgainWithTheSameRetryKey() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        Ledger crashingOnce = CrashingLedger.onceBeforeTheWrite(rig.ledger);

        assertThrows(IllegalStateException.class, () -> service(crashingOnce).deliver(jobFor(reader)));
        assertEquals(DeliveryService.Outcome.SENT, service(crashingOnce).deliver(jobFor(reader)));

        assertEquals(2, rig.line.attemptsFor("U1").size());
        assertEquals(1, retryKeysSentFor("U1").size());
        assertEquals(1, rig.line.acceptedFor("U1").size());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reader));
    }

    @Test
    void theBirthQuestionIsRememberedSoItIsAskedOnce() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("ask", DAY.minusDays(14)));

        service().deliver(jobFor(reader));

        assertEquals(DAY, rig.readers.find("demo", reader.readerId()).orElseThrow().child("ask").orElseThrow().birthAskedOn());
    }

    @Test
    void mailReaderGetsOneMailWithAnUnsubscribeLink() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));

        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(reader)));
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service().deliver(jobFor(reader)));

        assertEquals(1, rig.ses.sent().size());
        SesStub.SentMail sent = rig.ses.sent().getFirst();
        assertEquals(SesMailChannel.fromAddress("デモ市", "info@demo.example.jp"), sent.from());
        assertEquals("parent@example.jp", sent.to());
        assertEquals(Map.of("municipality", "demo", "reader", reader.readerId()), sent.tags());
        String unsubscribeUrl = links.unsubscribeUrl("demo", reader.readerId(), CLOCK.instant());
        assertEquals(Map.of("List-Unsubscribe", "<" + unsubscribeUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), sent.headers());
        assertTrue(sent.text().endsWith("\n" + unsubscribeUrl), sent.text());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reader));
    }

    @Test
    void throttledMailIsReleasedSoTheRetrySendsIt() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        rig.ses.throttleNext(1);

        assertThrows(RetryableSendException.class, () -> service().deliver(jobFor(reader)));
        assertEquals(Optional.of(DeliveryStatus.RELEASED), ledgerStatus(reader));
        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(reader)));

        assertEquals(1, rig.ses.sent().size());
    }

    @Test
    void mailWhoseLedgerWriteCrashedIsNotSentAgainAndIsCountedInDoubt() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        Ledger crashingOnce = CrashingLedger.onceBeforeTheWrite(rig.ledger);

        assertThrows(IllegalStateException.class, () -> service(crashingOnce).deliver(jobFor(reader)));
        // the queue brings the job back after its visibility timeout, long after the crashed attempt ended
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service(crashingOnce, hoursAfter(1)).deliver(jobFor(reader)));

        assertEquals(1, rig.ses.sent().size());
        assertTrue(counted.contains(DeliveryMetrics.MAIL_IN_DOUBT));
    }

    @Test
    void aConcurrentDuplicateOfAMailJobSendsNothingAndIsNotCountedInDoubt() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        Ledger crashingOnce = CrashingLedger.onceBeforeTheWrite(rig.ledger);
        assertThrows(IllegalStateException.class, () -> service(crashingOnce).deliver(jobFor(reader)));
        counted.clear();

        // the same moment: to the duplicate, the first attempt may still be sending
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service().deliver(jobFor(reader)));

        assertEquals(1, rig.ses.sent().size());
        assertEquals(List.of(DeliveryMetrics.ALREADY_DONE), counted);
        assertEquals(Optional.of(DeliveryStatus.SENDING), ledgerStatus(reader));
    }

    @Test
    void aMailSesRefusesIsReleasedWithSesReasonNotLeftInDoubt() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        rig.ses.rejectNext("MessageRejected");

        assertThrows(MailSender.MailRejectedException.class, () -> service().deliver(jobFor(reader)));

        LedgerEntry entry = rig.ledger.find("demo", reader.readerId(), DAY.toString()).orElseThrow();
        assertEquals(DeliveryStatus.RELEASED, entry.status());
        assertEquals("SES_REJECTED:MessageRejected", entry.reason());
        assertTrue(counted.contains(DeliveryMetrics.MAIL_REJECTED));
        assertEquals(DeliveryService.Outcome.SENT, service().deliver(jobFor(reader)), "a redrive sends once fixed");
        assertEquals(1, rig.ses.sent().size());
    }

    @Test
    void mailInDoubtKeepsItsMarkWhenTheReaderStopsBeforeTheRetry() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        Ledger crashingOnce = CrashingLedger.onceBeforeTheWrite(rig.ledger);
        assertThrows(IllegalStateException.class, () -> service(crashingOnce).deliver(jobFor(reader)));
        rig.readers.save(rig.readers.find("demo", reader.readerId()).orElseThrow().withStatus(ReaderStatus.PAUSED));

        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service().deliver(jobFor(reader)));

        assertEquals(Optional.of(DeliveryStatus.SENDING), ledgerStatus(reader));
        assertEquals(1, rig.ses.sent().size());
    }

    @Test
    void mailReaderOfATownWithoutMailIsSkipped() {
        rig.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "電話", Plan.FULL, 3, 8, List.of("ja"),
                null, true));
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));

        assertEquals(DeliveryService.Outcome.SKIPPED, service().deliver(jobFor(reader)));
        assertEquals(List.of(), rig.ses.sent());
        assertEquals(Optional.of(DeliveryStatus.SKIPPED), ledgerStatus(reader));
    }

    @Test
    void staleSendingRowIsInDoubtAndNotPushed() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        crashedAfterClaiming(reader, CLOCK.instant());

        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service(rig.ledger, hoursAfter(21)).deliver(jobFor(reader)));
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, service(rig.ledger, hoursAfter(22)).deliver(jobFor(reader)));

        assertEquals(0, rig.line.requests());
        LedgerEntry entry = rig.ledger.find("demo", reader.readerId(), DAY.toString()).orElseThrow();
        assertEquals(DeliveryStatus.IN_DOUBT, entry.status());
        assertEquals(LedgerEntry.RETRY_KEY_EXPIRED, entry.reason());
        assertEquals(List.of(DeliveryMetrics.SENDING_IN_DOUBT, DeliveryMetrics.ALREADY_DONE), counted);
    }

    @Test
    void youngerSendingRowIsPushedAgainWithTheSameRetryKey() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        crashedAfterClaiming(reader, CLOCK.instant());

        assertEquals(DeliveryService.Outcome.SENT, service(rig.ledger, hoursAfter(19)).deliver(jobFor(reader)));

        assertEquals(Set.of(DeliveryService.retryKey(jobFor(reader))), retryKeysSentFor("U1"));
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reader));
    }

    @Test
    void aMailClaimWhoseAnswerWasLostIsStillThisAttemptsAndTheMailGoesOutOnce() {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(40)));
        LostAnswerDynamo lossy = new LostAnswerDynamo(rig.dynamoEndpoint,
                request -> request instanceof UpdateItemRequest update && writes(update, DeliveryStatus.SENDING));

        Outcome outcome = service(new DynamoLedger(lossy.client(), rig.tables.get("LedgerTable"))).deliver(jobFor(reader));

        assertEquals(Outcome.SENT, outcome);
        assertEquals(2, lossy.matchingRequestsSent());
        assertEquals(1, rig.ses.sent().size());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reader));
        assertEquals(List.of(DeliveryMetrics.SENT), counted);
    }

    @Test
    void aSentRecordWhoseAnswerWasLostCountsAsSentOnce() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100)));
        LostAnswerDynamo lossy = new LostAnswerDynamo(rig.dynamoEndpoint,
                request -> request instanceof UpdateItemRequest update && writes(update, DeliveryStatus.SENT));

        Outcome outcome = service(new DynamoLedger(lossy.client(), rig.tables.get("LedgerTable"))).deliver(jobFor(reader));

        assertEquals(Outcome.SENT, outcome);
        assertEquals(2, lossy.matchingRequestsSent());
        assertEquals(1, rig.line.requests());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reader));
        assertEquals(List.of(DeliveryMetrics.SENT), counted);
    }

    @Test
    void aMonthlyLimitStopsTheTownsPushesForTheDayButNotOtherTowns() {
        rig.municipalities.save(new Municipality("other", "よそ町", "よそ町より", "電話", Plan.FULL, 3, 8, List.of("ja"),
                null, true));
        LinePushChannel twoChannels = new LinePushChannel(new StaticChannelCredentials(Map.of(
                "demo", new StaticChannelCredentials.Credentials("s1", "token-demo"),
                "other", new StaticChannelCredentials.Credentials("s2", "token-other"))),
                rig.line.endpoint(), Duration.ofSeconds(5),
                new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(2), new Random(1)), duration -> {}, counted::add);
        rig.line.monthlyLimitReached("token-demo");
        List<Reader> demoReaders = List.of(
                reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100))),
                reader(Channel.LINE, "U2", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100))),
                reader(Channel.LINE, "U3", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(100))));
        Reader otherReader = rig.readers.save(Reader.newcomer("other", Channel.LINE, "U9", CLOCK.instant())
                .withStatus(ReaderStatus.ACTIVE).withRole(Role.MOTHER)
                .withChildren(List.of(Child.expected("c1", DAY.plusDays(100)))));
        // every job on a sender of its own, as separate containers would run them
        for (Reader reader : demoReaders) {
            assertEquals(Outcome.SKIPPED, service(rig.ledger, twoChannels, CLOCK).deliver(jobFor(reader)));
        }
        assertEquals(Outcome.SENT, service(rig.ledger, twoChannels, CLOCK).deliver(
                DeliveryJob.daily("other", otherReader.readerId(), Channel.LINE, DAY)));

        assertEquals(List.of("U1", "U9"), rig.line.attempts().stream().map(LineStub.Attempt::to).toList());
        assertEquals(List.of("U9"), rig.line.accepted().stream().map(LineStub.Accepted::to).toList());
        for (Reader reader : demoReaders) {
            LedgerEntry entry = rig.ledger.find("demo", reader.readerId(), DAY.toString()).orElseThrow();
            assertEquals(DeliveryStatus.SKIPPED, entry.status());
            assertEquals(LedgerEntry.MONTHLY_LIMIT, entry.reason());
        }
        assertEquals(1, counted.stream().filter(DeliveryMetrics.LINE_MONTHLY_LIMIT::equals).count());
        assertEquals(ReaderStatus.ACTIVE, rig.readers.find("demo", demoReaders.getFirst().readerId()).orElseThrow()
                .status());
    }

    @Test
    void aBirthQuestionRefusedWithTheMonthlyLimitIsAskedOnTheNextDayThatGoesOut() {
        Reader reader = reader(Channel.LINE, "U1", ReaderStatus.ACTIVE, Child.expected("ask", DAY.minusDays(14)));
        rig.line.monthlyLimitReached(DeliveryRig.LINE_TOKEN);

        assertEquals(Outcome.SKIPPED, service().deliver(jobFor(reader)));

        assertNull(rig.readers.find("demo", reader.readerId()).orElseThrow().child("ask").orElseThrow()
                .birthAskedOn());
    }

    private static boolean writes(UpdateItemRequest update, DeliveryStatus status) {
        AttributeValue written = update.expressionAttributeValues().get(":a_status");
        return written != null && status.name().equals(written.s());
    }
}
