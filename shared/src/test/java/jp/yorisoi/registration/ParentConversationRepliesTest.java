package jp.yorisoi.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.line.OutgoingMessage;
import jp.yorisoi.line.QuickReplyItem.DatePicker;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What the chat tells a parent about the days ahead must be what the delivery will do. */
class ParentConversationRepliesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    static final String USER = "U0123456789abcdef0123456789abcdef";
    static final Municipality TOWN = new Municipality("sakura", "さくら市", "さくら市より", "さくら市こども家庭センター",
            Plan.FULL, 3, 7, List.of("ja", "ja-easy", "en"), null, true);

    private final ParentConversation conversation = new ParentConversation(TOWN, TODAY, NOW);

    /** At 41w6d today's message is the pregnancy track's last: tomorrow brings the birth question, not a daily one. */
    @ParameterizedTest
    @ValueSource(strings = {"ja", "ja-easy", "en"})
    void registeringOnThePregnancysLastDayDoesNotPromiseDailyMessagesFromTomorrow(String language) {
        Reader registering = Reader.newcomer("sakura", Channel.LINE, USER, NOW).withConsent(ParentConversationTest.AGREED)
                .withChildren(List.of(Child.expected("c1", TODAY.minusDays(13))))
                .withRole(Role.MOTHER)
                .withConversation(Map.of("step", "AWAIT_LANGUAGE"));

        Turn turn = conversation.next(Optional.of(registering), USER,
                new ParentEvent.Postback("a=lang&v=" + language, null));

        String text = turn.replies().getLast().text();
        assertFalse(text.contains("毎日") || text.contains("まいにち") || text.contains("daily"), text);
        assertTrue(text.contains("生まれました"), text);
    }

    @Test
    void reportingOneTwinsBirthOffersTheOtherTwinTheSameDayInOneTap() {
        LocalDate due = TODAY.plusDays(20);
        Reader twins = registered(Child.expected("c1", due), Child.expected("c2", due), Child.born("c3", TODAY.minusDays(800)));
        LocalDate born = TODAY.minusDays(1);

        Turn turn = conversation.next(Optional.of(twins), USER, new ParentEvent.Postback("a=birth&c=c1", born.toString()));

        Reader saved = assertInstanceOf(Turn.Change.Save.class, turn.change()).reader();
        assertEquals(Track.CHILD, saved.child("c1").orElseThrow().track());
        assertEquals(Track.PREGNANCY, saved.child("c2").orElseThrow().track());
        OutgoingMessage reply = turn.replies().getLast();
        assertEquals(1, reply.quickReplies().size(), reply.text());
        DatePicker other = (DatePicker) reply.quickReplies().getFirst();
        assertEquals("a=birth&c=c2", other.data());
        assertEquals(born, other.initial());

        Turn second = conversation.next(Optional.of(saved), USER, new ParentEvent.Postback(other.data(), born.toString()));

        Reader both = assertInstanceOf(Turn.Change.Save.class, second.change()).reader();
        assertEquals(born, both.child("c2").orElseThrow().birthDate());
        assertTrue(second.replies().getLast().quickReplies().isEmpty());
    }

    /** LINE named the user unknown once (a 400); a follow proves LINE knows them, so "we are delivering" must be true. */
    @Test
    void aFollowByAReaderMarkedUnreachableResumesTheDeliveryItPromises() {
        Reader unreachable = registered(Child.expected("c1", TODAY.plusDays(100))).withStatus(ReaderStatus.UNREACHABLE);

        Turn turn = conversation.next(Optional.of(unreachable), USER, new ParentEvent.Followed(false));

        assertEquals(ReaderStatus.ACTIVE, assertInstanceOf(Turn.Change.Save.class, turn.change()).reader().status());
        assertTrue(turn.replies().getLast().text().contains("お届け中"), turn.replies().getLast().text());
    }

    /**
     * A reader who chose English or やさしい日本語 was told to send "menu"; the menu, the stop and restart answers and
     * the loss acknowledgement must then be readable for them too, with the town's contacts in the loss message.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja-easy"})
    void theMenuStopRestartAndLossRepliesComeInTheReadersLanguage(String language) {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(100)), Child.born("c2", TODAY.minusDays(300)))
                .withLanguage(language);

        Turn menu = conversation.next(Optional.of(reader), USER, new ParentEvent.Text("menu"));
        Turn stop = conversation.next(Optional.of(reader), USER, new ParentEvent.Text("stop"));
        Reader paused = assertInstanceOf(Turn.Change.Save.class, stop.change()).reader();
        Turn start = conversation.next(Optional.of(paused), USER, new ParentEvent.Text("start"));
        Turn loss = conversation.next(Optional.of(reader), USER, new ParentEvent.Postback("a=loss&c=c1", null));
        Turn chat = conversation.next(Optional.of(reader), USER, new ParentEvent.Text("hello"));

        for (Turn turn : List.of(menu, stop, start, loss, chat)) {
            String text = turn.replies().getLast().text();
            if (language.equals("en")) {
                assertFalse(text.chars().limit(20).anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA),
                        text);
            } else {
                assertTrue(text.contains(" "), "やさしい日本語 leaves spaces between words: " + text);
            }
        }
        assertTrue(loss.replies().getLast().text().contains("さくら市こども家庭センター"));
        assertTrue(menu.replies().getLast().quickReplies().stream().anyMatch(i -> i.label().contains("生まれました")),
                "the birth question names this button");
    }

    @Test
    void deletingAsksAndAnswersInEnglishForAnEnglishReader() {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(100))).withLanguage("en");

        Turn ask = conversation.next(Optional.of(reader), USER, new ParentEvent.Postback("a=delete", null));
        Reader asked = assertInstanceOf(Turn.Change.Save.class, ask.change()).reader();
        Turn no = conversation.next(Optional.of(asked), USER, new ParentEvent.Postback("a=delete&v=no", null));
        Turn yes = conversation.next(Optional.of(asked), USER, new ParentEvent.Postback("a=delete&v=yes", null));

        assertTrue(ask.replies().getLast().text().startsWith("Delete"), ask.replies().getLast().text());
        assertEquals(List.of("Delete", "Cancel"),
                ask.replies().getLast().quickReplies().stream().map(i -> i.label()).toList());
        assertTrue(no.replies().getLast().text().startsWith("Nothing was deleted"), no.replies().getLast().text());
        assertInstanceOf(Turn.Change.Delete.class, yes.change());
        assertTrue(yes.replies().getLast().text().startsWith("Your data has been deleted"), yes.replies().getLast().text());
    }

    /** Asked "was the baby born?" at 42w0d, the parent corrects the due date: the question belongs to the old one. */
    @Test
    void aChangedDueDateIsAskedAboutOnceWhenItTooHasPassed() {
        Child asked = Child.expected("c1", TODAY.minusDays(14)).askedAboutBirth(TODAY);
        Reader reader = registered(asked);

        Turn turn = conversation.next(Optional.of(reader), USER,
                new ParentEvent.Postback("a=due&c=c1", TODAY.plusDays(3).toString()));

        Child changed = assertInstanceOf(Turn.Change.Save.class, turn.change()).reader().child("c1").orElseThrow();
        assertEquals(TODAY.plusDays(3), changed.dueDate());
        assertEquals(null, changed.birthAskedOn());
    }

    /** The birth question tells an English reader to report the birth: that path must be readable to the end. */
    @Test
    void reportingTheBirthAndChangingADateSpeakEnglishToAnEnglishReader() {
        Reader reader = registered(Child.expected("c1", TODAY.minusDays(14))).withLanguage("en");

        Turn ask = conversation.next(Optional.of(reader), USER, new ParentEvent.Postback("a=born", null));
        Reader asked = assertInstanceOf(Turn.Change.Save.class, ask.change()).reader();
        Turn typed = conversation.next(Optional.of(asked), USER, new ParentEvent.Text("2026/11/20"));
        Turn change = conversation.next(Optional.of(reader), USER, new ParentEvent.Postback("a=date", null));
        Turn stale = conversation.next(Optional.of(reader), USER, new ParentEvent.Postback("a=kind&v=due", null));

        for (Turn turn : List.of(ask, typed, change, stale)) {
            String text = turn.replies().getLast().text();
            assertFalse(text.chars().limit(20).anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA),
                    text);
        }
        assertEquals(TODAY.minusDays(2), assertInstanceOf(Turn.Change.Save.class, typed.change()).reader()
                .child("c1").orElseThrow().birthDate());
    }

    private static Reader registered(Child... children) {
        return Reader.newcomer("sakura", Channel.LINE, USER, NOW).withConsent(ParentConversationTest.AGREED).withChildren(List.of(children))
                .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE);
    }
}
