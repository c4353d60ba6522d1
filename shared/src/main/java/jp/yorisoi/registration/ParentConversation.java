package jp.yorisoi.registration;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import jp.yorisoi.line.OutgoingMessage;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.ChildStatus;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.registration.ConversationState.Step;
import jp.yorisoi.registration.JapaneseDates.Parsed;
import jp.yorisoi.registration.PostbackData.Action;
import jp.yorisoi.registration.Prompts.DateProblem;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * The registration and settings chat of one LINE reader, as a pure function: the stored reader (if any) and one
 * event in, the reader to store and the replies out. No I/O and no clock, so every path is a fast unit test.
 */
public final class ParentConversation {

    /** Texts longer than this are not commands or dates; they get the general answer without being read. */
    static final int MAX_READ_LENGTH = 200;

    private static final Set<String> MENU_WORDS = Set.of("メニュー", "めにゅー", "menu");
    private static final Set<String> STOP_WORDS = Set.of("ていし", "停止", "stop");
    private static final Set<String> START_WORDS = Set.of("さいかい", "再開", "start");
    /** Compared after NFKC and lower-casing; the rich menu's button sends the postback {@code a=today} instead. */
    private static final Set<String> TODAY_WORDS = Set.of("きょうのメッセージ", "今日のメッセージ", "きょう の メッセージ",
            "today", "today's message", "todays message", "today’s message");
    /** The consent notice's own buttons: answered whether or not the reader agreed yet. */
    private static final Set<Action> CONSENT_ACTIONS = Set.of(Action.AGREE, Action.DECLINE, Action.NOTICE);

    private final Municipality town;
    private final LocalDate today;
    private final Instant now;
    private final Prompts say;

    /** A conversation whose confirmations never promise a message today (no composer at hand). */
    public ParentConversation(Municipality town, LocalDate today, Instant now) {
        this(town, today, now, DayPreview.NONE);
    }

    /**
     * @param preview what today's delivery would bring a reader, from the composer the senders use: a confirmation
     *                given before the town's delivery hour says the first message comes today when it will
     */
    public ParentConversation(Municipality town, LocalDate today, Instant now, DayPreview preview) {
        this.town = town;
        this.today = today;
        this.now = now;
        boolean beforeDelivery = beforeDeliveryHour(town, today, now);
        this.say = new Prompts(town, today, reader -> beforeDelivery && reader.status().receivesDeliveries()
                && preview.bringsMessage(reader, town, today));
    }

    /**
     * True while today's fan-out for the town is still to come: it runs at the top of the delivery hour (town time)
     * and reads the readers as they stand then, so a reader stored before it is served today.
     */
    static boolean beforeDeliveryHour(Municipality town, LocalDate today, Instant now) {
        var local = now.atZone(ProgramSchedule.ZONE);
        return local.toLocalDate().equals(today) && local.getHour() < town.deliveryHour();
    }

    /** Decides what one event from the LINE user {@code lineUserId} changes and how the town answers. */
    public Turn next(Optional<Reader> stored, String lineUserId, ParentEvent event) {
        if (stored.isEmpty() && event instanceof ParentEvent.Unfollowed) {
            return Turn.keep(List.of());
        }
        Reader reader = stored.orElseGet(() -> Reader.newcomer(town.municipalityId(), Channel.LINE, lineUserId, now));
        if (!reader.consentedTo(town.consentVersion()) && !passesWithoutConsent(reader, event)) {
            return withoutNeedlessWrite(stored, askConsent(reader, stored.isPresent(), event));
        }
        Turn turn = switch (event) {
            case ParentEvent.Followed followed -> onFollow(reader);
            case ParentEvent.Unfollowed unfollowed -> Turn.save(touch(reader.withStatus(ReaderStatus.BLOCKED)), List.of());
            case ParentEvent.Text text -> onText(reader, text.text());
            case ParentEvent.Postback postback -> onPostback(reader, stored.isPresent(), postback);
            case ParentEvent.OtherMessage other -> Turn.keep(reprompt(reader, false));
        };
        return withoutNeedlessWrite(stored, turn);
    }

    // ---- consent (docs/consent.md)

    /**
     * What a reader who has not agreed to the town's current notice may still do: answer the notice, and, once
     * registered, block, stop or delete: leaving never waits for an agreement.
     */
    private boolean passesWithoutConsent(Reader reader, ParentEvent event) {
        return switch (event) {
            case ParentEvent.Unfollowed unfollowed -> true;
            case ParentEvent.Postback postback -> {
                Optional<Action> action = PostbackData.parse(postback.data()).map(PostbackData::action);
                yield action.filter(CONSENT_ACTIONS::contains).isPresent() || isRegistered(reader)
                        && action.filter(a -> a == Action.STOP || a == Action.DELETE).isPresent();
            }
            case ParentEvent.Text text -> isRegistered(reader) && text.text() != null
                    && text.text().length() <= MAX_READ_LENGTH && STOP_WORDS.contains(normalized(text.text()));
            default -> false;
        };
    }

    /**
     * The notice before anything else. Someone registering keeps a bare record (ids, channel address, the question
     * pending) and nothing they say is taken until they agree; a registered reader asked again after the town changed
     * its notice keeps what they have, and their daily messages go on meanwhile (docs/consent.md).
     */
    private Turn askConsent(Reader reader, boolean known, ParentEvent event) {
        String language = noticeLanguage(reader);
        List<OutgoingMessage> replies = new ArrayList<>();
        if (isRegistered(reader)) {
            if (event instanceof ParentEvent.Followed) {
                Turn back = onFollow(reader);
                replies.addAll(back.replies());
                replies.add(say.consentNotice(language, true));
                return new Turn(back.change(), replies);
            }
            return Turn.keep(List.of(say.consentNotice(language, true)));
        }
        if (!known || event instanceof ParentEvent.Followed) {
            replies.add(say.welcome(language));
        }
        replies.add(say.consentNotice(language, false));
        return Turn.save(with(reader.withStatus(ReaderStatus.REGISTERING), ConversationState.of(Step.AWAIT_CONSENT)),
                replies);
    }

    private String noticeLanguage(Reader reader) {
        return town.languages().contains(reader.language()) ? reader.language() : town.languages().getFirst();
    }

    /** Agreeing records the notice's version; someone registering also takes the language they read it in. */
    private Turn agree(Reader reader, String language) {
        if (!town.languages().contains(language)) {
            return Turn.keep(reprompt(reader, true));
        }
        Reader agreed = reader.withConsent(new Reader.Consent(town.consentVersion(), now));
        if (isRegistered(reader)) {
            OutgoingMessage status = reader.status() == ReaderStatus.PAUSED
                    ? say.alreadyPaused(reader.language()) : say.alreadyActive(reader);
            return Turn.save(with(agreed, ConversationState.IDLE), List.of(status));
        }
        return continueRegistration(agreed.withLanguage(language), false);
    }

    /** Declining while registering removes the bare record; a registered reader keeps what they have. */
    private Turn decline(Reader reader, boolean known) {
        if (isRegistered(reader)) {
            return Turn.keep(List.of(say.consentDeclined(reader.language(), true)));
        }
        List<OutgoingMessage> replies = List.of(say.consentDeclined(noticeLanguage(reader), false));
        return known ? new Turn(new Turn.Change.Delete(reader.readerId()), replies) : Turn.keep(replies);
    }

    private Turn notice(Reader reader, String language) {
        if (!town.languages().contains(language)) {
            return Turn.keep(reprompt(reader, true));
        }
        return Turn.keep(List.of(say.consentNotice(language, isRegistered(reader))));
    }

    // ---- today's message again

    /** The message itself is composed and sent by the reply's handler (TodaysMessage); this is its fallback. */
    private Turn today(Reader reader) {
        if (!isRegistered(reader)) {
            List<OutgoingMessage> replies = new ArrayList<>();
            replies.add(say.todayAfterRegistration(reader.language()));
            replies.addAll(reprompt(reader, false));
            return Turn.keep(replies);
        }
        return Turn.today(List.of(say.nothingToday(reader.language())));
    }

    /** A turn that leaves the stored reader as it was (the same question asked again) writes nothing. */
    private Turn withoutNeedlessWrite(Optional<Reader> stored, Turn turn) {
        if (stored.isPresent() && turn.change() instanceof Turn.Change.Save save
                && touch(stored.get()).equals(save.reader())) {
            return Turn.keep(turn.replies());
        }
        return turn;
    }

    /** A follow of a reader who agreed to the notice: back from a block, or still registering. */
    private Turn onFollow(Reader reader) {
        if (isRegistered(reader)) {
            // A follow proves LINE knows the user: an unblock, or an address LINE once answered "unknown" for.
            boolean cutOff = reader.status() == ReaderStatus.BLOCKED || reader.status() == ReaderStatus.UNREACHABLE;
            Reader back = cutOff ? reader.withStatus(ReaderStatus.ACTIVE) : reader;
            OutgoingMessage status = back.status() == ReaderStatus.PAUSED ? say.alreadyPaused(back.language()) : say.alreadyActive(back);
            return Turn.save(with(back, ConversationState.IDLE), List.of(say.welcomeBack(back.language()), status));
        }
        Reader registering = with(reader.withStatus(ReaderStatus.REGISTERING), state(reader));
        List<OutgoingMessage> replies = new ArrayList<>();
        replies.add(say.welcome(reader.language()));
        replies.addAll(reprompt(registering, false));
        return Turn.save(registering, replies);
    }

    private Turn onText(Reader reader, String raw) {
        if (raw == null || raw.length() > MAX_READ_LENGTH) {
            return Turn.keep(reprompt(reader, false));
        }
        String text = normalized(raw);
        if (MENU_WORDS.contains(text)) {
            return menu(reader);
        }
        if (STOP_WORDS.contains(text)) {
            return stop(reader);
        }
        if (START_WORDS.contains(text)) {
            return start(reader);
        }
        if (TODAY_WORDS.contains(text)) {
            return today(reader);
        }
        ConversationState state = state(reader);
        Step step = state.step();
        if (step == Step.IDLE && reader.status() == ReaderStatus.REGISTERING && reader.children().isEmpty()) {
            step = Step.AWAIT_ANCHOR;
        }
        return switch (step) {
            case AWAIT_ANCHOR -> withDate(reader, raw, date -> typedAnchor(reader, date));
            case AWAIT_DUE_DATE -> withDate(reader, raw, date -> changeDueDate(reader, state.childId(), date));
            case AWAIT_BIRTH_DATE -> withDate(reader, raw, date -> setBirthDate(reader, state.childId(), date));
            case IDLE, AFTER_LOSS -> reader.status() == ReaderStatus.REGISTERING
                    ? Turn.keep(reprompt(reader, false))
                    : Turn.keep(List.of(say.idleHint(reader.language())));
            default -> Turn.keep(reprompt(reader, true));
        };
    }

    private Turn withDate(Reader reader, String raw, Function<LocalDate, Turn> use) {
        return switch (JapaneseDates.parse(raw)) {
            case Parsed.Valid valid -> use.apply(valid.date());
            case Parsed.Invalid invalid -> dateRejected(reader, state(reader),
                    invalid.problem() == JapaneseDates.Problem.NO_SUCH_DAY ? DateProblem.NO_SUCH_DAY : DateProblem.NOT_A_DATE);
        };
    }

    private Turn onPostback(Reader reader, boolean known, ParentEvent.Postback postback) {
        Optional<PostbackData> parsed = PostbackData.parse(postback.data());
        if (parsed.isEmpty()) {
            return Turn.keep(reprompt(reader, true));
        }
        PostbackData data = parsed.get();
        return switch (data.action()) {
            case MENU -> menu(reader);
            case DUE, BIRTH -> pickedDate(reader, data, postback.pickedDate());
            case KIND -> anchorKind(reader, data.value());
            case ROLE -> data.value() == null
                    ? ask(reader, ConversationState.of(Step.AWAIT_ROLE), say.roleQuestion(reader.language()))
                    : role(reader, data.value());
            case LANGUAGE -> data.value() == null
                    ? ask(reader, ConversationState.of(Step.AWAIT_LANGUAGE), say.languageQuestion(reader.language()))
                    : language(reader, data.value());
            case ADD_CHILD -> !RegistrationRules.mayAddChild(reader)
                    ? Turn.save(with(reader, ConversationState.IDLE), List.of(say.tooManyChildren(reader.language())))
                    : ask(reader, ConversationState.of(Step.AWAIT_ANCHOR), say.anchorQuestion(reader.language()));
            case REPORT_BIRTH -> reportBirth(reader);
            case CHANGE_DATE -> changeDate(reader);
            case STOP -> stop(reader);
            case START -> start(reader);
            case LOSS -> loss(reader, data.childId());
            case UNDO_LOSS -> undoLoss(reader, data.childId());
            case DELETE -> delete(reader, data.value());
            case AGREE -> agree(reader, data.value());
            case DECLINE -> decline(reader, known);
            case NOTICE -> notice(reader, data.value());
            case TODAY -> today(reader);
        };
    }

    // ---- dates

    private Turn pickedDate(Reader reader, PostbackData data, String picked) {
        LocalDate date;
        try {
            date = picked == null || picked.length() != 10 ? null : LocalDate.parse(picked);
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            return Turn.keep(reprompt(reader, true));
        }
        boolean due = data.action() == Action.DUE;
        if (data.childId() != null) {
            return due ? changeDueDate(reader, data.childId(), date) : setBirthDate(reader, data.childId(), date);
        }
        if (!acceptsNewChild(reader)) {
            return Turn.keep(List.of(say.staleButton(reader.language())));
        }
        return due ? newPregnancy(reader, date) : newBornChild(reader, date);
    }

    /** A typed date for a new child: the future is a due date, long past a birthday, the last two weeks either. */
    private Turn typedAnchor(Reader reader, LocalDate date) {
        if (date.isAfter(today)) {
            return newPregnancy(reader, date);
        }
        if (date.isBefore(ProgramSchedule.earliestDueDate(today))) {
            return newBornChild(reader, date);
        }
        return ask(reader, new ConversationState(Step.AWAIT_ANCHOR_KIND, null, date), say.anchorKindQuestion(date, reader.language()));
    }

    private Turn anchorKind(Reader reader, String kind) {
        ConversationState state = state(reader);
        if (state.step() != Step.AWAIT_ANCHOR_KIND || state.date() == null) {
            return Turn.keep(List.of(say.staleButton(reader.language())));
        }
        return switch (kind) {
            case "due" -> newPregnancy(reader, state.date());
            case "birth" -> newBornChild(reader, state.date());
            default -> Turn.keep(reprompt(reader, true));
        };
    }

    private Optional<DateProblem> dueDateProblem(LocalDate due) {
        return RegistrationRules.dueDateProblem(due, today).map(p -> DateProblem.valueOf(p.name()));
    }

    private Optional<DateProblem> birthDateProblem(LocalDate birth) {
        return RegistrationRules.birthDateProblem(birth, today, town.endBirthday()).map(p -> DateProblem.valueOf(p.name()));
    }

    private Turn newPregnancy(Reader reader, LocalDate due) {
        Optional<DateProblem> problem = dueDateProblem(due);
        if (problem.isPresent()) {
            return dateRejected(reader, ConversationState.of(Step.AWAIT_ANCHOR), problem.get());
        }
        return addChild(reader, id -> Child.expected(id, due));
    }

    private Turn newBornChild(Reader reader, LocalDate birth) {
        Optional<DateProblem> problem = birthDateProblem(birth);
        if (problem.isPresent()) {
            return dateRejected(reader, ConversationState.of(Step.AWAIT_ANCHOR), problem.get());
        }
        return addChild(reader, id -> Child.born(id, birth));
    }

    /** While registering, a new date replaces the one just given (a parent correcting a mis-tap), never adds. */
    private Turn addChild(Reader reader, Function<String, Child> child) {
        Reader withChild;
        Child added;
        if (reader.status() == ReaderStatus.REGISTERING) {
            added = child.apply("c1").withAddedOn(today);
            withChild = reader.withChildren(List.of(added));
        } else if (!RegistrationRules.mayAddChild(reader)) {
            return Turn.save(with(reader, ConversationState.IDLE), List.of(say.tooManyChildren(reader.language())));
        } else {
            // a child added later brings nothing for the days before it was added
            added = child.apply(reader.nextChildId()).withAddedOn(today);
            List<Child> children = new ArrayList<>(reader.children());
            children.add(added);
            withChild = reader.withChildren(children);
        }
        if (reader.status() != ReaderStatus.REGISTERING) {
            return Turn.save(with(withChild, ConversationState.IDLE), List.of(say.registered(withChild, added)));
        }
        return continueRegistration(withChild, false);
    }

    private Turn changeDueDate(Reader reader, String childId, LocalDate due) {
        Optional<Child> child = reader.child(childId).filter(Child::isActive);
        if (child.isEmpty() || child.get().track() != Track.PREGNANCY) {
            return Turn.keep(List.of(say.staleButton(reader.language())));
        }
        Optional<DateProblem> problem = dueDateProblem(due);
        if (problem.isPresent()) {
            return dateRejected(reader, ConversationState.about(Step.AWAIT_DUE_DATE, childId), problem.get());
        }
        // a question about the old due date says nothing about the new one: it is asked once when that one passes
        Child changed = new Child(childId, due, null, child.get().status(), null, child.get().addedOn());
        return dateSet(reader.withChild(changed), changed, false);
    }

    private Turn setBirthDate(Reader reader, String childId, LocalDate birth) {
        Optional<Child> child = reader.child(childId).filter(Child::isActive);
        if (child.isEmpty()) {
            return Turn.keep(List.of(say.staleButton(reader.language())));
        }
        Optional<DateProblem> problem = birthDateProblem(birth);
        if (problem.isPresent()) {
            return dateRejected(reader, ConversationState.about(Step.AWAIT_BIRTH_DATE, childId), problem.get());
        }
        boolean birthReported = child.get().track() == Track.PREGNANCY;
        Child changed = child.get().withBirthDate(birth);
        return dateSet(reader.withChild(changed), changed, birthReported);
    }

    private Turn dateSet(Reader reader, Child changed, boolean birthReported) {
        if (reader.status() == ReaderStatus.REGISTERING) {
            return continueRegistration(reader, false);
        }
        return Turn.save(with(reader, ConversationState.IDLE), List.of(say.dateChanged(reader, changed, birthReported)));
    }

    /** Explains why the date cannot be used and asks the same question again; the reader only keeps the question. */
    private Turn dateRejected(Reader reader, ConversationState question, DateProblem problem) {
        Reader asking = with(reader, question);
        List<OutgoingMessage> replies = new ArrayList<>();
        replies.add(say.dateProblem(problem, reader.language()));
        replies.addAll(reprompt(asking, false));
        return Turn.save(asking, replies);
    }

    // ---- registration

    /** Asks the next missing answer (date, role, then language once), or completes the registration. */
    private Turn continueRegistration(Reader reader, boolean roleJustGiven) {
        if (reader.children().isEmpty()) {
            return ask(reader, ConversationState.of(Step.AWAIT_ANCHOR), say.anchorQuestion(reader.language()));
        }
        if (reader.role() == null) {
            return ask(reader, ConversationState.of(Step.AWAIT_ROLE), say.roleQuestion(reader.language()));
        }
        // a language chosen at the consent notice, other than the town's first, needs no second question
        if (roleJustGiven && town.languages().size() > 1 && reader.language().equals(town.languages().getFirst())) {
            return ask(reader, ConversationState.of(Step.AWAIT_LANGUAGE), say.languageQuestion(reader.language()));
        }
        // the first day that may bring a message: late joiners start at today's position, never earlier
        Reader active = with(reader.withStatus(ReaderStatus.ACTIVE).withRegisteredOn(today), ConversationState.IDLE);
        return Turn.save(active, List.of(say.registered(active, active.children().getLast())));
    }

    private Turn role(Reader reader, String value) {
        Role role;
        try {
            role = Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            return Turn.keep(reprompt(reader, true));
        }
        Reader changed = reader.withRole(role);
        if (reader.status() == ReaderStatus.REGISTERING) {
            return continueRegistration(changed, true);
        }
        return Turn.save(with(changed, ConversationState.IDLE), List.of(say.roleChanged(role, changed.language())));
    }

    private Turn language(Reader reader, String value) {
        if (!town.languages().contains(value)) {
            return Turn.keep(reprompt(reader, true));
        }
        Reader changed = reader.withLanguage(value);
        if (reader.status() == ReaderStatus.REGISTERING) {
            return continueRegistration(changed, false);
        }
        return Turn.save(with(changed, ConversationState.IDLE), List.of(say.languageChanged(value)));
    }

    // ---- menu and settings

    private Turn menu(Reader reader) {
        if (reader.status() == ReaderStatus.REGISTERING) {
            return Turn.keep(reprompt(reader, false));
        }
        return ask(reader, ConversationState.IDLE, say.menu(reader));
    }

    private Turn reportBirth(Reader reader) {
        List<Child> pregnancies = reader.activeChildren().stream().filter(c -> c.track() == Track.PREGNANCY).toList();
        if (pregnancies.isEmpty()) {
            return Turn.keep(List.of(say.noPregnancy(reader.language())));
        }
        if (pregnancies.size() == 1) {
            Child child = pregnancies.getFirst();
            return ask(reader, ConversationState.about(Step.AWAIT_BIRTH_DATE, child.childId()),
                    say.birthDateQuestion(child, reader.language()));
        }
        return ask(reader, ConversationState.IDLE, say.whichChildBorn(pregnancies, reader.language()));
    }

    private Turn changeDate(Reader reader) {
        List<Child> active = reader.activeChildren();
        if (active.isEmpty()) {
            return Turn.keep(List.of(say.noActiveChild(reader.language())));
        }
        if (active.size() == 1) {
            Child child = active.getFirst();
            return child.track() == Track.PREGNANCY
                    ? ask(reader, ConversationState.about(Step.AWAIT_DUE_DATE, child.childId()), say.dueDateQuestion(child, reader.language()))
                    : ask(reader, ConversationState.about(Step.AWAIT_BIRTH_DATE, child.childId()),
                            say.birthDateQuestion(child, reader.language()));
        }
        return ask(reader, ConversationState.IDLE, say.whichChildsDate(active, reader.language()));
    }

    private Turn stop(Reader reader) {
        return switch (reader.status()) {
            case ACTIVE -> Turn.save(with(reader.withStatus(ReaderStatus.PAUSED), ConversationState.IDLE),
                    List.of(say.paused(reader.language())));
            case PAUSED -> Turn.keep(List.of(say.alreadyPaused(reader.language())));
            default -> Turn.keep(reprompt(reader, false));
        };
    }

    private Turn start(Reader reader) {
        if (!isRegistered(reader)) {
            return Turn.keep(reprompt(reader, false));
        }
        if (reader.status() == ReaderStatus.ACTIVE) {
            return Turn.keep(List.of(say.alreadyActive(reader)));
        }
        Reader resumed = with(reader.withStatus(ReaderStatus.ACTIVE), ConversationState.IDLE);
        return Turn.save(resumed, List.of(say.resumed(resumed)));
    }

    /** Stops one child at once and says one kind thing; never asks why. */
    private Turn loss(Reader reader, String childId) {
        List<Child> active = reader.activeChildren();
        if (childId == null) {
            if (active.isEmpty()) {
                return Turn.keep(List.of(say.noActiveChild(reader.language())));
            }
            if (active.size() > 1) {
                return ask(reader, ConversationState.IDLE, say.whichChildLost(active, reader.language()));
            }
            childId = active.getFirst().childId();
        }
        Optional<Child> child = reader.child(childId);
        if (child.isEmpty()) {
            return Turn.keep(List.of(say.staleButton(reader.language())));
        }
        if (!child.get().isActive()) {
            return Turn.keep(List.of(say.alreadyLost(reader.language())));
        }
        Reader changed = reader.withChild(child.get().lost());
        boolean othersContinue = !changed.activeChildren().isEmpty();
        return Turn.save(with(changed, ConversationState.about(Step.AFTER_LOSS, childId)),
                List.of(say.lossAcknowledged(child.get(), othersContinue, reader.language())));
    }

    private Turn undoLoss(Reader reader, String childId) {
        ConversationState state = state(reader);
        Optional<Child> child = reader.child(childId);
        if (state.step() != Step.AFTER_LOSS || childId == null || !childId.equals(state.childId()) || child.isEmpty()
                || child.get().status() != ChildStatus.LOST) {
            return Turn.keep(List.of(say.staleButton(reader.language())));
        }
        Child c = child.get();
        Child restored = new Child(c.childId(), c.dueDate(), c.birthDate(), ChildStatus.ACTIVE, c.birthAskedOn(),
                c.addedOn());
        return Turn.save(with(reader.withChild(restored), ConversationState.IDLE), List.of(say.lossUndone(reader.language())));
    }

    private Turn delete(Reader reader, String answer) {
        if (answer == null) {
            return ask(reader, ConversationState.of(Step.CONFIRM_DELETE), say.deleteQuestion(reader.language()));
        }
        boolean confirming = state(reader).step() == Step.CONFIRM_DELETE;
        return switch (answer) {
            case "yes" -> confirming
                    ? new Turn(new Turn.Change.Delete(reader.readerId()), List.of(say.deleted(reader.language())))
                    : ask(reader, ConversationState.of(Step.CONFIRM_DELETE), say.deleteQuestion(reader.language()));
            case "no" -> confirming
                    ? Turn.save(with(reader, ConversationState.IDLE), List.of(say.deleteCancelled(reader.language())))
                    : Turn.keep(List.of(say.deleteCancelled(reader.language())));
            default -> Turn.keep(reprompt(reader, true));
        };
    }

    // ---- helpers

    /** The pending question again, after "I could not read that" when {@code unreadable}. */
    private List<OutgoingMessage> reprompt(Reader reader, boolean unreadable) {
        List<OutgoingMessage> replies = new ArrayList<>();
        if (unreadable) {
            replies.add(say.notReadable(reader.language()));
        }
        ConversationState state = state(reader);
        OutgoingMessage question = switch (state.step()) {
            case AWAIT_ANCHOR -> say.anchorQuestion(reader.language());
            case AWAIT_ANCHOR_KIND -> state.date() != null ? say.anchorKindQuestion(state.date(), reader.language()) : say.anchorQuestion(reader.language());
            case AWAIT_ROLE -> say.roleQuestion(reader.language());
            case AWAIT_LANGUAGE -> say.languageQuestion(reader.language());
            case AWAIT_DUE_DATE -> reader.child(state.childId()).map(c -> say.dueDateQuestion(c, reader.language())).orElse(null);
            case AWAIT_BIRTH_DATE -> reader.child(state.childId()).map(c -> say.birthDateQuestion(c, reader.language())).orElse(null);
            case CONFIRM_DELETE -> say.deleteQuestion(reader.language());
            case AWAIT_CONSENT -> say.consentNotice(noticeLanguage(reader), false);
            case IDLE, AFTER_LOSS -> null;
        };
        if (question == null && reader.status() == ReaderStatus.REGISTERING) {
            question = reader.children().isEmpty() ? say.anchorQuestion(reader.language())
                    : reader.role() == null ? say.roleQuestion(reader.language()) : say.languageQuestion(reader.language());
        }
        replies.add(question != null ? question : say.idleHint(reader.language()));
        return replies;
    }

    private Turn ask(Reader reader, ConversationState question, OutgoingMessage message) {
        Reader asking = with(reader, question);
        return Turn.save(asking, List.of(message));
    }

    private Reader with(Reader reader, ConversationState state) {
        return touch(reader.withConversation(state.toMap()));
    }

    private Reader touch(Reader reader) {
        return new Reader(reader.municipalityId(), reader.readerId(), reader.channel(), reader.address(),
                reader.role(), reader.language(), reader.status(), reader.children(), reader.conversation(),
                reader.createdAt(), now, reader.version(), reader.registeredOn(), reader.consent());
    }

    private static String normalized(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private static ConversationState state(Reader reader) {
        return ConversationState.from(reader.conversation());
    }

    private static boolean isRegistered(Reader reader) {
        return reader.role() != null && !reader.children().isEmpty();
    }

    private static boolean acceptsNewChild(Reader reader) {
        Step step = state(reader).step();
        return step == Step.AWAIT_ANCHOR || step == Step.AWAIT_ANCHOR_KIND
                || reader.status() == ReaderStatus.REGISTERING;
    }
}
