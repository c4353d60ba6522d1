package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 3 end to end: a parent registers, reports the birth, stops and restarts, all through the local runner. */
class ParentRegistrationE2E {

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
    void aParentFollowsRegistersAPregnancyReportsTheBirthStopsAndRestarts() {
        LineParent parent = new LineParent(runner.apiBaseUri(), "demo", "demo-channel-secret",
                "U0e2e0000000000000000000000000001");

        assertEquals(200, parent.follow());
        assertTrue(parent.lastReplyText().contains("よりそい町"), parent.lastReplyText());
        assertTrue(parent.lastReplyText().contains("https://demo.yorisoi.example/privacy"), parent.lastReplyText());
        parent.tap("a=agree&v=ja");

        parent.pickDate("a=due", "2027-06-03");
        parent.tap("a=role&v=MOTHER");
        parent.tap("a=lang&v=ja");
        Reader registered = reader(parent);
        assertEquals(ReaderStatus.ACTIVE, registered.status());
        assertEquals(Role.MOTHER, registered.role());
        assertEquals(Track.PREGNANCY, registered.children().getFirst().track());
        // 2027-06-03 is 193 days ahead: pregnancy day 87 = 12w3d.
        assertTrue(parent.lastReplyText().contains("【妊娠12週3日】"), parent.lastReplyText());

        parent.tap("a=born");
        parent.say("2026年11月21日");
        Reader born = reader(parent);
        assertEquals(Track.CHILD, born.children().getFirst().track());
        assertEquals(LocalDate.parse("2026-11-21"), born.children().getFirst().birthDate());
        assertTrue(parent.lastReplyText().contains("【生後1日】"), parent.lastReplyText());

        parent.say("ていし");
        assertEquals(ReaderStatus.PAUSED, reader(parent).status());

        parent.say("さいかい");
        assertEquals(ReaderStatus.ACTIVE, reader(parent).status());
        assertEquals(1, reader(parent).children().size());
    }

    private static Reader reader(LineParent parent) {
        LocalServices services = runner.services();
        return new DynamoReaderStore(services.dynamoDb(), services.table("ReadersTable"), services.readerIds())
                .findByAddress("demo", Channel.LINE, parent.userId()).orElseThrow();
    }
}
