package jp.yorisoi.functions.mailsender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.content.ContentEntry;
import jp.yorisoi.content.ContentKind;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.FanOutService;
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
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily e-mail delivery end to end: fan-out → MailJobQueue → MailSenderHandler → SES v2 (WireMock). */
class MailDeliveryIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final String TOWN = "demo";

    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();

    final DeliveryRig rig = DeliveryRig.start(LINE, SES);
    final List<String> counted = new CopyOnWriteArrayList<>();
    final MailSenderHandler handler = new MailSenderHandler(rig.deliveries(rig.ledger, counted::add, CLOCK),
            counted::add, () -> {});

    @BeforeEach
    void town() {
        rig.municipalities.save(new Municipality(TOWN, "デモ市", "デモ市より", "子育て相談 0000-00-0000", Plan.FULL, 3, 8,
                List.of("ja"), "info@demo.example.jp", true));
        rig.catalogue.importAll(List.of(
                new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.PREGNANCY, 100, "ja", "P100"),
                new ContentEntry(TOWN, ContentKind.DAILY, Track.PREGNANCY, 100, "ja", "L100"),
                new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.CHILD, 45, "ja", "C45")));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @AfterAll
    static void stopStubs() {
        LINE.close();
        SES.close();
    }

    Reader reader(String address, ReaderStatus status, Child... children) {
        return rig.readers.save(Reader.newcomer(TOWN, Channel.EMAIL, address, CLOCK.instant())
                .withStatus(status).withRole(Role.PARTNER).withChildren(List.of(children)));
    }

    void runTheDay() {
        new FanOutService(rig.municipalities, rig.readers, rig.jobQueue()).run(DAY, Optional.empty(), 8);
        rig.driver.drain(rig.queue("MailJobQueue"), event -> handler.handleRequest(event, null));
    }

    List<SesStub.SentMail> mailsTo(String address) {
        return rig.ses.sent().stream().filter(m -> m.to().equals(address)).toList();
    }

    @Test
    void eachMailReaderGetsTheirDayAsOneMailWithOneClickUnsubscribeAndASecondRunSendsNothing() {
        Reader expecting = reader("expecting@example.jp", ReaderStatus.ACTIVE, Child.expected("c1", DAY.plusDays(180)));
        reader("twins@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(45)), Child.born("c2", DAY.minusDays(45)));
        reader("paused@example.jp", ReaderStatus.PAUSED, Child.born("c1", DAY.minusDays(45)));

        runTheDay();
        runTheDay();

        assertEquals(2, rig.ses.sent().size());
        SesStub.SentMail mail = mailsTo("expecting@example.jp").getFirst();
        assertEquals("=?UTF-8?B?44OH44Oi5biC?= <info@demo.example.jp>", mail.from(), "デモ市 as the sender's name");
        assertEquals("【妊娠14週2日】デモ市からのきょうのメッセージ", mail.subject());
        assertTrue(mail.text().startsWith("【妊娠14週2日】\nP100\n\nL100\nデモ市より"), mail.text());
        assertTrue(mail.html().contains("P100"));
        String unsubscribe = rig.mailLinks.unsubscribeUrl(TOWN, expecting.readerId(), CLOCK.instant());
        assertEquals(Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), mail.headers());
        assertTrue(mail.text().contains(unsubscribe));
        assertTrue(mail.text().contains(rig.mailLinks.settingsUrl(TOWN, expecting.readerId(), CLOCK.instant())));
        assertTrue(mail.html().contains(unsubscribe.replace("&", "&amp;")), mail.html());
        assertEquals("yorisoi-daily", mail.configurationSet());
        assertEquals(1, mailsTo("twins@example.jp").size());
        assertTrue(mailsTo("twins@example.jp").getFirst().text().startsWith("【生後45日】\nC45\n\n"));
        assertEquals(List.of(), mailsTo("paused@example.jp"));
        assertEquals(Optional.of(DeliveryStatus.SENT),
                rig.ledger.find(TOWN, expecting.readerId(), DAY.toString()).map(LedgerEntry::status));
        assertEquals(2, counted.stream().filter(DeliveryMetrics.ALREADY_DONE::equals).count());
    }

    @Test
    void aThrottledMailGoesBackToTheQueueAndIsSentOnceWhenSesHasRoom() {
        reader("throttled@example.jp", ReaderStatus.ACTIVE, Child.born("c1", DAY.minusDays(45)));
        rig.ses.throttleNext(2);

        runTheDay();

        assertEquals(1, mailsTo("throttled@example.jp").size());
        assertTrue(counted.contains(DeliveryMetrics.RETRYABLE_FAILURE));
        assertEquals(List.of(), rig.deadLetters("MailJobDeadLetterQueue"));
    }
}
