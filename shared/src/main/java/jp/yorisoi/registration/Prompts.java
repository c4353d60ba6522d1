package jp.yorisoi.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jp.yorisoi.content.Headings;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.line.OutgoingMessage;
import jp.yorisoi.line.QuickReplyItem;
import jp.yorisoi.line.QuickReplyItem.DatePicker;
import jp.yorisoi.line.QuickReplyItem.Postback;
import jp.yorisoi.line.QuickReplyItem.Say;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.registration.PostbackData.Action;
import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * Everything the town says in the registration chat, in its voice: short, warm, never asking why. The words are in
 * {@code copy/registration.<language>.properties} (and the consent notice's in {@code copy/consent…}); this class
 * picks them by the reader's language and fills in the day. Built per turn for one municipality and one day,
 * because the date pickers' limits move with {@code today}.
 */
final class Prompts {

    static final String AREA = "registration";

    private final Municipality town;
    private final LocalDate today;
    private final Predicate<Reader> deliveredToday;

    Prompts(Municipality town, LocalDate today) {
        this(town, today, reader -> false);
    }

    /**
     * @param deliveredToday whether today's delivery, still to come, brings {@code reader} a message: decided by the
     *                       composer the senders use, so that a confirmation says "today" only when it will be so
     */
    Prompts(Municipality town, LocalDate today, Predicate<Reader> deliveredToday) {
        this.town = town;
        this.today = today;
        this.deliveredToday = deliveredToday;
    }

    private static Copy copy(String language) {
        return Copy.of(AREA, language);
    }

    private static OutgoingMessage say(String language, String key, Object... arguments) {
        return OutgoingMessage.text(copy(language).text(key, arguments));
    }

    /** True when today's delivery brings a message about {@code child} (or the reader's whole day, when null). */
    private boolean today(Reader reader, Child child) {
        return deliveredToday.test(child == null ? reader : reader.withChildren(List.of(child)));
    }

    // ---- consent

    /**
     * The consent notice with its buttons: agree (carrying the language read, so that agreeing also chooses it),
     * decline, and the notice in each other language the town offers.
     *
     * @param changed the reader agreed to an earlier version: the notice says it has changed
     */
    OutgoingMessage consentNotice(String language, boolean changed) {
        Copy consent = Copy.of(ConsentNotice.AREA, language);
        String text = (changed ? consent.text("notice.changed") + "\n\n" : "")
                + ConsentNotice.text(Channel.LINE, language, town) + "\n\n" + consent.text("notice.question");
        List<QuickReplyItem> items = new ArrayList<>();
        items.add(postback(consent.text("agree"), PostbackData.of(Action.AGREE, language)));
        items.add(postback(consent.text("decline"), PostbackData.of(Action.DECLINE)));
        for (String other : town.languages()) {
            if (!other.equals(language)) {
                items.add(postback(Copy.of(ConsentNotice.AREA, other).text("readIn"),
                        PostbackData.of(Action.NOTICE, other)));
            }
        }
        return OutgoingMessage.withQuickReplies(text, items);
    }

    OutgoingMessage consentDeclined(String language, boolean registered) {
        return OutgoingMessage.text(Copy.of(ConsentNotice.AREA, language)
                .text(registered ? "declinedRegistered" : "declined"));
    }

    // ---- registration

    OutgoingMessage welcome(String language) {
        return say(language, "welcome", town.name(), town.endBirthday());
    }

    OutgoingMessage welcomeBack(String language) {
        return say(language, "welcomeBack", town.name());
    }

    OutgoingMessage anchorQuestion(String language) {
        return OutgoingMessage.withQuickReplies(copy(language).text("anchor.question"),
                List.of(duePicker(copy(language).text("pick.due"), null),
                        birthPicker(copy(language).text("anchor.pickBirth"), null)));
    }

    OutgoingMessage anchorKindQuestion(LocalDate date, String language) {
        Copy copy = copy(language);
        return OutgoingMessage.withQuickReplies(copy.text("kind.question", date(date, language)), List.of(
                new Postback(copy.text("kind.due"), PostbackData.of(Action.KIND, "due").encode(), copy.text("kind.due.said")),
                new Postback(copy.text("kind.birth"), PostbackData.of(Action.KIND, "birth").encode(),
                        copy.text("kind.birth.said"))));
    }

    OutgoingMessage roleQuestion(String language) {
        List<QuickReplyItem> items = new ArrayList<>();
        for (Role role : Role.values()) {
            String name = roleName(role, language);
            items.add(new Postback(name, PostbackData.of(Action.ROLE, role.name()).encode(), name));
        }
        return OutgoingMessage.withQuickReplies(copy(language).text("role.question"), items);
    }

    /** The language names are each language's own, whichever language asks. */
    OutgoingMessage languageQuestion(String language) {
        List<QuickReplyItem> items = new ArrayList<>();
        for (String offered : town.languages()) {
            items.add(new Postback(languageName(offered), PostbackData.of(Action.LANGUAGE, offered).encode(),
                    languageName(offered)));
        }
        return OutgoingMessage.withQuickReplies(copy(language).text("language.question"), items);
    }

    OutgoingMessage dueDateQuestion(Child child, String language) {
        return OutgoingMessage.withQuickReplies(copy(language).text("dueDate.question"),
                List.of(duePicker(copy(language).text("pick.due"), child.childId())));
    }

    OutgoingMessage birthDateQuestion(Child child, String language) {
        String text = copy(language).text(child.track() == Track.PREGNANCY ? "birthDate.born" : "birthDate.question");
        return OutgoingMessage.withQuickReplies(text,
                List.of(birthPicker(copy(language).text("pick.birth"), child.childId())));
    }

    /** "Which child was born?": one birth date picker per pregnancy. */
    OutgoingMessage whichChildBorn(List<Child> pregnancies, String language) {
        return whichChildForDate(copy(language).text("whichChild.born"), pregnancies, true, language);
    }

    /** "Whose date changes?": one picker per child, for the date that anchors that child. */
    OutgoingMessage whichChildsDate(List<Child> children, String language) {
        return whichChildForDate(copy(language).text("whichChild.date"), children, false, language);
    }

    /** One date picker per child when the parent must say which child a date is for. */
    private OutgoingMessage whichChildForDate(String text, List<Child> children, boolean reportingBirth,
            String language) {
        List<QuickReplyItem> items = new ArrayList<>();
        for (Child child : children) {
            String label = childLabel(child, language);
            boolean birth = reportingBirth || child.track() == Track.CHILD;
            items.add(birth ? birthPicker(label, child.childId()) : duePicker(label, child.childId()));
        }
        return OutgoingMessage.withQuickReplies(text, items);
    }

    OutgoingMessage whichChildLost(List<Child> children, String language) {
        List<QuickReplyItem> items = new ArrayList<>();
        for (Child child : children) {
            String label = childLabel(child, language);
            items.add(new Postback(label, PostbackData.forChild(Action.LOSS, child.childId()).encode(), label));
        }
        return OutgoingMessage.withQuickReplies(copy(language).text("whichChild.loss"), items);
    }

    OutgoingMessage lossAcknowledged(Child lost, boolean othersContinue, String language) {
        Copy copy = copy(language);
        String text = copy.text(othersContinue ? "loss.thanksOthersContinue" : "loss.thanks") + "\n"
                + copy.text("loss.support") + "\n" + consultation(language);
        String delete = copy.text("loss.delete");
        String undo = copy.text("loss.undo");
        return OutgoingMessage.withQuickReplies(text, List.of(
                new Postback(delete, PostbackData.of(Action.DELETE).encode(), delete),
                new Postback(undo, PostbackData.forChild(Action.UNDO_LOSS, lost.childId()).encode(), undo)));
    }

    OutgoingMessage lossUndone(String language) {
        return say(language, "loss.undone");
    }

    OutgoingMessage deleteQuestion(String language) {
        Copy copy = copy(language);
        String yes = copy.text("delete.yes");
        String no = copy.text("delete.no");
        return OutgoingMessage.withQuickReplies(copy.text("delete.question"), List.of(
                new Postback(yes, PostbackData.of(Action.DELETE, "yes").encode(), yes),
                new Postback(no, PostbackData.of(Action.DELETE, "no").encode(), no)));
    }

    OutgoingMessage deleted(String language) {
        return say(language, "delete.done");
    }

    OutgoingMessage deleteCancelled(String language) {
        return say(language, "delete.cancelled");
    }

    OutgoingMessage paused(String language) {
        return OutgoingMessage.withQuickReplies(copy(language).text("paused"), List.of(restartButton(language)));
    }

    OutgoingMessage alreadyPaused(String language) {
        return OutgoingMessage.withQuickReplies(copy(language).text("paused.already"), List.of(restartButton(language)));
    }

    private static Say restartButton(String language) {
        return new Say(copy(language).text("restart.label"), copy(language).text("restart.say"));
    }

    private static Say menuButton(String language) {
        return new Say(copy(language).text("menu.label"), copy(language).text("menu.say"));
    }

    OutgoingMessage resumed(Reader reader) {
        String language = reader.language();
        return OutgoingMessage.text(copy(language).text(today(reader, null) ? "resumed.today" : "resumed.tomorrow",
                town.deliveryHour()) + "\n" + summary(reader));
    }

    OutgoingMessage alreadyActive(Reader reader) {
        return OutgoingMessage.text(copy(reader.language()).text("active") + "\n" + summary(reader));
    }

    /** The labels stay short (LINE cuts at 20); 生まれました is kept in every language, the birth question names it. */
    OutgoingMessage menu(Reader reader) {
        String language = reader.language();
        Copy copy = copy(language);
        List<QuickReplyItem> items = new ArrayList<>();
        List<Child> active = reader.activeChildren();
        if (!active.isEmpty()) {
            items.add(postback(copy.text("menu.today"), PostbackData.of(Action.TODAY)));
        }
        items.add(postback(copy.text("menu.addChild"), PostbackData.of(Action.ADD_CHILD)));
        if (active.stream().anyMatch(c -> c.track() == Track.PREGNANCY)) {
            items.add(postback(copy.text("menu.born"), PostbackData.of(Action.REPORT_BIRTH)));
        }
        if (!active.isEmpty()) {
            items.add(postback(copy.text("menu.changeDate"), PostbackData.of(Action.CHANGE_DATE)));
        }
        items.add(postback(copy.text("menu.role"), PostbackData.of(Action.ROLE)));
        if (town.languages().size() > 1) {
            items.add(postback(copy.text("menu.language"), PostbackData.of(Action.LANGUAGE)));
        }
        if (reader.status() == ReaderStatus.ACTIVE) {
            items.add(postback(copy.text("menu.stop"), PostbackData.of(Action.STOP)));
        } else if (reader.status() == ReaderStatus.PAUSED) {
            items.add(postback(copy.text("menu.start"), PostbackData.of(Action.START)));
        }
        if (!active.isEmpty()) {
            items.add(postback(copy.text("menu.loss"), PostbackData.of(Action.LOSS)));
        }
        items.add(postback(copy.text("menu.delete"), PostbackData.of(Action.DELETE)));
        return OutgoingMessage.withQuickReplies(copy.text("menu.text") + "\n" + consultation(language), items);
    }

    /** The answer to a text the conversation does not expect: the service is automatic, help is a call away. */
    OutgoingMessage idleHint(String language) {
        return OutgoingMessage.withQuickReplies(copy(language).text("idle", consultation(language)),
                List.of(menuButton(language)));
    }

    OutgoingMessage notReadable(String language) {
        return say(language, "notReadable");
    }

    OutgoingMessage tooManyChildren(String language) {
        return say(language, "tooManyChildren");
    }

    OutgoingMessage staleButton(String language) {
        return OutgoingMessage.withQuickReplies(copy(language).text("staleButton"), List.of(menuButton(language)));
    }

    OutgoingMessage noPregnancy(String language) {
        return say(language, "noPregnancy");
    }

    OutgoingMessage noActiveChild(String language) {
        return say(language, "noActiveChild");
    }

    OutgoingMessage alreadyLost(String language) {
        return say(language, "loss.already");
    }

    OutgoingMessage roleChanged(Role role, String language) {
        return say(language, "roleChanged", roleName(role, language));
    }

    /** Said in the newly chosen language. */
    OutgoingMessage languageChanged(String language) {
        return say(language, "languageChanged", languageName(language));
    }

    OutgoingMessage dateProblem(DateProblem problem, String language) {
        String key = "problem." + problem.name();
        return problem == DateProblem.PAST_PROGRAM
                ? say(language, key, town.endBirthday(), consultation(language))
                : say(language, key);
    }

    /** Today's message was asked for, and the reader has none today. */
    OutgoingMessage nothingToday(String language) {
        return say(language, "today.none");
    }

    OutgoingMessage todayAfterRegistration(String language) {
        return say(language, "today.notRegistered");
    }

    /** Registration done: where the child stands today and when the first message comes, in the reader's language. */
    OutgoingMessage registered(Reader reader, Child child) {
        String language = reader.language();
        Position position = child.position(today, town.endBirthday());
        return OutgoingMessage.text(copy(language).text("registered") + "\n" + Headings.where(position, language)
                + "\n" + startLine(child, position, language, today(reader, child)) + "\n"
                + copy(language).text("menu.hint"));
    }

    /** A due date or birthday changed, or a birth reported, for a reader already receiving messages. */
    OutgoingMessage dateChanged(Reader reader, Child child, boolean birthReported) {
        String language = reader.language();
        Copy copy = copy(language);
        Position position = child.position(today, town.endBirthday());
        // today's delivery is composed from the dates stored now: before it goes out, the change shows today
        boolean fromToday = today(reader, child);
        String when = fromToday ? "today" : "tomorrow";
        String first = copy.text(birthReported && child.dueDate() != null ? "changed.born." + when : "changed." + when);
        String paused = reader.status() != ReaderStatus.PAUSED ? "" : "\n" + copy.text("paused.note");
        String text = first + "\n" + Headings.where(position, language) + "\n"
                + startLine(child, position, language, fromToday) + paused;
        List<Child> twins = birthReported ? unbornTwinsOf(reader, child) : List.of();
        if (twins.isEmpty()) {
            return OutgoingMessage.text(text);
        }
        // Twins are usually born the same day: one tap on the picker, already set to that day, reports the other.
        List<QuickReplyItem> items = new ArrayList<>();
        for (Child twin : twins.subList(0, Math.min(twins.size(), OutgoingMessage.MAX_QUICK_REPLIES))) {
            items.add(birthPicker(copy.text("twin.label", ordinal(twin)), twin.childId(), child.birthDate()));
        }
        return OutgoingMessage.withQuickReplies(text + "\n" + copy.text("twin.hint"), items);
    }

    /** When the first message comes, said of the child whose position today is {@code position}. */
    private String startLine(Child child, Position position, String language, boolean firstToday) {
        if (!firstToday && overdueTomorrow(child)) {
            return startLine(child.position(today.plusDays(1), town.endBirthday()), language, false);
        }
        return startLine(position, language, firstToday);
    }

    /** @param firstToday today's delivery, still to come, brings the message: "today", else "tomorrow" */
    private String startLine(Position position, String language, boolean firstToday) {
        Copy copy = copy(language);
        String when = firstToday ? "today" : "tomorrow";
        return switch (position) {
            case Position.Pregnancy p -> copy.text("start.pregnancy." + when, town.deliveryHour());
            case Position.Child c -> copy.text("start.child." + when, town.deliveryHour());
            case Position.BeforeStart start -> copy.text("start.beforeStart", date(start.startsOn(), language));
            case Position.PregnancyOverdue o -> copy.text("start.overdue");
            case Position.Ended e -> copy.text("start.ended", e.endBirthday());
            case Position.NotYetBorn n -> copy.text("start.notYetBorn");
        };
    }

    /** The other active pregnancies with the same due date as {@code born}: its twins, triplets, … */
    private static List<Child> unbornTwinsOf(Reader reader, Child born) {
        return reader.activeChildren().stream()
                .filter(c -> !c.childId().equals(born.childId()) && c.track() == Track.PREGNANCY
                        && c.dueDate().equals(born.dueDate()))
                .toList();
    }

    /** True when tomorrow, the first day a message could come, is already past the pregnancy track. */
    private boolean overdueTomorrow(Child child) {
        return child.position(today.plusDays(1), town.endBirthday()) instanceof Position.PregnancyOverdue;
    }

    private String summary(Reader reader) {
        String language = reader.language();
        StringBuilder text = new StringBuilder();
        for (Child child : reader.activeChildren()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            Position position = child.position(today, town.endBirthday());
            text.append(Headings.where(position, language));
            if (position instanceof Position.Ended || position instanceof Position.PregnancyOverdue) {
                text.append(' ').append(startLine(position, language, false));
            }
        }
        return text.toString();
    }

    private String consultation(String language) {
        String contact = town.consultation();
        return contact == null || contact.isBlank() ? copy(language).text("consultation.fallback", town.name()) : contact;
    }

    private DatePicker duePicker(String label, String childId) {
        LocalDate min = ProgramSchedule.earliestDueDate(today);
        LocalDate max = ProgramSchedule.latestDueDate(today);
        return new DatePicker(label, PostbackData.forChild(Action.DUE, childId).encode(), today.plusDays(140), min, max);
    }

    private DatePicker birthPicker(String label, String childId) {
        return birthPicker(label, childId, today);
    }

    private DatePicker birthPicker(String label, String childId, LocalDate initial) {
        LocalDate min = ProgramSchedule.earliestBirthDateInProgram(today, town.endBirthday());
        return new DatePicker(label, PostbackData.forChild(Action.BIRTH, childId).encode(), initial, min, today);
    }

    private static Postback postback(String label, PostbackData data) {
        return new Postback(label, data.encode(), label);
    }

    /** "1人目・予定日3/15" – dates tell twins apart only with the ordinal. */
    private static String childLabel(Child child, String language) {
        LocalDate date = child.track() == Track.PREGNANCY ? child.dueDate() : child.birthDate();
        return copy(language).text(child.track() == Track.PREGNANCY ? "child.expected" : "child.born", ordinal(child),
                date.getMonthValue(), date.getDayOfMonth());
    }

    private static String ordinal(Child child) {
        return child.childId().substring(1);
    }

    /** A date as the reader's language writes it; the year is passed as text so no digit grouping applies. */
    static String date(LocalDate date, String language) {
        return copy(language).text("date", Integer.toString(date.getYear()), date.getMonthValue(), date.getDayOfMonth());
    }

    static String roleName(Role role, String language) {
        return copy(language).text("role." + role.name());
    }

    /** Each language's own name for itself, the same whichever language the reader reads; else its code. */
    static String languageName(String language) {
        String key = "language.name." + language;
        return Copy.keys(AREA, Copy.FALLBACK).contains(key) ? copy(Copy.FALLBACK).text(key) : language;
    }

    /** Why a date cannot be used, beyond not being a calendar day. */
    enum DateProblem { NOT_A_DATE, NO_SUCH_DAY, DUE_TOO_FAR, DUE_PASSED, BIRTH_IN_FUTURE, PAST_PROGRAM }
}
