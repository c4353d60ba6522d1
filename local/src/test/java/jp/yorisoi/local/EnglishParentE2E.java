package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 end to end: an English-speaking parent reads the consent notice in English, registers, asks for today's
 * message and gets it by reply, is pushed nothing more that day, and gets English headings in the next day's push.
 */
class EnglishParentE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(LocalConfig.forTests(TODAY));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void anEnglishParentAgreesRegistersAsksForTodayAndIsPushedOnlyTheNextDay() throws Exception {
        LineParent parent = new LineParent(runner.apiBaseUri(), "demo", "demo-channel-secret",
                "U0e2e0000000000000000000000000011");

        parent.follow();
        assertTrue(parent.lastReplyText().contains("個人情報"), parent.lastReplyText());
        assertEquals(Map.of("step", "AWAIT_CONSENT"), reader(parent).conversation());
        parent.tap("a=notice&v=en");
        String notice = parent.lastReplyText();
        assertTrue(notice.contains("What we keep: your due date or your child's birthday"), notice);
        assertTrue(notice.contains("https://demo.yorisoi.example/privacy"), notice);
        assertEquals(null, reader(parent).consent(), "reading the notice is no agreement");

        parent.tap("a=agree&v=en");
        assertTrue(parent.lastReplyText().startsWith("Please choose the one that fits you."), parent.lastReplyText());
        parent.pickDate("a=due", "2027-06-03");
        parent.tap("a=role&v=PARTNER");
        Reader registered = reader(parent);
        assertEquals(ReaderStatus.ACTIVE, registered.status());
        assertEquals("en", registered.language());
        // 2027-06-03 is 193 days after 2026-11-22: pregnancy day 87 = 12w3d.
        assertTrue(parent.lastReplyText().contains("[Pregnancy week 12, day 3]"), parent.lastReplyText());

        parent.say("today");
        String today = parent.lastReplyText();
        assertTrue(today.startsWith("[Pregnancy week 12, day 3]"), today);
        LedgerEntry entry = new DynamoLedger(runner.services().dynamoDb(), runner.services().table("LedgerTable"))
                .find("demo", registered.readerId(), TODAY.toString()).orElseThrow();
        assertEquals(LedgerEntry.DeliveryStatus.SENT, entry.status());
        assertEquals(LedgerEntry.BY_REPLY, entry.reason());

        assertEquals(202, run(TODAY.toString()).statusCode());
        awaitJobQueueDrained();
        assertEquals(0, parent.pushes().size(), "today's message went by reply: the day's run pushes nothing");

        assertEquals(202, run(TODAY.plusDays(1).toString()).statusCode());
        Await.until("the push of the next day", Duration.ofSeconds(30), () -> !parent.pushes().isEmpty());
        String push = parent.pushes().getFirst();
        assertTrue(push.startsWith("[Pregnancy week 12, day 4]"), push);
        assertFalse(push.contains("【妊娠"), push);
    }

    private static Reader reader(LineParent parent) {
        LocalServices services = runner.services();
        return new DynamoReaderStore(services.dynamoDb(), services.table("ReadersTable"), services.readerIds())
                .findByAddress("demo", Channel.LINE, parent.userId()).orElseThrow();
    }

    private static HttpResponse<String> run(String date) throws Exception {
        return LocalRuns.run(runner, date);
    }

    private static void awaitJobQueueDrained() {
        LocalRuns.awaitJobQueueDrained(runner);
    }
}
