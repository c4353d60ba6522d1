package jp.yorisoi.registration;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import jp.yorisoi.content.Headings;
import jp.yorisoi.line.OutgoingMessage;
import jp.yorisoi.line.QuickReplyItem;
import jp.yorisoi.line.QuickReplyItem.DatePicker;
import jp.yorisoi.line.QuickReplyItem.Postback;
import jp.yorisoi.line.QuickReplyItem.Say;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.registration.PostbackData.Action;
import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * Everything the town says in the registration chat, in its voice: short, warm, never asking why. Built per
 * turn for one municipality and one day, because the date pickers' limits move with {@code today}.
 */
final class Prompts {

    static final String MENU_WORD = "メニュー";

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

    /** True when today's delivery brings a message about {@code child} (or the reader's whole day, when null). */
    private boolean today(Reader reader, Child child) {
        return deliveredToday.test(child == null ? reader : reader.withChildren(List.of(child)));
    }

    OutgoingMessage welcome() {
        return OutgoingMessage.text(town.name() + "です。お友だち追加ありがとうございます。\n"
                + "妊娠中からお子さんが" + town.endBirthday() + "歳になるまで、毎日ひとことずつメッセージをお届けします。"
                + "ひとりで抱え込まず、いっしょに子育てしていきましょう。");
    }

    OutgoingMessage welcomeBack() {
        return OutgoingMessage.text(town.name() + "です。おかえりなさい。また友だちになってくださって、ありがとうございます。");
    }

    OutgoingMessage anchorQuestion() {
        return OutgoingMessage.withQuickReplies("""
                あてはまる方を選んでください。
                ・妊娠中の方 →「出産予定日を選ぶ」
                ・お子さんが生まれている方 →「誕生日を選ぶ」
                「2027/3/15」のように日付を送っていただいても大丈夫です。""",
                List.of(duePicker("出産予定日を選ぶ", null), birthPicker("お子さんの誕生日を選ぶ", null)));
    }

    OutgoingMessage anchorKindQuestion(LocalDate date) {
        return OutgoingMessage.withQuickReplies(jaDate(date) + "は、出産予定日ですか？ お子さんの誕生日ですか？", List.of(
                new Postback("出産予定日", PostbackData.of(Action.KIND, "due").encode(), "出産予定日です"),
                new Postback("誕生日", PostbackData.of(Action.KIND, "birth").encode(), "誕生日です")));
    }

    OutgoingMessage roleQuestion() {
        List<QuickReplyItem> items = new ArrayList<>();
        for (Role role : Role.values()) {
            items.add(new Postback(roleName(role), PostbackData.of(Action.ROLE, role.name()).encode(), roleName(role)));
        }
        return OutgoingMessage.withQuickReplies("あなたはお子さんの…？ あてはまるものを選んでください。", items);
    }

    OutgoingMessage languageQuestion() {
        List<QuickReplyItem> items = new ArrayList<>();
        for (String language : town.languages()) {
            items.add(new Postback(languageName(language), PostbackData.of(Action.LANGUAGE, language).encode(),
                    languageName(language)));
        }
        return OutgoingMessage.withQuickReplies("メッセージの言語を選んでください。\nPlease choose a language.", items);
    }

    OutgoingMessage dueDateQuestion(Child child, String language) {
        return OutgoingMessage.withQuickReplies(in(language,
                        "新しい出産予定日を選ぶか、「2027/3/15」のように送ってください。",
                        "あたらしい よていび を えらぶ か、「2027/3/15」の ように おくって ください。",
                        "Choose the new due date, or send it like \"2027/3/15\"."),
                List.of(duePicker(in(language, "出産予定日を選ぶ", "よていび を えらぶ", "Choose the due date"), child.childId())));
    }

    OutgoingMessage birthDateQuestion(Child child, String language) {
        String text = child.track() == Track.PREGNANCY
                ? in(language, "おめでとうございます！ お子さんが生まれた日を選ぶか、「2027/3/15」のように送ってください。",
                        "おめでとう ございます！ うまれた ひ を えらぶ か、「2027/3/15」の ように おくって ください。",
                        "Congratulations! Choose the day your baby was born, or send it like \"2027/3/15\".")
                : in(language, "お子さんの誕生日を選ぶか、「2027/3/15」のように送ってください。",
                        "おこさん の たんじょうび を えらぶ か、「2027/3/15」の ように おくって ください。",
                        "Choose your child's birthday, or send it like \"2027/3/15\".");
        return OutgoingMessage.withQuickReplies(text, List.of(birthPicker(
                in(language, "誕生日を選ぶ", "たんじょうび を えらぶ", "Choose the birthday"), child.childId())));
    }

    /** "Which child was born?": one birth date picker per pregnancy. */
    OutgoingMessage whichChildBorn(List<Child> pregnancies, String language) {
        return whichChildForDate(in(language, "おめでとうございます！ 生まれたお子さんを選んで、誕生日を教えてください。",
                "おめでとう ございます！ うまれた おこさん を えらんで、たんじょうび を おしえて ください。",
                "Congratulations! Choose the child who was born, then the birthday."), pregnancies, true);
    }

    /** "Whose date changes?": one picker per child, for the date that anchors that child. */
    OutgoingMessage whichChildsDate(List<Child> children, String language) {
        return whichChildForDate(in(language, "どのお子さんの日付を変更しますか？",
                "どの おこさん の ひにち を かえますか？", "Whose date would you like to change?"), children, false);
    }

    /** One date picker per child when the parent must say which child a date is for. */
    private OutgoingMessage whichChildForDate(String text, List<Child> children, boolean reportingBirth) {
        List<QuickReplyItem> items = new ArrayList<>();
        for (Child child : children) {
            String label = childLabel(child);
            boolean birth = reportingBirth || child.track() == Track.CHILD;
            items.add(birth ? birthPicker(label, child.childId()) : duePicker(label, child.childId()));
        }
        return OutgoingMessage.withQuickReplies(text, items);
    }

    OutgoingMessage whichChildLost(List<Child> children, String language) {
        List<QuickReplyItem> items = new ArrayList<>();
        for (Child child : children) {
            items.add(new Postback(childLabel(child), PostbackData.forChild(Action.LOSS, child.childId()).encode(),
                    childLabel(child)));
        }
        return OutgoingMessage.withQuickReplies(in(language, "どのお子さんのことか、選んでください。",
                "どの おこさん の こと ですか。えらんで ください。", "Which child is this about? Please choose."), items);
    }

    OutgoingMessage lossAcknowledged(Child lost, boolean othersContinue, String language) {
        String text = in(language,
                "お知らせくださり、ありがとうございます。このお子さんへのメッセージは、もうお送りしません。"
                        + (othersContinue ? "ほかのお子さんへのメッセージは続きます。" : "")
                        + "\nおつらいときは、どうかひとりで抱えずに、いつでもご相談ください。\n",
                "おしらせ ありがとう ございます。この おこさん の メッセージ は もう おくりません。"
                        + (othersContinue ? "ほかの おこさん の メッセージ は つづきます。" : "")
                        + "\nつらい とき は、ひとりで かかえないで、いつでも そうだん して ください。\n",
                "Thank you for letting us know. We will send no more messages about this child."
                        + (othersContinue ? " Messages for your other children will continue." : "")
                        + "\nWhen things are hard, please do not carry it alone. You can talk to us any time:\n")
                + consultation();
        String delete = in(language, "登録データを削除する", "データ を けす", "Delete my data");
        String undo = in(language, "まちがえて押しました", "まちがえました", "Pressed by mistake");
        return OutgoingMessage.withQuickReplies(text, List.of(
                new Postback(delete, PostbackData.of(Action.DELETE).encode(), delete),
                new Postback(undo, PostbackData.forChild(Action.UNDO_LOSS, lost.childId()).encode(), undo)));
    }

    OutgoingMessage lossUndone() {
        return OutgoingMessage.text("元に戻しました。これまでどおりメッセージをお届けします。");
    }

    OutgoingMessage deleteQuestion(String language) {
        String yes = in(language, "削除する", "けす", "Delete");
        String no = in(language, "やめる", "やめる", "Cancel");
        return OutgoingMessage.withQuickReplies(in(language,
                "登録内容（お子さんの日付など）をすべて削除し、メッセージのお届けを終了します。よろしいですか？",
                "とうろく（おこさん の ひにち など）を ぜんぶ けして、メッセージ を おわります。いい ですか？",
                "Delete everything you registered (your children's dates) and stop all messages?"), List.of(
                        new Postback(yes, PostbackData.of(Action.DELETE, "yes").encode(), yes),
                        new Postback(no, PostbackData.of(Action.DELETE, "no").encode(), no)));
    }

    OutgoingMessage deleted(String language) {
        return OutgoingMessage.text(in(language,
                "登録内容を削除しました。これまでありがとうございました。また登録したくなったら、いつでもメッセージを送ってください。",
                "とうろく を けしました。ありがとう ございました。また とうろく する とき は、メッセージ を おくって ください。",
                "Your data has been deleted. Thank you for reading. To register again, just send us a message."));
    }

    OutgoingMessage deleteCancelled(String language) {
        return OutgoingMessage.text(in(language, "削除はしていません。これまでどおりです。",
                "けして いません。いま まで と おなじ です。", "Nothing was deleted. Everything stays as it was."));
    }

    OutgoingMessage nothingToDelete() {
        return OutgoingMessage.text("登録されている内容はありません。");
    }

    OutgoingMessage paused(String language) {
        return OutgoingMessage.withQuickReplies(in(language,
                "メッセージのお届けを一時停止しました。再開するときは「さいかい」と送ってください。",
                "メッセージ を とめました。また はじめる とき は「さいかい」と おくって ください。",
                "Your messages are paused. To restart them, send \"start\"."), List.of(restartButton(language)));
    }

    OutgoingMessage alreadyPaused(String language) {
        return OutgoingMessage.withQuickReplies(in(language,
                "いまはお届けを停止しています。再開するときは「さいかい」と送ってください。",
                "いま は メッセージ を とめて います。また はじめる とき は「さいかい」と おくって ください。",
                "Your messages are paused now. To restart them, send \"start\"."), List.of(restartButton(language)));
    }

    private static Say restartButton(String language) {
        return "en".equals(language) ? new Say("Restart", "start") : new Say("再開する", "さいかい");
    }

    OutgoingMessage resumed(Reader reader) {
        int hour = town.deliveryHour();
        boolean today = today(reader, null);
        return OutgoingMessage.text(in(reader.language(),
                "お届けを再開します。" + (today ? "今日" : "明日") + "の" + hour + "時ごろからメッセージが届きます。\n",
                "メッセージ を また おくります。" + (today ? "きょう" : "あした") + " の " + hour + "じ ごろ から とどきます。\n",
                "Your messages restart " + (today ? "today" : "tomorrow") + " at about " + hour + ":00.\n")
                + summary(reader));
    }

    OutgoingMessage alreadyActive(Reader reader) {
        return OutgoingMessage.text(in(reader.language(), "メッセージはお届け中です。\n",
                "メッセージ を おくって います。\n", "Your messages are on.\n") + summary(reader));
    }

    /** The labels stay short (LINE cuts at 20); 生まれました is kept in every language, the birth question names it. */
    OutgoingMessage menu(Reader reader) {
        String language = reader.language();
        List<QuickReplyItem> items = new ArrayList<>();
        List<Child> active = reader.activeChildren();
        items.add(postback(in(language, "子どもを追加", "こども を ついか する", "Add a child"), PostbackData.of(Action.ADD_CHILD)));
        if (active.stream().anyMatch(c -> c.track() == Track.PREGNANCY)) {
            items.add(postback(in(language, "生まれました", "生まれました", "Born 生まれました"),
                    PostbackData.of(Action.REPORT_BIRTH)));
        }
        if (!active.isEmpty()) {
            items.add(postback(in(language, "予定日・誕生日の変更", "ひにち を かえる", "Change a date"),
                    PostbackData.of(Action.CHANGE_DATE)));
        }
        items.add(postback(in(language, "あなたの立場の変更", "たちば を かえる", "Change my role"), PostbackData.of(Action.ROLE)));
        if (town.languages().size() > 1) {
            items.add(postback(in(language, "言語の変更 Language", "ことば Language", "Language 言語"),
                    PostbackData.of(Action.LANGUAGE)));
        }
        if (reader.status() == ReaderStatus.ACTIVE) {
            items.add(postback(in(language, "お届けを停止", "とめる", "Pause messages"), PostbackData.of(Action.STOP)));
        } else if (reader.status() == ReaderStatus.PAUSED) {
            items.add(postback(in(language, "お届けを再開", "また はじめる", "Restart messages"), PostbackData.of(Action.START)));
        }
        if (!active.isEmpty()) {
            items.add(postback(in(language, "流産・死産などのお知らせ", "りゅうざん・しざん など", "Report a loss"),
                    PostbackData.of(Action.LOSS)));
        }
        items.add(postback(in(language, "登録データの削除", "データ を けす", "Delete my data"), PostbackData.of(Action.DELETE)));
        return OutgoingMessage.withQuickReplies(in(language,
                "メニューです。下のボタンから選んでください。\nご相談は、こちらへどうぞ。\n",
                "メニュー です。した の ボタン から えらんで ください。\nそうだん は こちら へ どうぞ。\n",
                "Menu: please choose below.\nFor advice and support, please contact:\n") + consultation(), items);
    }

    /** The answer to a text the conversation does not expect: the service is automatic, help is a call away. */
    OutgoingMessage idleHint(String language) {
        return OutgoingMessage.withQuickReplies(in(language,
                "メッセージありがとうございます。このアカウントからは自動でお届けしているため、"
                        + "個別のお返事はできません。ご相談は、こちらへどうぞ。\n" + consultation()
                        + "\n設定の変更は「メニュー」と送ってください。",
                "メッセージ ありがとう ございます。この アカウント は じどう で おくって いるので、おへんじ が できません。"
                        + "そうだん は こちら へ どうぞ。\n" + consultation()
                        + "\nせってい を かえる とき は「メニュー」と おくって ください。",
                "Thank you for your message. This account sends messages automatically and cannot reply to each one. "
                        + "For advice and support, please contact:\n" + consultation()
                        + "\nTo change your settings, send \"menu\"."),
                List.of("en".equals(language) ? new Say("Menu", "menu") : new Say(MENU_WORD, MENU_WORD)));
    }

    /** The text for the reader's language: Japanese, やさしい日本語 or English (any other language reads Japanese). */
    private static String in(String language, String ja, String easy, String en) {
        return switch (language == null ? Reader.DEFAULT_LANGUAGE : language) {
            case "en" -> en;
            case "ja-easy" -> easy;
            default -> ja;
        };
    }

    OutgoingMessage notReadable() {
        return OutgoingMessage.text("ごめんなさい、うまく受け取れませんでした。下のボタンから選んでください。");
    }

    OutgoingMessage tooManyChildren(String language) {
        return OutgoingMessage.text(in(language,
                "ごめんなさい、登録できるお子さんは13人までです。ほかのお子さんのことは、町の窓口にご相談ください。",
                "ごめんなさい。とうろく できる おこさん は 13人 まで です。まち の まどぐち に そうだん して ください。",
                "Sorry, up to 13 children can be registered. Please ask the town's office about the others."));
    }

    OutgoingMessage staleButton(String language) {
        return OutgoingMessage.withQuickReplies(in(language,
                        "このボタンは、いまは使えません。「メニュー」から選び直してください。",
                        "この ボタン は いま つかえません。「メニュー」から えらびなおして ください。",
                        "This button cannot be used now. Please send \"menu\" and choose again."),
                List.of("en".equals(language) ? new Say("Menu", "menu") : new Say(MENU_WORD, MENU_WORD)));
    }

    OutgoingMessage noPregnancy(String language) {
        return OutgoingMessage.text(in(language, "妊娠中として登録されているお子さんはいません。",
                "にんしんちゅう の おこさん は とうろく されて いません。", "No pregnancy is registered."));
    }

    OutgoingMessage noActiveChild(String language) {
        return OutgoingMessage.text(in(language, "いまメッセージをお届けしているお子さんはいません。",
                "いま メッセージ を おくって いる おこさん は いません。",
                "There is no child we are sending messages about now."));
    }

    OutgoingMessage alreadyLost() {
        return OutgoingMessage.text("承知しています。このお子さんへのメッセージはお送りしていません。");
    }

    OutgoingMessage roleChanged(Role role) {
        return OutgoingMessage.text("「" + roleName(role) + "」に変更しました。");
    }

    OutgoingMessage languageChanged(String language) {
        return OutgoingMessage.text(switch (language) {
            case "en" -> "Done. Your messages will come in English from tomorrow.";
            case "ja-easy" -> "かえました。あした から やさしい にほんご で おくります。";
            default -> "言語を「" + languageName(language) + "」に変更しました。明日からのメッセージに反映されます。";
        });
    }

    OutgoingMessage dateProblem(DateProblem problem) {
        String text = switch (problem) {
            case NOT_A_DATE -> "日付として読み取れませんでした。「2027/3/15」や「令和9年3月15日」のように送るか、ボタンから選んでください。";
            case NO_SUCH_DAY -> "その日付はカレンダーにないようです。もう一度確かめてください。";
            case DUE_TOO_FAR -> "出産予定日は、今日から280日後までの日付でお願いします。";
            case DUE_PASSED -> "予定日を2週間以上過ぎた日付のようです。お子さんが生まれている場合は、誕生日で教えてください。";
            case BIRTH_IN_FUTURE -> "まだ来ていない日付のようです。お子さんが生まれた日を教えてください。";
            case PAST_PROGRAM -> "ごめんなさい。このメッセージは、お子さんが" + town.endBirthday()
                    + "歳のお誕生日を迎えるまでのお届けのため、この日付ではご登録いただけません。\n子育てのご相談は、いつでもこちらへどうぞ。\n"
                    + consultation();
        };
        return OutgoingMessage.text(text);
    }

    /** Registration done: where the child stands today and when the first message comes, in the reader's language. */
    OutgoingMessage registered(Reader reader, Child child) {
        Position position = child.position(today, town.endBirthday());
        int hour = town.deliveryHour();
        boolean firstToday = today(reader, child);
        String menuHint = "設定の変更やお届けの停止は「メニュー」と送ってください。";
        return switch (reader.language()) {
            case "en" -> OutgoingMessage.text("You're all set. Thank you for registering.\n" + englishHeading(position)
                    + "\n" + (position instanceof Position.BeforeStart start
                            ? "Your messages start on " + start.startsOn().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                                    + start.startsOn().getDayOfMonth() + " (week 4 of pregnancy)."
                            : firstToday ? "Your first message comes today at about " + hour + ":00."
                            : overdueTomorrow(child)
                                    ? "Your due date has passed. When your baby is born, send \"menu\" and choose 「生まれました」."
                                    : "Your daily message starts tomorrow at about " + hour + ":00.")
                    + "\nTo change settings or stop, send \"menu\".");
            case "ja-easy" -> OutgoingMessage.text("とうろく が おわりました。ありがとうございます。\n" + heading(position)
                    + "\n" + (position instanceof Position.BeforeStart start
                            ? start.startsOn().getMonthValue() + "がつ " + start.startsOn().getDayOfMonth()
                                    + "にち から メッセージ を おくります。"
                            : firstToday ? "きょう の " + hour + "じ ごろ から、まいにち メッセージ を おくります。"
                            : overdueTomorrow(child)
                                    ? "よていび を すぎて います。うまれたら「メニュー」と おくって「生まれました」を えらんで ください。"
                                    : "あした の " + hour + "じ ごろ から、まいにち メッセージ を おくります。")
                    + "\nせってい を かえる とき は「メニュー」と おくって ください。");
            default -> OutgoingMessage.text("登録が完了しました。ありがとうございます。\n" + heading(position) + "\n"
                    + startLine(child, position, firstToday) + "\n" + menuHint);
        };
    }

    /** A due date or birthday changed, or a birth reported, for a reader already receiving messages. */
    OutgoingMessage dateChanged(Reader reader, Child child, boolean birthReported) {
        String language = reader.language();
        Position position = child.position(today, town.endBirthday());
        // today's delivery is composed from the dates stored now: before it goes out, the change shows today
        boolean fromToday = today(reader, child);
        String first = birthReported && child.dueDate() != null
                ? in(language, "ご出産おめでとうございます！ " + (fromToday ? "今日" : "明日")
                                + "からは、お子さんの育ちに合わせたメッセージに切り替わります。",
                        "おめでとう ございます！ " + (fromToday ? "きょう" : "あした") + " から、あかちゃん に あわせた メッセージ に かわります。",
                        "Congratulations on the birth! From " + (fromToday ? "today" : "tomorrow")
                                + ", your messages follow your baby's days.")
                : in(language, "変更しました。" + (fromToday ? "今日" : "明日") + "から新しい日付に合わせてお届けします。",
                        "かえました。" + (fromToday ? "きょう" : "あした") + " から あたらしい ひにち で おくります。",
                        "Changed. From " + (fromToday ? "today" : "tomorrow") + ", your messages follow the new date.");
        String paused = reader.status() != ReaderStatus.PAUSED ? "" : in(language,
                "\n（いまはお届けを停止しています。再開は「さいかい」と送ってください）",
                "\n（いま は メッセージ を とめて います。また はじめる とき は「さいかい」と おくって ください）",
                "\n(Your messages are paused now. To restart them, send \"start\".)");
        String heading = "en".equals(language) && !englishHeading(position).isEmpty()
                ? englishHeading(position) : heading(position);
        String text = first + "\n" + heading + "\n" + startLine(child, position, language, fromToday) + paused;
        List<Child> twins = birthReported ? unbornTwinsOf(reader, child) : List.of();
        if (twins.isEmpty()) {
            return OutgoingMessage.text(text);
        }
        // Twins are usually born the same day: one tap on the picker, already set to that day, reports the other.
        List<QuickReplyItem> items = new ArrayList<>();
        for (Child twin : twins.subList(0, Math.min(twins.size(), OutgoingMessage.MAX_QUICK_REPLIES))) {
            String ordinal = twin.childId().substring(1);
            items.add(birthPicker(in(language, ordinal + "人目も生まれました", ordinal + "人目も生まれました",
                    "Baby " + ordinal + " born too"), twin.childId(), child.birthDate()));
        }
        return OutgoingMessage.withQuickReplies(text + in(language,
                "\nいっしょにお腹にいたお子さんも生まれていたら、下のボタンから誕生日を選んでください。",
                "\nいっしょ に おなか に いた おこさん も うまれて いたら、した の ボタン を おして ください。",
                "\nIf your other baby was born too, choose the birthday with the button below."), items);
    }

    /** When the first message comes, in the reader's language. */
    private String startLine(Child child, Position position, String language, boolean firstToday) {
        int hour = town.deliveryHour();
        if ("en".equals(language)) {
            return switch (position) {
                case Position.BeforeStart start -> "Your messages start on "
                        + start.startsOn().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                        + start.startsOn().getDayOfMonth() + " (week 4 of pregnancy).";
                case Position.Ended e -> "Your child has turned " + e.endBirthday()
                        + ", so the messages for this child have ended.";
                default -> firstToday ? "Your messages come from today at about " + hour + ":00."
                        : overdueTomorrow(child)
                        ? "Your due date has passed. When your baby is born, send \"menu\" and choose 「生まれました」."
                        : "Your messages come from tomorrow at about " + hour + ":00.";
            };
        }
        if ("ja-easy".equals(language)) {
            return switch (position) {
                case Position.BeforeStart start -> start.startsOn().getMonthValue() + "がつ "
                        + start.startsOn().getDayOfMonth() + "にち から メッセージ を おくります。";
                case Position.Ended e -> e.endBirthday() + "さい に なったので、この おこさん の メッセージ は おわりました。";
                default -> firstToday ? "きょう の " + hour + "じ ごろ から メッセージ を おくります。"
                        : overdueTomorrow(child)
                        ? "よていび を すぎて います。うまれたら「メニュー」と おくって「生まれました」を えらんで ください。"
                        : "あした の " + hour + "じ ごろ から メッセージ を おくります。";
            };
        }
        return startLine(child, position, firstToday);
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

    /** When the first message comes, said of the child whose position today is {@code position}. */
    private String startLine(Child child, Position position, boolean firstToday) {
        if (!firstToday && overdueTomorrow(child)) {
            return startLine(child.position(today.plusDays(1), town.endBirthday()), false);
        }
        return startLine(position, firstToday);
    }

    /** @param firstToday today's delivery, still to come, brings the message: "today", else "tomorrow" */
    private String startLine(Position position, boolean firstToday) {
        String day = firstToday ? "今日" : "明日";
        return switch (position) {
            case Position.Pregnancy p -> day + "の" + town.deliveryHour() + "時ごろから、毎日メッセージをお届けします。";
            case Position.Child c -> day + "の" + town.deliveryHour() + "時ごろから、メッセージをお届けします。";
            case Position.BeforeStart start -> "妊娠4週0日の" + jaDate(start.startsOn()) + "から、メッセージをお届けします。";
            case Position.PregnancyOverdue o -> "予定日を過ぎています。生まれたら「メニュー」の「生まれました」から教えてください。";
            case Position.Ended e -> "お子さんが" + e.endBirthday() + "歳のお誕生日を迎えたので、このお子さんへのお届けは終わりました。";
            case Position.NotYetBorn n -> "誕生日を迎えたら、メッセージをお届けします。";
        };
    }

    private String summary(Reader reader) {
        StringBuilder text = new StringBuilder();
        for (Child child : reader.activeChildren()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            Position position = child.position(today, town.endBirthday());
            text.append(heading(position));
            if (position instanceof Position.Ended || position instanceof Position.PregnancyOverdue) {
                text.append(' ').append(startLine(position, false));
            }
        }
        return text.toString();
    }

    /** Where the child stands: the daily messages' heading inside the tracks, the pregnancy week around them. */
    static String heading(Position position) {
        return switch (position) {
            case Position.Pregnancy p -> Headings.of(p);
            case Position.Child c -> Headings.of(c);
            case Position.BeforeStart b -> pregnancyWeek(Math.max(0, b.pregnancyDay()));
            case Position.PregnancyOverdue o -> pregnancyWeek(o.pregnancyDay());
            case Position.Ended e -> "【" + e.endBirthday() + "歳】";
            case Position.NotYetBorn n -> "【妊娠中】";
        };
    }

    private static String pregnancyWeek(int pregnancyDay) {
        return "【妊娠" + pregnancyDay / 7 + "週" + pregnancyDay % 7 + "日】";
    }

    private static String englishHeading(Position position) {
        return switch (position) {
            case Position.Pregnancy p -> "[Pregnancy week " + p.week() + ", day " + p.dayOfWeek() + "]";
            case Position.BeforeStart b -> "[Pregnancy week " + Math.max(0, b.pregnancyDay()) / 7 + ", day "
                    + Math.max(0, b.pregnancyDay()) % 7 + "]";
            case Position.Child c -> c.years() == 0 ? "[Day " + c.ageDays() + " after birth]"
                    : "[Age " + c.years() + " years " + c.months() + " months]";
            default -> "";
        };
    }

    private String consultation() {
        String contact = town.consultation();
        return contact == null || contact.isBlank() ? town.name() + "の子育て相談窓口" : contact;
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
    private static String childLabel(Child child) {
        String ordinal = child.childId().substring(1) + "人目・";
        return child.track() == Track.PREGNANCY
                ? ordinal + "予定日" + child.dueDate().getMonthValue() + "/" + child.dueDate().getDayOfMonth()
                : ordinal + child.birthDate().getMonthValue() + "/" + child.birthDate().getDayOfMonth() + "生まれ";
    }

    static String jaDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String roleName(Role role) {
        return switch (role) {
            case MOTHER -> "お母さん";
            case PARTNER -> "お父さん・パートナー";
            case GRANDPARENT -> "おじいちゃん・おばあちゃん";
            case OTHER -> "その他";
        };
    }

    static String languageName(String language) {
        return switch (language) {
            case "ja" -> "日本語";
            case "ja-easy" -> "やさしい日本語";
            case "en" -> "English";
            default -> language;
        };
    }

    /** Why a date cannot be used, beyond not being a calendar day. */
    enum DateProblem { NOT_A_DATE, NO_SUCH_DAY, DUE_TOO_FAR, DUE_PASSED, BIRTH_IN_FUTURE, PAST_PROGRAM }
}
