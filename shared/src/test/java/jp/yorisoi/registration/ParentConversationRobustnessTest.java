package jp.yorisoi.registration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import org.junit.jupiter.api.Test;

/**
 * Every button the grammar of {@link PostbackData} accepts, tampered or stale, pressed by a parent in every state of
 * the chat: the conversation always answers and never throws (a throw means no reply and an error in the log).
 */
class ParentConversationRobustnessTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    static final String USER = "U0123456789abcdef0123456789abcdef";
    static final Municipality TOWN = new Municipality("sakura", "さくら市", "さくら市より", "さくら市こども家庭センター",
            Plan.FULL, 3, 7, List.of("ja", "ja-easy", "en"), null, true);

    private final ParentConversation conversation = new ParentConversation(TOWN, TODAY, NOW);

    @Test
    void anUndoButtonWithoutAChildIsAStaleButtonNotAFailure() {
        Reader lost = registered(Child.expected("c1", TODAY.plusDays(100)).lost())
                .withConversation(Map.of("step", "AFTER_LOSS", "child", "c1"));

        Turn turn = conversation.next(Optional.of(lost), USER, new ParentEvent.Postback("a=keep", null));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertEquals(1, turn.replies().size());
        assertFalse(turn.replies().getFirst().quickReplies().isEmpty());
    }

    @Test
    void everyWellFormedButtonInEveryStateOfTheChatGetsAnAnswer() {
        List<String> failures = new ArrayList<>();
        for (Optional<Reader> reader : readers()) {
            for (String data : buttons()) {
                for (String picked : Arrays.asList(null, "2027-03-15", "2026-11-20", "2027-02-30", "2027/03/15")) {
                    ParentEvent event = new ParentEvent.Postback(data, picked);
                    try {
                        Turn turn = conversation.next(reader, USER, event);
                        if (turn.replies().isEmpty()) {
                            failures.add(describe(reader, data, picked) + ": no reply");
                        }
                    } catch (RuntimeException e) {
                        failures.add(describe(reader, data, picked) + ": " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void typedWordsAndDatesInEveryStateOfTheChatGetAnAnswer() {
        for (Optional<Reader> reader : readers()) {
            for (String text : List.of("メニュー", "menu", "ていし", "stop", "さいかい", "start", "2027/3/15",
                    "令和9年3月15日", "令和元年4月1日", "2027-02-30", "2026/11/15", "1999/1/1", "こんにちは", "",
                    "x".repeat(5_000))) {
                Turn turn = assertDoesNotThrow(() -> conversation.next(reader, USER, new ParentEvent.Text(text)));
                assertFalse(turn.replies().isEmpty(), () -> describe(reader, text, null));
            }
        }
    }

    private static List<String> buttons() {
        List<String> buttons = new ArrayList<>();
        for (String action : List.of("menu", "due", "birth", "kind", "role", "lang", "add", "born", "date", "stop",
                "start", "loss", "keep", "delete")) {
            for (String value : Arrays.asList(null, "due", "birth", "MOTHER", "en", "yes", "no", "x")) {
                for (String child : Arrays.asList(null, "c1", "c2", "c9")) {
                    String data = "a=" + action + (value == null ? "" : "&v=" + value) + (child == null ? "" : "&c=" + child);
                    if (PostbackData.parse(data).isPresent()) {
                        buttons.add(data);
                    }
                }
            }
        }
        return buttons;
    }

    private static List<Optional<Reader>> readers() {
        Reader newcomer = Reader.newcomer("sakura", Channel.LINE, USER, NOW).withConsent(ParentConversationTest.AGREED);
        Reader twins = registered(Child.expected("c1", TODAY.plusDays(100)), Child.expected("c2", TODAY.plusDays(100)));
        return List.of(
                Optional.empty(),
                Optional.of(newcomer.withConversation(Map.of("step", "AWAIT_ANCHOR"))),
                Optional.of(newcomer.withChildren(List.of(Child.born("c1", TODAY.minusDays(45))))
                        .withConversation(Map.of("step", "AWAIT_ROLE"))),
                Optional.of(newcomer.withConversation(Map.of("step", "AWAIT_ANCHOR_KIND", "date", "2026-11-15"))),
                Optional.of(twins),
                Optional.of(twins.withStatus(ReaderStatus.PAUSED)),
                Optional.of(twins.withStatus(ReaderStatus.BLOCKED)),
                Optional.of(twins.withConversation(Map.of("step", "AWAIT_DUE_DATE", "child", "c2"))),
                Optional.of(twins.withConversation(Map.of("step", "CONFIRM_DELETE"))),
                Optional.of(registered(Child.expected("c1", TODAY.plusDays(100)).lost())
                        .withConversation(Map.of("step", "AFTER_LOSS", "child", "c1"))),
                Optional.of(registered(Child.born("c1", TODAY.minusDays(30)).lost())
                        .withConversation(Map.of("step", "AWAIT_BIRTH_DATE", "child", "c1"))));
    }

    private static Reader registered(Child... children) {
        return Reader.newcomer("sakura", Channel.LINE, USER, NOW).withConsent(ParentConversationTest.AGREED).withChildren(List.of(children))
                .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE);
    }

    private static String describe(Optional<Reader> reader, String input, String picked) {
        return reader.map(r -> r.status() + " " + r.conversation()).orElse("unknown") + " / " + input + " / " + picked;
    }
}
