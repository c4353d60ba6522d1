package jp.yorisoi.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.line.OutgoingMessage;
import jp.yorisoi.line.QuickReplyItem.Postback;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The consent notice before anything is kept, and again when the town's notice changes (docs/consent.md). */
class ParentConsentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    static final String USER = "U0123456789abcdef0123456789abcdef";
    static final Municipality TOWN = town(1);

    private final ParentConversation conversation = new ParentConversation(TOWN, TODAY, NOW);

    private static Municipality town(int consentVersion) {
        return new Municipality("sakura", "さくら市", "さくら市より", "さくら市こども家庭センター", Plan.FULL, 3, 7,
                List.of("ja", "ja-easy", "en"), null, true, "https://www.city.sakura.example/privacy", consentVersion);
    }

    @Test
    void aFollowShowsTheNoticeAndKeepsOnlyABareRecord() {
        Turn turn = conversation.next(Optional.empty(), USER, new ParentEvent.Followed(false));

        Reader bare = saved(turn);
        assertEquals(ReaderStatus.REGISTERING, bare.status());
        assertEquals(Map.of("step", "AWAIT_CONSENT"), bare.conversation());
        assertEquals(List.of(), bare.children());
        assertNull(bare.role());
        assertNull(bare.consent());
        assertNull(bare.registeredOn());
        assertTrue(turn.replies().getFirst().text().startsWith("さくら市です。"));
        OutgoingMessage notice = turn.replies().getLast();
        assertTrue(notice.text().contains("LINEのユーザーID"), notice.text());
        assertTrue(notice.text().contains("https://www.city.sakura.example/privacy"), notice.text());
        assertEquals(List.of("a=agree&v=ja", "a=decline", "a=notice&v=ja-easy", "a=notice&v=en"), data(notice));
    }

    @Test
    void datesAndRolesGivenBeforeAgreeingAreNotKept() {
        Reader bare = stored(conversation.next(Optional.empty(), USER, new ParentEvent.Followed(false)));

        for (ParentEvent event : List.of(new ParentEvent.Postback("a=due", "2027-03-15"), new ParentEvent.Text("2027/3/15"),
                new ParentEvent.Postback("a=role&v=MOTHER", null), new ParentEvent.Postback("a=lang&v=en", null),
                new ParentEvent.Text("メニュー"), new ParentEvent.Postback("a=today", null))) {
            Turn turn = conversation.next(Optional.of(bare), USER, event);

            assertInstanceOf(Turn.Change.Keep.class, turn.change(), event.toString());
            assertTrue(turn.replies().getLast().text().contains("個人情報"), event.toString());
        }
    }

    @Test
    void theNoticeInAnotherLanguageKeepsNothing() {
        Reader bare = stored(conversation.next(Optional.empty(), USER, new ParentEvent.Followed(false)));

        Turn turn = postback(bare, "a=notice&v=en");

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        OutgoingMessage notice = turn.replies().getFirst();
        assertTrue(notice.text().contains("What we keep: your due date or your child's birthday"), notice.text());
        assertEquals(List.of("a=agree&v=en", "a=decline", "a=notice&v=ja", "a=notice&v=ja-easy"), data(notice));
    }

    @Test
    void agreeingInEnglishRecordsTheVersionAndAsksTheFirstQuestionInEnglish() {
        Reader bare = stored(conversation.next(Optional.empty(), USER, new ParentEvent.Followed(false)));

        Turn turn = postback(bare, "a=agree&v=en");

        Reader agreed = saved(turn);
        assertEquals(new Reader.Consent(1, NOW), agreed.consent());
        assertEquals("en", agreed.language());
        assertEquals("AWAIT_ANCHOR", agreed.conversation().get("step"));
        assertTrue(turn.replies().getFirst().text().startsWith("Please choose the one that fits you."),
                turn.replies().getFirst().text());
    }

    @Test
    void aParentWhoChoseEnglishAtTheNoticeIsNotAskedTheLanguageAgain() {
        Reader reader = stored(postback(stored(postback(stored(conversation.next(Optional.empty(), USER,
                new ParentEvent.Followed(false))), "a=agree&v=en")), "a=birth", TODAY.minusDays(45)));

        Turn turn = postback(reader, "a=role&v=PARTNER");

        Reader active = saved(turn);
        assertEquals(ReaderStatus.ACTIVE, active.status());
        assertEquals(Role.PARTNER, active.role());
        assertTrue(turn.replies().getLast().text().contains("[Day 45 after birth]"), turn.replies().getLast().text());
    }

    @Test
    void decliningRemovesTheBareRecord() {
        Reader bare = stored(conversation.next(Optional.empty(), USER, new ParentEvent.Followed(false)));

        Turn turn = postback(bare, "a=decline");

        assertEquals(new Turn.Change.Delete(bare.readerId()), turn.change());
        assertTrue(turn.replies().getFirst().text().contains("何もお預かりしていません"));
    }

    @Test
    void aStrangerWhoDeclinesLeavesNothing() {
        Turn turn = conversation.next(Optional.empty(), USER, new ParentEvent.Postback("a=decline", null));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
    }

    @Test
    void aChangedNoticeIsShownToARegisteredReaderAtTheirNextMessageAndNothingChanges() {
        ParentConversation afterChange = new ParentConversation(town(2), TODAY, NOW);
        Reader reader = registered(ReaderStatus.ACTIVE);

        Turn turn = afterChange.next(Optional.of(reader), USER, new ParentEvent.Text("メニュー"));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getFirst().text().startsWith("個人情報の取り扱いの説明が新しくなりました。"),
                turn.replies().getFirst().text());
        assertEquals("a=agree&v=ja", data(turn.replies().getFirst()).getFirst());
    }

    @Test
    void agreeingToTheChangedNoticeRecordsItsVersionAndShowsWhereTheReaderStands() {
        ParentConversation afterChange = new ParentConversation(town(2), TODAY, NOW);

        Turn turn = afterChange.next(Optional.of(registered(ReaderStatus.ACTIVE)), USER,
                new ParentEvent.Postback("a=agree&v=ja", null));

        Reader agreed = saved(turn);
        assertEquals(new Reader.Consent(2, NOW), agreed.consent());
        assertEquals("ja", agreed.language());
        assertTrue(turn.replies().getFirst().text().startsWith("メッセージはお届け中です。"));
    }

    @Test
    void aRegisteredReaderWhoDeclinesTheChangedNoticeKeepsEverything() {
        ParentConversation afterChange = new ParentConversation(town(2), TODAY, NOW);

        Turn turn = afterChange.next(Optional.of(registered(ReaderStatus.ACTIVE)), USER,
                new ParentEvent.Postback("a=decline", null));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getFirst().text().contains("これまでの登録内容はそのままです"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ていし", "stop"})
    void stoppingNeverWaitsForTheChangedNotice(String word) {
        ParentConversation afterChange = new ParentConversation(town(2), TODAY, NOW);

        Turn turn = afterChange.next(Optional.of(registered(ReaderStatus.ACTIVE)), USER, new ParentEvent.Text(word));

        assertEquals(ReaderStatus.PAUSED, saved(turn).status());
    }

    @Test
    void deletingNeverWaitsForTheChangedNotice() {
        ParentConversation afterChange = new ParentConversation(town(2), TODAY, NOW);
        Reader confirming = registered(ReaderStatus.ACTIVE).withConversation(Map.of("step", "CONFIRM_DELETE"));

        Turn turn = afterChange.next(Optional.of(confirming), USER, new ParentEvent.Postback("a=delete&v=yes", null));

        assertEquals(new Turn.Change.Delete(confirming.readerId()), turn.change());
    }

    @Test
    void anUnblockingReaderIsBackAtOnceAndShownTheChangedNotice() {
        ParentConversation afterChange = new ParentConversation(town(2), TODAY, NOW);

        Turn turn = afterChange.next(Optional.of(registered(ReaderStatus.BLOCKED)), USER, new ParentEvent.Followed(true));

        assertEquals(ReaderStatus.ACTIVE, saved(turn).status());
        assertEquals(1, saved(turn).consent().version());
        assertTrue(turn.replies().getLast().text().startsWith("個人情報の取り扱いの説明が新しくなりました。"));
    }

    @Test
    void aReaderRegisteredBeforeConsentWasAskedIsAskedAtTheirNextMessage() {
        Reader before = registered(ReaderStatus.ACTIVE).withConsent(null);

        Turn turn = conversation.next(Optional.of(before), USER, new ParentEvent.Postback("a=menu", null));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertFalse(data(turn.replies().getFirst()).isEmpty());
        assertEquals("a=agree&v=ja", data(turn.replies().getFirst()).getFirst());
    }

    // ---- today's message again

    @ParameterizedTest
    @ValueSource(strings = {"きょうのメッセージ", "今日のメッセージ", "Today", "today's message", "ｔｏｄａｙ"})
    void todaysMessageIsAskedForInWords(String words) {
        Turn turn = conversation.next(Optional.of(registered(ReaderStatus.ACTIVE)), USER, new ParentEvent.Text(words));

        assertTrue(turn.today());
        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertEquals("きょうは、お届けするメッセージはありません。", turn.replies().getFirst().text());
    }

    @Test
    void theRichMenusButtonAsksForTodaysMessage() {
        Reader english = registered(ReaderStatus.PAUSED).withLanguage("en");

        Turn turn = conversation.next(Optional.of(english), USER, new ParentEvent.Postback("a=today", null));

        assertTrue(turn.today());
        assertEquals("There is no message for you today.", turn.replies().getFirst().text());
    }

    @Test
    void todaysMessageWaitsForTheEndOfRegistration() {
        Reader registering = Reader.newcomer("sakura", Channel.LINE, USER, NOW).withConsent(new Reader.Consent(1, NOW))
                .withConversation(Map.of("step", "AWAIT_ANCHOR"));

        Turn turn = conversation.next(Optional.of(registering), USER, new ParentEvent.Text("きょうのメッセージ"));

        assertFalse(turn.today());
        assertEquals("きょうのメッセージは、登録が終わってからお届けします。", turn.replies().getFirst().text());
    }

    // ---- helpers

    private static Reader registered(ReaderStatus status) {
        return stored(Turn.save(Reader.newcomer("sakura", Channel.LINE, USER, NOW)
                .withChildren(List.of(Child.born("c1", TODAY.minusDays(45)))).withRole(Role.MOTHER)
                .withStatus(status).withConsent(new Reader.Consent(1, NOW)), List.of()));
    }

    private Turn postback(Reader reader, String data) {
        return conversation.next(Optional.of(reader), USER, new ParentEvent.Postback(data, null));
    }

    private Turn postback(Reader reader, String data, LocalDate date) {
        return conversation.next(Optional.of(reader), USER, new ParentEvent.Postback(data, date.toString()));
    }

    private static Reader saved(Turn turn) {
        return assertInstanceOf(Turn.Change.Save.class, turn.change()).reader();
    }

    /** As a store would hand it back: saved once. */
    private static Reader stored(Turn turn) {
        Reader r = saved(turn);
        return new Reader(r.municipalityId(), r.readerId(), r.channel(), r.address(), r.role(), r.language(), r.status(),
                r.children(), r.conversation(), r.createdAt(), r.updatedAt(), r.version() + 1, r.registeredOn(),
                r.consent());
    }

    private static List<String> data(OutgoingMessage message) {
        return message.quickReplies().stream().map(i -> ((Postback) i).data()).toList();
    }
}
