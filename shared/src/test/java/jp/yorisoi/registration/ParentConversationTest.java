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
import jp.yorisoi.line.QuickReplyItem;
import jp.yorisoi.line.QuickReplyItem.DatePicker;
import jp.yorisoi.line.QuickReplyItem.Postback;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.ChildStatus;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParentConversationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    static final String USER = "U0123456789abcdef0123456789abcdef";
    static final String CONSULTATION = "さくら市こども家庭センター 0120-000-000（平日9時〜17時）";
    static final Municipality TOWN = new Municipality("sakura", "さくら市", "さくら市より", CONSULTATION, Plan.FULL, 3, 7,
            List.of("ja", "ja-easy", "en"), null, true);
    static final Municipality JAPANESE_ONLY_TOWN = new Municipality("momo", "もも町", "もも町より", "もも町保健センター",
            Plan.BASE_ONLY, 3, 8, List.of("ja"), null, true);

    /** Agreed to the first version of the town's consent notice. */
    static final Reader.Consent AGREED = new Reader.Consent(1, NOW);

    private final ParentConversation conversation = new ParentConversation(TOWN, TODAY, NOW);

    // ---- registration

    @Test
    void agreeingToTheNoticeAfterTheFollowOffersBothDatePickersWithTheProgramWindows() {
        Reader bare = stored(conversation.next(Optional.empty(), USER, new ParentEvent.Followed(false)));

        Turn turn = postback(bare, "a=agree&v=ja");

        Reader saved = saved(turn);
        assertEquals(ReaderStatus.REGISTERING, saved.status());
        assertEquals("AWAIT_ANCHOR", saved.conversation().get("step"));
        assertEquals(Reader.idFor("sakura", jp.yorisoi.reader.Channel.LINE, USER), saved.readerId());
        assertEquals(new Reader.Consent(1, NOW), saved.consent());
        assertEquals(1, turn.replies().size());
        List<QuickReplyItem> items = turn.replies().getFirst().quickReplies();
        DatePicker due = (DatePicker) items.get(0);
        assertEquals("a=due", due.data());
        assertEquals(TODAY.minusDays(13), due.min());
        assertEquals(TODAY.plusDays(280), due.max());
        DatePicker birth = (DatePicker) items.get(1);
        assertEquals("a=birth", birth.data());
        assertEquals(LocalDate.of(2023, 11, 23), birth.min());
        assertEquals(TODAY, birth.max());
    }

    @Test
    void aPickedDueDateAsksTheRoleNext() {
        Reader reader = afterFollow();

        Turn turn = pick(reader, "a=due", TODAY.plusDays(193));

        Reader saved = saved(turn);
        assertEquals(List.of(Child.expected("c1", TODAY.plusDays(193)).withAddedOn(TODAY)), saved.children());
        assertEquals("AWAIT_ROLE", saved.conversation().get("step"));
        assertEquals(List.of("a=role&v=MOTHER", "a=role&v=PARTNER", "a=role&v=GRANDPARENT", "a=role&v=OTHER"),
                postbackData(turn.replies().getLast()));
    }

    @Test
    void theRoleThenTheLanguageCompleteTheRegistrationWithTodaysPregnancyWeekAndTheFirstMessage() {
        Reader reader = registeringWith(Child.expected("c1", TODAY.plusDays(280 - 87)));

        Turn afterRole = postback(reader, "a=role&v=PARTNER");
        Reader withRole = stored(afterRole);
        assertEquals(Role.PARTNER, withRole.role());
        assertEquals(List.of("a=lang&v=ja", "a=lang&v=ja-easy", "a=lang&v=en"), postbackData(afterRole.replies().getLast()));

        Turn done = postback(withRole, "a=lang&v=ja");
        Reader active = saved(done);
        assertEquals(ReaderStatus.ACTIVE, active.status());
        assertEquals(TODAY, active.registeredOn());
        assertEquals(Map.of(), active.conversation());
        String confirmation = done.replies().getLast().text();
        assertTrue(confirmation.contains("【妊娠12週3日】"), confirmation);
        assertTrue(confirmation.contains("明日の7時ごろから"), confirmation);
    }

    @Test
    void aTownWithOneLanguageCompletesRightAfterTheRole() {
        ParentConversation inJapaneseOnly = new ParentConversation(JAPANESE_ONLY_TOWN, TODAY, NOW);
        Reader reader = Reader.newcomer("momo", jp.yorisoi.reader.Channel.LINE, USER, NOW).withConsent(AGREED)
                .withChildren(List.of(Child.born("c1", TODAY.minusDays(45))))
                .withConversation(Map.of("step", "AWAIT_ROLE"));
        reader = versioned(reader);

        Turn turn = inJapaneseOnly.next(Optional.of(reader), USER, new ParentEvent.Postback("a=role&v=MOTHER", null));

        assertEquals(ReaderStatus.ACTIVE, saved(turn).status());
        assertTrue(turn.replies().getLast().text().contains("【生後45日】"));
        assertTrue(turn.replies().getLast().text().contains("明日の8時ごろから"));
    }

    @Test
    void anEarlyPregnancyIsToldTheFirstMessageComesOnWeek4Day0() {
        LocalDate due = TODAY.plusDays(270);
        Reader reader = registeringWith(Child.expected("c1", due)).withRole(Role.MOTHER)
                .withConversation(Map.of("step", "AWAIT_LANGUAGE"));

        Turn turn = postback(reader, "a=lang&v=ja");

        String text = turn.replies().getLast().text();
        assertTrue(text.contains("【妊娠1週3日】"), text);
        assertTrue(text.contains("妊娠4週0日の" + Prompts.date(due.minusDays(252), "ja") + "から"), text);
    }

    @Test
    void theConfirmationComesInTheChosenLanguage() {
        Reader reader = registeringWith(Child.born("c1", TODAY.minusDays(45))).withRole(Role.MOTHER)
                .withConversation(Map.of("step", "AWAIT_LANGUAGE"));

        String english = postback(reader, "a=lang&v=en").replies().getLast().text();
        String easy = postback(reader, "a=lang&v=ja-easy").replies().getLast().text();

        assertTrue(english.contains("Day 45 after birth") && english.contains("tomorrow at about 7:00"), english);
        assertTrue(easy.contains("とうろく が おわりました") && easy.contains("【うまれて 45にち】"), easy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-03-15", "2027/3/15", "2027年3月15日", "令和9年3月15日", "２０２７／３／１５"})
    void aTypedFutureDateWorksLikeTheDueDatePicker(String typed) {
        Reader reader = afterFollow();

        Turn turn = text(reader, typed);

        assertEquals(List.of(Child.expected("c1", LocalDate.of(2027, 3, 15)).withAddedOn(TODAY)), saved(turn).children());
        assertEquals("AWAIT_ROLE", saved(turn).conversation().get("step"));
    }

    @Test
    void aTypedPastDateIsABirthday() {
        Turn turn = text(afterFollow(), "令和8年10月1日");

        Child child = saved(turn).children().getFirst();
        assertEquals(Track.CHILD, child.track());
        assertEquals(LocalDate.of(2026, 10, 1), child.birthDate());
    }

    @Test
    void aTypedDateOfTheLastTwoWeeksAsksWhetherItIsTheDueDateOrTheBirthday() {
        Reader reader = stored(text(afterFollow(), "2026/11/20"));
        assertEquals("AWAIT_ANCHOR_KIND", reader.conversation().get("step"));
        assertEquals(List.of(), reader.children());

        Turn turn = postback(reader, "a=kind&v=birth");

        assertEquals(List.of(Child.born("c1", LocalDate.of(2026, 11, 20)).withAddedOn(TODAY)), saved(turn).children());
    }

    @Test
    void anImpossibleDateIsExplainedAndTheQuestionAskedAgainWithoutAnyChange() {
        Turn turn = text(afterFollow(), "2027-02-30");

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getFirst().text().contains("カレンダーにない"));
        assertEquals(2, turn.replies().getLast().quickReplies().size());
    }

    @Test
    void textThatIsNoDateIsExplainedWithExamples() {
        Turn turn = text(afterFollow(), "来年の春です");

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getFirst().text().contains("令和9年3月15日"));
    }

    @Test
    void aDueDateBeyond280DaysIsRefusedKindly() {
        Turn turn = pick(afterFollow(), "a=due", TODAY.plusDays(281));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getFirst().text().contains("280日後まで"));
    }

    @Test
    void aChildPastTheProgramEndIsToldSoWithTheConsultationContacts() {
        Turn turn = text(afterFollow(), "2023/11/22");

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        String text = turn.replies().getFirst().text();
        assertTrue(text.contains("3歳のお誕生日") && text.contains(CONSULTATION), text);
    }

    @Test
    void theLastDayInsideTheProgramIsStillAccepted() {
        Turn turn = text(afterFollow(), "2023/11/23");

        assertEquals(LocalDate.of(2023, 11, 23), saved(turn).children().getFirst().birthDate());
    }

    @Test
    void aBirthdayInTheFutureIsRefused() {
        Turn turn = pick(afterFollow(), "a=birth", TODAY.plusDays(1));

        assertTrue(turn.replies().getFirst().text().contains("まだ来ていない日付"));
        assertInstanceOf(Turn.Change.Keep.class, turn.change());
    }

    @Test
    void pickingAnotherDateWhileRegisteringReplacesTheFirstInsteadOfAddingATwin() {
        Reader reader = registeringWith(Child.expected("c1", TODAY.plusDays(100)));

        Turn turn = pick(reader, "a=due", TODAY.plusDays(120));

        assertEquals(List.of(Child.expected("c1", TODAY.plusDays(120)).withAddedOn(TODAY)), saved(turn).children());
    }

    // ---- tampering and noise

    @ParameterizedTest
    @ValueSource(strings = {"", "a=", "a=role&v=QUEEN", "a=role&v=MOTHER&x=1", "a=lang&v=fr", "a=hack", "a=menu&v=1",
            "a=kind", "a=delete&v=maybe", "a=stop&c=c1", "a=due&c=c0", "v=MOTHER&a=role", "a=role&v=MOTHER ",
            "a=due", "a=birth&c=c1"})
    void aTamperedOrIncompletePostbackChangesNothingAndAsksAgain(String data) {
        Reader reader = registeringWith(Child.expected("c1", TODAY.plusDays(100)));

        Turn turn = conversation.next(Optional.of(reader), USER, new ParentEvent.Postback(data, null));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertFalse(turn.replies().isEmpty());
    }

    @Test
    void aPickerPostbackWithAMalformedDateChangesNothing() {
        Turn turn = conversation.next(Optional.of(afterFollow()), USER, new ParentEvent.Postback("a=due", "2027-13-45"));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getFirst().text().contains("うまく受け取れません"));
    }

    @Test
    void anOldAnchorPickerOfARegisteredReaderDoesNotAddAChild() {
        Turn turn = pick(registered(Child.expected("c1", TODAY.plusDays(100))), "a=due", TODAY.plusDays(150));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getFirst().text().contains("メニュー"));
    }

    @Test
    void stickersAndPhotosGetThePendingQuestionAgain() {
        Turn turn = conversation.next(Optional.of(afterFollow()), USER, new ParentEvent.OtherMessage());

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertEquals(2, turn.replies().getLast().quickReplies().size());
    }

    @Test
    void anOverlongTextIsNotReadAsACommand() {
        Turn turn = text(registered(Child.expected("c1", TODAY.plusDays(100))), "ていし" + " ".repeat(300));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
    }

    @Test
    void chatOfARegisteredReaderGetsTheConsultationContactsAndTheMenuButton() {
        Turn turn = text(registered(Child.expected("c1", TODAY.plusDays(100))), "こんにちは");

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getFirst().text().contains(CONSULTATION));
    }

    // ---- menu

    @Test
    void theMenuOffersEveryActionWithinLinesQuickReplyLimit() {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(100)), Child.born("c2", TODAY.minusDays(400)));

        Turn turn = text(reader, "メニュー");

        List<String> data = postbackData(turn.replies().getFirst());
        assertEquals(List.of("a=today", "a=add", "a=born", "a=date", "a=role", "a=lang", "a=stop", "a=loss", "a=delete"), data);
        assertTrue(data.size() <= OutgoingMessage.MAX_QUICK_REPLIES);
    }

    @Test
    void reportingTheBirthMovesThatChildToTheChildTrack() {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(3)));
        Reader asked = stored(postback(reader, "a=born"));
        assertEquals(Map.of("step", "AWAIT_BIRTH_DATE", "child", "c1"), asked.conversation());

        Turn turn = text(asked, "2026/11/20");

        Child child = saved(turn).children().getFirst();
        assertEquals(LocalDate.of(2026, 11, 20), child.birthDate());
        assertEquals(Track.CHILD, child.track());
        assertTrue(turn.replies().getFirst().text().contains("【生後2日】"));
    }

    @Test
    void aSiblingAddedLaterKeepsTheFirstChildAndRecordsTheDayItWasAdded() {
        Reader reader = stored(postback(registered(Child.born("c1", TODAY.minusDays(400))), "a=add"));

        Turn turn = pick(reader, "a=due", TODAY.plusDays(200));

        assertEquals(List.of(Child.born("c1", TODAY.minusDays(400)),
                        Child.expected("c2", TODAY.plusDays(200)).withAddedOn(TODAY)),
                saved(turn).children());
        assertEquals(ReaderStatus.ACTIVE, saved(turn).status());
    }

    @Test
    void aFourteenthChildIsRefusedKindlyBecauseEveryChildMustFitOnePickerOfThirteenButtons() {
        Child[] thirteen = new Child[RegistrationRules.MAX_ACTIVE_CHILDREN];
        for (int i = 0; i < thirteen.length; i++) {
            thirteen[i] = Child.born("c" + (i + 1), TODAY.minusDays(400 + i));
        }
        Reader full = registered(thirteen);
        // a date typed while the "add a child" question was still pending from before the thirteenth was added
        Reader askedEarlier = versioned(full.withConversation(Map.of("step", "AWAIT_ANCHOR")));

        Turn asked = postback(full, "a=add");
        Turn typed = text(askedEarlier, TODAY.plusDays(200).toString());

        for (Turn turn : List.of(asked, typed)) {
            assertTrue(turn.replies().getFirst().text().contains("13人"), turn.replies().getFirst().text());
            assertTrue(!(turn.change() instanceof Turn.Change.Save save) || save.reader().children().size() == 13);
        }
    }

    @Test
    void changingTheDueDateOfOneOfTwoChildrenTouchesOnlyThatChild() {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(100)), Child.born("c2", TODAY.minusDays(400)));
        Turn choice = postback(reader, "a=date");
        List<String> pickers = choice.replies().getFirst().quickReplies().stream().map(i -> ((DatePicker) i).data()).toList();
        assertEquals(List.of("a=due&c=c1", "a=birth&c=c2"), pickers);

        Turn turn = pick(reader, "a=due&c=c1", TODAY.plusDays(110));

        assertEquals(List.of(Child.expected("c1", TODAY.plusDays(110)), Child.born("c2", TODAY.minusDays(400))),
                saved(turn).children());
    }

    @Test
    void stopAndRestartByWord() {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(100)));

        Reader paused = stored(text(reader, "ていし"));
        assertEquals(ReaderStatus.PAUSED, paused.status());
        Turn restart = text(paused, "さいかい");
        assertEquals(ReaderStatus.ACTIVE, saved(restart).status());
        assertEquals(ReaderStatus.PAUSED, saved(text(reader, "STOP")).status());
    }

    @Test
    void changingTheRoleFromTheMenu() {
        Reader asked = stored(postback(registered(Child.expected("c1", TODAY.plusDays(100))), "a=role"));

        assertEquals(Role.GRANDPARENT, saved(postback(asked, "a=role&v=GRANDPARENT")).role());
    }

    // ---- loss

    @Test
    void aLossStopsThatChildAtOnceWithOneKindMessageAndAnOfferToDeleteNeverAskingWhy() {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(100)));

        Turn turn = postback(reader, "a=loss");

        Reader saved = saved(turn);
        assertEquals(ChildStatus.LOST, saved.children().getFirst().status());
        assertEquals(1, turn.replies().size());
        String text = turn.replies().getFirst().text();
        assertTrue(text.contains(CONSULTATION), text);
        assertFalse(text.contains("なぜ") || text.contains("理由") || text.contains("？"), text);
        assertEquals(List.of("a=delete", "a=keep&c=c1"), postbackData(turn.replies().getFirst()));
    }

    @Test
    void aLossOfOneChildKeepsTheSiblingsMessages() {
        Reader reader = registered(Child.born("c1", TODAY.minusDays(400)), Child.expected("c2", TODAY.plusDays(100)));
        Turn choice = postback(reader, "a=loss");
        assertEquals(List.of("a=loss&c=c1", "a=loss&c=c2"), postbackData(choice.replies().getFirst()));

        Turn turn = postback(reader, "a=loss&c=c2");

        Reader saved = saved(turn);
        assertEquals(List.of(ChildStatus.ACTIVE, ChildStatus.LOST), saved.children().stream().map(Child::status).toList());
        assertEquals(ReaderStatus.ACTIVE, saved.status());
        assertTrue(turn.replies().getFirst().text().contains("ほかのお子さんへのメッセージは続きます"));
    }

    @Test
    void aLossTappedByMistakeCanBeUndoneRightAfter() {
        Reader lost = stored(postback(registered(Child.expected("c1", TODAY.plusDays(100))), "a=loss"));

        Turn turn = postback(lost, "a=keep&c=c1");

        assertEquals(ChildStatus.ACTIVE, saved(turn).children().getFirst().status());
    }

    @Test
    void anUndoButtonLaterDoesNothing() {
        Reader lost = stored(postback(registered(Child.expected("c1", TODAY.plusDays(100))), "a=loss"));
        Reader later = stored(text(lost, "メニュー"));

        assertInstanceOf(Turn.Change.Keep.class, postback(later, "a=keep&c=c1").change());
    }

    // ---- delete, block, follow again

    @Test
    void deletingMyDataAsksFirstThenDeletes() {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(100)));
        Reader confirming = stored(postback(reader, "a=delete"));
        assertEquals(List.of("a=delete&v=yes", "a=delete&v=no"), postbackData(postback(reader, "a=delete").replies().getFirst()));

        Turn turn = postback(confirming, "a=delete&v=yes");

        assertEquals(new Turn.Change.Delete(reader.readerId()), turn.change());
    }

    @Test
    void aYesWithoutTheQuestionAsksTheQuestion() {
        Turn turn = postback(registered(Child.expected("c1", TODAY.plusDays(100))), "a=delete&v=yes");

        assertEquals("CONFIRM_DELETE", saved(turn).conversation().get("step"));
    }

    @Test
    void unfollowMarksTheReaderBlockedAndFollowAgainResumesWithTheChildren() {
        Reader reader = registered(Child.expected("c1", TODAY.plusDays(100)));

        Reader blocked = stored(conversation.next(Optional.of(reader), USER, new ParentEvent.Unfollowed()));
        assertEquals(ReaderStatus.BLOCKED, blocked.status());
        Turn back = conversation.next(Optional.of(blocked), USER, new ParentEvent.Followed(true));

        assertEquals(ReaderStatus.ACTIVE, saved(back).status());
        assertEquals(reader.children(), saved(back).children());
        assertTrue(back.replies().getFirst().text().contains("おかえりなさい"));
    }

    @Test
    void aPausedReaderWhoFollowsAgainStaysPausedAndIsToldHowToRestart() {
        Reader paused = registered(Child.expected("c1", TODAY.plusDays(100))).withStatus(ReaderStatus.PAUSED);

        Turn turn = conversation.next(Optional.of(paused), USER, new ParentEvent.Followed(false));

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertTrue(turn.replies().getLast().text().contains("さいかい"));
    }

    @Test
    void aFollowOfAReaderStillRegisteringAsksThePendingQuestionAgain() {
        Reader reader = registeringWith(Child.expected("c1", TODAY.plusDays(100))).withStatus(ReaderStatus.BLOCKED);

        Turn turn = conversation.next(Optional.of(reader), USER, new ParentEvent.Followed(true));

        assertEquals(ReaderStatus.REGISTERING, saved(turn).status());
        assertEquals(4, turn.replies().getLast().quickReplies().size());
    }

    @Test
    void aStrangersFirstWordsGetTheWelcomeAndTheConsentNotice() {
        Turn turn = conversation.next(Optional.empty(), USER, new ParentEvent.Text("こんにちは"));

        assertEquals("AWAIT_CONSENT", saved(turn).conversation().get("step"));
        assertTrue(turn.replies().getFirst().text().startsWith("さくら市です。"));
        assertEquals("a=agree&v=ja", postbackData(turn.replies().getLast()).getFirst());
    }

    @Test
    void aStrangerWhoTypesADueDateIsShownTheNoticeAndTheDateIsNotKept() {
        Turn turn = conversation.next(Optional.empty(), USER, new ParentEvent.Text("2027/3/15"));

        assertEquals(List.of(), saved(turn).children());
        assertEquals("AWAIT_CONSENT", saved(turn).conversation().get("step"));
    }

    @Test
    void unfollowOfAStrangerStoresNothing() {
        Turn turn = conversation.next(Optional.empty(), USER, new ParentEvent.Unfollowed());

        assertInstanceOf(Turn.Change.Keep.class, turn.change());
        assertEquals(List.of(), turn.replies());
    }

    // ---- helpers

    /** A new parent who followed and agreed to the consent notice in Japanese. */
    private Reader afterFollow() {
        Reader bare = stored(conversation.next(Optional.empty(), USER, new ParentEvent.Followed(false)));
        return stored(postback(bare, "a=agree&v=ja"));
    }

    private static Reader registeringWith(Child child) {
        return versioned(Reader.newcomer("sakura", jp.yorisoi.reader.Channel.LINE, USER, NOW).withConsent(AGREED)
                .withChildren(List.of(child)).withConversation(Map.of("step", "AWAIT_ROLE")));
    }

    private static Reader registered(Child... children) {
        return versioned(Reader.newcomer("sakura", jp.yorisoi.reader.Channel.LINE, USER, NOW).withConsent(AGREED)
                .withChildren(List.of(children)).withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE));
    }

    /** As a store would hand it back: saved once. */
    private static Reader versioned(Reader reader) {
        return new Reader(reader.municipalityId(), reader.readerId(), reader.channel(), reader.address(), reader.role(),
                reader.language(), reader.status(), reader.children(), reader.conversation(), reader.createdAt(),
                reader.updatedAt(), reader.version() + 1, null, reader.consent());
    }

    private Turn text(Reader reader, String text) {
        return conversation.next(Optional.of(reader), USER, new ParentEvent.Text(text));
    }

    private Turn postback(Reader reader, String data) {
        return conversation.next(Optional.of(reader), USER, new ParentEvent.Postback(data, null));
    }

    private Turn pick(Reader reader, String data, LocalDate date) {
        return conversation.next(Optional.of(reader), USER, new ParentEvent.Postback(data, date.toString()));
    }

    private static Reader saved(Turn turn) {
        return assertInstanceOf(Turn.Change.Save.class, turn.change()).reader();
    }

    private static Reader stored(Turn turn) {
        return versioned(saved(turn));
    }

    private static List<String> postbackData(OutgoingMessage message) {
        return message.quickReplies().stream().map(i -> ((Postback) i).data()).toList();
    }
}
