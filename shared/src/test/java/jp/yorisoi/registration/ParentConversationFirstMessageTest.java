package jp.yorisoi.registration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.MapCatalogue;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A confirmation that announces the start says "today" exactly when today's delivery, composed by the senders'
 * composer, will bring the parent a message: given before the town's delivery hour (7:00 here) on a day with content.
 */
class ParentConversationFirstMessageTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    /** 06:00 in Japan: before the town's 7 o'clock delivery. */
    static final Instant BEFORE_DELIVERY = Instant.parse("2026-11-21T21:00:00Z");
    /** 06:59:59 in Japan. */
    static final Instant JUST_BEFORE_DELIVERY = Instant.parse("2026-11-21T21:59:59Z");
    /** 07:00 in Japan: today's fan-out may already have run. */
    static final Instant AT_DELIVERY = Instant.parse("2026-11-21T22:00:00Z");
    static final String USER = "U0123456789abcdef0123456789abcdef";
    static final Municipality TOWN = new Municipality("sakura", "さくら市", "さくら市より", "相談 0120-000-000", Plan.FULL, 3,
            7, List.of("ja", "ja-easy", "en"), null, true);
    /** Due in 193 days: 12w3d today, 12w4d tomorrow. */
    static final LocalDate DUE = TODAY.plusDays(193);
    static final int PREGNANCY_DAY_TODAY = 87;

    final MapCatalogue catalogue = new MapCatalogue();
    final DayPreview preview = DayPreview.of(new DayComposer(catalogue));

    ParentConversation at(Instant now) {
        return new ParentConversation(TOWN, TODAY, now, preview);
    }

    void contentOn(int pregnancyDay) {
        catalogue.withDaily(ContentOwner.BASE, Track.PREGNANCY, pregnancyDay, "ja", "妊娠" + pregnancyDay + "日目のころ");
    }

    static Reader awaitingLanguage(Child child) {
        return Reader.newcomer("sakura", Channel.LINE, USER, BEFORE_DELIVERY).withConsent(ParentConversationTest.AGREED).withRole(Role.MOTHER)
                .withChildren(List.of(child)).withConversation(Map.of("step", "AWAIT_LANGUAGE"));
    }

    static Reader registered(ReaderStatus status, Child child) {
        return Reader.newcomer("sakura", Channel.LINE, USER, BEFORE_DELIVERY).withConsent(ParentConversationTest.AGREED).withRole(Role.MOTHER)
                .withStatus(status).withRegisteredOn(TODAY.minusDays(30)).withChildren(List.of(child));
    }

    static String reply(Turn turn) {
        assertInstanceOf(Turn.Change.Save.class, turn.change());
        return turn.replies().getLast().text();
    }

    Turn postback(ParentConversation conversation, Reader reader, String data) {
        return conversation.next(Optional.of(reader), USER, new ParentEvent.Postback(data, null));
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource({"ja, 今日の7時ごろから", "ja-easy, きょう の 7じ ごろ から", "en, today at about 7:00"})
    void registeringBeforeTheDeliveryHourOnADayWithAMessageIsToldTheFirstMessageComesToday(String language,
            String today) {
        contentOn(PREGNANCY_DAY_TODAY);

        String confirmation = reply(postback(at(BEFORE_DELIVERY), awaitingLanguage(Child.expected("c1", DUE)),
                "a=lang&v=" + language));

        assertTrue(confirmation.contains(today), confirmation);
        assertFalse(confirmation.contains("明日") || confirmation.contains("あした") || confirmation.contains("tomorrow"),
                confirmation);
    }

    @Test
    void registeringOneSecondBeforeTheDeliveryHourStillGetsTodaysMessage() {
        contentOn(PREGNANCY_DAY_TODAY);

        String confirmation = reply(postback(at(JUST_BEFORE_DELIVERY), awaitingLanguage(Child.expected("c1", DUE)),
                "a=lang&v=ja"));

        assertTrue(confirmation.contains("今日の7時ごろから"), confirmation);
    }

    @Test
    void registeringAtOrAfterTheDeliveryHourIsToldTheFirstMessageComesTomorrow() {
        contentOn(PREGNANCY_DAY_TODAY);
        contentOn(PREGNANCY_DAY_TODAY + 1);

        String confirmation = reply(postback(at(AT_DELIVERY), awaitingLanguage(Child.expected("c1", DUE)),
                "a=lang&v=ja"));

        assertTrue(confirmation.contains("明日の7時ごろから"), confirmation);
        assertFalse(confirmation.contains("今日"), confirmation);
    }

    @Test
    void registeringBeforeTheDeliveryHourOnADayWithoutContentIsToldTomorrow() {
        contentOn(PREGNANCY_DAY_TODAY + 1);

        String confirmation = reply(postback(at(BEFORE_DELIVERY), awaitingLanguage(Child.expected("c1", DUE)),
                "a=lang&v=en"));

        assertTrue(confirmation.contains("from tomorrow at about 7:00"), confirmation);
    }

    @Test
    void aConversationWithoutTheComposerNeverPromisesToday() {
        contentOn(PREGNANCY_DAY_TODAY);

        Turn turn = new ParentConversation(TOWN, TODAY, BEFORE_DELIVERY).next(
                Optional.of(awaitingLanguage(Child.expected("c1", DUE))), USER,
                new ParentEvent.Postback("a=lang&v=ja", null));

        assertTrue(reply(turn).contains("明日の7時ごろから"), reply(turn));
    }

    @Test
    void restartingBeforeTheDeliveryHourOnADayWithAMessageSaysTheyRestartToday() {
        contentOn(PREGNANCY_DAY_TODAY);

        String reply = reply(at(BEFORE_DELIVERY).next(Optional.of(registered(ReaderStatus.PAUSED,
                Child.expected("c1", DUE))), USER, new ParentEvent.Text("さいかい")));

        assertTrue(reply.contains("今日の7時ごろから"), reply);
    }

    @Test
    void restartingAfterTheDeliveryHourSaysTomorrow() {
        contentOn(PREGNANCY_DAY_TODAY);

        String reply = reply(at(AT_DELIVERY).next(Optional.of(registered(ReaderStatus.PAUSED,
                Child.expected("c1", DUE))), USER, new ParentEvent.Text("さいかい")));

        assertTrue(reply.contains("明日の7時ごろから"), reply);
    }

    @Test
    void aBirthReportedBeforeTheDeliveryHourChangesTodaysMessageAndSaysSo() {
        catalogue.withDaily(ContentOwner.BASE, Track.CHILD, 1, "ja", "生後1日のころ");
        Reader reader = registered(ReaderStatus.ACTIVE, Child.expected("c1", DUE)).withConversation(
                Map.of("step", "AWAIT_BIRTH_DATE", "childId", "c1"));

        String reply = reply(at(BEFORE_DELIVERY).next(Optional.of(reader), USER,
                new ParentEvent.Postback("a=birth&c=c1", TODAY.minusDays(1).toString())));

        assertTrue(reply.contains("今日からは、お子さんの育ちに合わせた"), reply);
        assertTrue(reply.contains("今日の7時ごろから"), reply);
    }

    @Test
    void aDateChangeOfAPausedReaderNeverSaysToday() {
        contentOn(PREGNANCY_DAY_TODAY);
        Reader reader = registered(ReaderStatus.PAUSED, Child.expected("c1", DUE.plusDays(1)));

        String reply = reply(at(BEFORE_DELIVERY).next(Optional.of(reader), USER,
                new ParentEvent.Postback("a=due&c=c1", DUE.toString())));

        assertTrue(reply.contains("明日から新しい日付に合わせて"), reply);
        assertFalse(reply.contains("今日"), reply);
    }

    @Test
    void aSiblingAddedBeforeTheDeliveryHourIsToldItsFirstMessageComesTodayOnlyIfTodayHasOneForIt() {
        contentOn(PREGNANCY_DAY_TODAY);
        Reader withOlderChild = registered(ReaderStatus.ACTIVE, Child.born("c1", TODAY.minusDays(400)))
                .withConversation(Map.of("step", "AWAIT_ANCHOR"));
        catalogue.withDaily(ContentOwner.BASE, Track.CHILD, 400, "ja", "1歳のころ");

        String withContent = reply(at(BEFORE_DELIVERY).next(Optional.of(withOlderChild), USER,
                new ParentEvent.Postback("a=due", DUE.toString())));
        String withoutContent = reply(at(BEFORE_DELIVERY).next(Optional.of(withOlderChild), USER,
                new ParentEvent.Postback("a=due", DUE.plusDays(7).toString())));

        assertTrue(withContent.contains("今日の7時ごろから"), withContent);
        // the older child's message comes today, but nothing about the new pregnancy before tomorrow
        assertTrue(withoutContent.contains("明日の7時ごろから"), withoutContent);
    }
}
