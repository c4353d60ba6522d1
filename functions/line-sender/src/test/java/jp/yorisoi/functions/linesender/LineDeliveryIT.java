package jp.yorisoi.functions.linesender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jp.yorisoi.content.ContentEntry;
import jp.yorisoi.content.ContentKind;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryJobJson;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.JobQueue;
import jp.yorisoi.delivery.Ledger;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.delivery.stubs.CrashingLedger;
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
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daily LINE delivery end to end: fan-out → LineJobQueue → LineSenderHandler → LINE (WireMock, with LINE's
 * retry-key semantics) against the tables and queues of template.yaml, healthy and under faults.
 */
class LineDeliveryIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final String TOWN = "demo";

    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();

    final DeliveryRig rig = DeliveryRig.start(LINE, SES);
    final List<String> counted = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        rig.close();
    }

    @AfterAll
    static void stopStubs() {
        LINE.close();
        SES.close();
    }

    void town() {
        rig.municipalities.save(new Municipality(TOWN, "デモ市", "デモ市より", "子育て相談 0000-00-0000", Plan.FULL, 3, 8,
                List.of("ja"), "info@demo.example.jp", true));
        List<ContentEntry> entries = new ArrayList<>();
        for (int day = 28; day <= 293; day++) {
            entries.add(new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.PREGNANCY, day, "ja", "P" + day));
        }
        entries.add(new ContentEntry(TOWN, ContentKind.DAILY, Track.PREGNANCY, 100, "ja", "L100"));
        for (int day : new int[] {0, 45, 100, 1095}) {
            entries.add(new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.CHILD, day, "ja", "C" + day));
        }
        entries.add(new ContentEntry(TOWN, ContentKind.BIRTHDAY, null, 1, "ja", "1歳おめでとう"));
        entries.add(new ContentEntry(TOWN, ContentKind.BIRTHDAY, null, 3, "ja", "3歳おめでとう"));
        rig.catalogue.importAll(entries);
    }

    Reader reader(String lineUserId, ReaderStatus status, Child... children) {
        return rig.readers.save(Reader.newcomer(TOWN, Channel.LINE, lineUserId, CLOCK.instant())
                .withStatus(status).withRole(Role.MOTHER).withChildren(List.of(children)));
    }

    /** A due date putting the pregnancy at day {@code p} (4w0d = 28) on DAY. */
    static LocalDate dueForPregnancyDay(int p) {
        return DAY.plusDays(280 - p);
    }

    LineSenderHandler handler(Ledger ledger) {
        return handler(ledger, CLOCK);
    }

    LineSenderHandler handler(Ledger ledger, Clock clock) {
        return new LineSenderHandler(rig.deliveries(ledger, counted::add, clock), counted::add, () -> {});
    }

    FanOutService fanOut(JobQueue queue) {
        return new FanOutService(rig.municipalities, rig.readers, queue);
    }

    void drain(LineSenderHandler handler) {
        rig.driver.drain(rig.queue("LineJobQueue"), event -> handler.handleRequest(event, null));
    }

    Optional<DeliveryStatus> ledgerStatus(Reader reader) {
        return rig.ledger.find(TOWN, reader.readerId(), DAY.toString()).map(LedgerEntry::status);
    }

    @Test
    void eachReaderGetsExactlyTheirDayInOnePushAndStoppedReadersGetNothing() {
        town();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        reader("Uwaiting", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(20)));
        reader("Uweek4", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(28)));
        expected.put("Uweek4", List.of("【妊娠4週0日】\nP28"));
        reader("Ulocal", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(100)));
        expected.put("Ulocal", List.of("【妊娠14週2日】\nP100\n\nL100\nデモ市より"));
        reader("Ulast", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(293)));
        expected.put("Ulast", List.of("【妊娠41週6日】\nP293"));
        Reader overdue = reader("Uoverdue", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(294)));
        reader("Unewborn", ReaderStatus.ACTIVE, Child.born("c1", DAY));
        expected.put("Unewborn", List.of("【生後0日】\nC0"));
        reader("Uquiet", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(101)));
        reader("Utwins", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(45)), Child.born("c2", DAY.minusDays(45)));
        expected.put("Utwins", List.of("【生後45日】\nC45"));
        reader("Usiblings", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(45)),
                Child.expected("c2", dueForPregnancyDay(100)));
        expected.put("Usiblings", List.of("【生後45日】\nC45\n\n【妊娠14週2日】\nP100\n\nL100\nデモ市より"));
        reader("Ufirst", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusYears(1)));
        expected.put("Ufirst", List.of("【1歳のお誕生日】\n1歳おめでとう\nデモ市より"));
        reader("Ulastday", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusYears(3).plusDays(1)));
        expected.put("Ulastday", List.of("【2歳11か月】\nC1095"));
        Reader third = reader("Uthird", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusYears(3)));
        reader("Upaused", ReaderStatus.PAUSED, Child.expected("c1", dueForPregnancyDay(28)));
        reader("Ublocked", ReaderStatus.BLOCKED, Child.expected("c1", dueForPregnancyDay(28)));
        reader("Ulost", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(28)).lost());
        Reader stopsOvernight = reader("Ustops", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(28)));

        FanOutService.FanOutResult fannedOut = fanOut(rig.jobQueue()).run(DAY, Optional.empty(), 8);
        rig.readers.save(rig.readers.find(TOWN, stopsOvernight.readerId()).orElseThrow().withStatus(ReaderStatus.PAUSED));
        drain(handler(rig.ledger));

        assertEquals(Map.of(TOWN, 14), fannedOut.enqueuedByMunicipality());
        expected.forEach((user, texts) -> assertEquals(List.of(texts), pushedTexts(user), user));
        assertTrue(pushedTexts("Uoverdue").getFirst().getFirst().startsWith("予定日を過ぎましたが"));
        assertEquals(DAY, rig.readers.find(TOWN, overdue.readerId()).orElseThrow().child("c1").orElseThrow().birthAskedOn());
        assertEquals(List.of("【3歳のお誕生日】\n3歳おめでとう\nデモ市より\n\n3歳のお誕生日、おめでとうございます。"),
                pushedTexts("Uthird").getFirst().stream().map(t -> t.substring(0, t.indexOf('\n', t.indexOf("3歳のお誕生日、")))).toList());
        for (String silent : List.of("Uwaiting", "Uquiet", "Upaused", "Ublocked", "Ulost", "Ustops")) {
            assertEquals(List.of(), pushedTexts(silent), silent);
        }
        assertEquals(expected.size() + 2, rig.line.accepted().size());
        assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(third));
        assertEquals(Optional.of(DeliveryStatus.SKIPPED), ledgerStatus(stopsOvernight));
        assertEquals(List.of(), rig.deadLetters("LineJobDeadLetterQueue"));
    }

    @Test
    void underThrottlingServerErrorsAndTimeOutsEveryReaderGetsExactlyOnePushAndOnlyTheHopelessOneIsDeadLettered() {
        town();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            users.add("Ufault" + i);
            reader("Ufault" + i, ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(28 + i)));
        }
        Reader hopeless = reader("Uhopeless", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(28)));
        rig.line.withFaults(42, 0.30, 0.05, 900).alwaysFailing("Uhopeless");

        fanOut(rig.jobQueue()).run(DAY, Optional.empty(), 8);
        drain(handler(rig.ledger));

        for (String user : users) {
            assertEquals(1, rig.line.acceptedFor(user).size(), user);
        }
        assertEquals(users.size(), rig.line.accepted().size());
        assertTrue(rig.line.faults() > 10, "faults injected: " + rig.line.faults());
        List<DeliveryJob> deadLetters = rig.deadLetters("LineJobDeadLetterQueue").stream().map(DeliveryJobJson::read).toList();
        assertEquals(List.of(DeliveryJob.daily(TOWN, hopeless.readerId(), Channel.LINE, DAY)), deadLetters);
        assertEquals(Optional.of(DeliveryStatus.SENDING), ledgerStatus(hopeless));
    }

    @Test
    void aSenderThatDiesAfterThePushBeforeTheLedgerWriteIsRedeliveredAndLineCountsItOnce() {
        town();
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            readers.add(reader("Ucrash" + i, ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(40 + i))));
        }
        CrashingLedger crashingOnceEach = CrashingLedger.oncePerReaderBeforeWritingSent(rig.ledger);

        fanOut(rig.jobQueue()).run(DAY, Optional.empty(), 8);
        drain(handler(crashingOnceEach));

        assertEquals(12, crashingOnceEach.crashes());
        assertEquals(24, rig.line.requests());
        assertEquals(12, rig.line.accepted().size());
        for (Reader reader : readers) {
            assertEquals(Optional.of(DeliveryStatus.SENT), ledgerStatus(reader));
        }
    }

    @Test
    void aFanOutStoppedHalfwayAndRunAgainGivesNobodyTwoAndNobodyNone() {
        town();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            users.add("Uhalf" + i);
            reader("Uhalf" + i, ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(30 + i)));
        }
        JobQueue full = rig.jobQueue();
        AtomicInteger enqueued = new AtomicInteger();
        JobQueue diesHalfway = jobs -> {
            if (enqueued.addAndGet(jobs.size()) > 20) {
                throw new IllegalStateException("fan-out stopped");
            }
            full.enqueue(jobs);
        };

        assertThrows(IllegalStateException.class, () -> fanOut(diesHalfway).run(DAY, Optional.empty(), 8));
        LineSenderHandler handler = handler(rig.ledger);
        drain(handler);
        int afterFirstRun = rig.line.accepted().size();
        fanOut(full).run(DAY, Optional.empty(), 8);
        drain(handler);

        assertTrue(afterFirstRun > 0 && afterFirstRun < users.size(), "first run reached " + afterFirstRun);
        for (String user : users) {
            assertEquals(1, rig.line.acceptedFor(user).size(), user);
        }
        assertEquals(users.size(), rig.line.accepted().size());
        // every job of the second run for a reader the first run reached finds the day done; a job the queue hands
        // over again while a slow emulator still works on it finds it done too, so this is a floor, not an exact count
        long alreadyDone = counted.stream().filter(DeliveryMetrics.ALREADY_DONE::equals).count();
        assertTrue(alreadyDone >= afterFirstRun, alreadyDone + " already done for " + afterFirstRun + " reached first");
    }

    List<List<String>> pushedTexts(String lineUserId) {
        return rig.line.acceptedFor(lineUserId).stream().map(LineStub.Accepted::texts).toList();
    }

    @Test
    void aDeadLetteredDayRedrivenAfterLineForgotItsRetryKeyIsMarkedInDoubtAndNotPushed() {
        town();
        Reader reader = reader("Uredriven", ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(40)));
        rig.line.alwaysFailing("Uredriven");
        fanOut(rig.jobQueue()).run(DAY, Optional.empty(), 8);
        drain(handler(rig.ledger));
        int attemptsOnTheDay = rig.line.attemptsFor("Uredriven").size();
        List<String> deadLetters = rig.deadLetters("LineJobDeadLetterQueue");
        rig.line.stopFailing("Uredriven");

        // the next day an operator redrives the dead-letter queue
        for (String body : deadLetters) {
            rig.sqs.sendMessage(r -> r.queueUrl(rig.queue("LineJobQueue")).messageBody(body));
        }
        drain(handler(rig.ledger, Clock.offset(CLOCK, Duration.ofHours(21))));

        assertEquals(1, deadLetters.size());
        assertEquals(attemptsOnTheDay, rig.line.attemptsFor("Uredriven").size());
        assertEquals(List.of(), rig.line.accepted());
        assertEquals(Optional.of(DeliveryStatus.IN_DOUBT), ledgerStatus(reader));
        assertEquals(1, counted.stream().filter(DeliveryMetrics.SENDING_IN_DOUBT::equals).count());
    }

    @Test
    void aMonthlyLimitStopsThatTownsPushesForTheDayWithOneAlarmWhileAnotherTownIsServed() {
        town();
        rig.municipalities.save(new Municipality(DeliveryRig.OTHER_TOWN, "よそ町", "よそ町より", "0000-00-0000", Plan.FULL,
                3, 8, List.of("ja"), null, true));
        List<Reader> limited = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            limited.add(reader("Ulimited" + i, ReaderStatus.ACTIVE, Child.expected("c1", dueForPregnancyDay(40 + i))));
        }
        for (int i = 0; i < 5; i++) {
            served.add("Uother" + i);
            rig.readers.save(Reader.newcomer(DeliveryRig.OTHER_TOWN, Channel.LINE, "Uother" + i, CLOCK.instant())
                    .withStatus(ReaderStatus.ACTIVE).withRole(Role.MOTHER)
                    .withChildren(List.of(Child.expected("c1", dueForPregnancyDay(40 + i)))));
        }
        rig.line.monthlyLimitReached(DeliveryRig.LINE_TOKEN);

        fanOut(rig.jobQueue()).run(DAY, Optional.empty(), 8);
        drain(handler(rig.ledger));

        long limitedAttempts = rig.line.attempts().stream().filter(a -> a.to().startsWith("Ulimited")).count();
        assertTrue(limitedAttempts >= 1 && limitedAttempts <= 10,
                "only the first batch's pushes of the town reach LINE: " + limitedAttempts);
        assertEquals(served, rig.line.accepted().stream().map(LineStub.Accepted::to).sorted().toList());
        for (Reader reader : limited) {
            LedgerEntry entry = rig.ledger.find(TOWN, reader.readerId(), DAY.toString()).orElseThrow();
            assertEquals(DeliveryStatus.SKIPPED, entry.status(), reader.address());
            assertEquals(LedgerEntry.MONTHLY_LIMIT, entry.reason(), reader.address());
        }
        assertEquals(1, counted.stream().filter(DeliveryMetrics.LINE_MONTHLY_LIMIT::equals).count());
        assertEquals(List.of(), rig.deadLetters("LineJobDeadLetterQueue"));
    }
}
