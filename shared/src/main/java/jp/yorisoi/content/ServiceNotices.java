package jp.yorisoi.content;

import java.util.Map;

/**
 * The service's own short texts inside a day's delivery (not catalogue content: every town sends the same
 * wording), per language with "ja" as the fallback like every other text.
 */
final class ServiceNotices {

    private static final Map<String, String> BIRTH_QUESTION = Map.of(
            "ja", """
                    予定日を過ぎましたが、お変わりありませんか。
                    赤ちゃんが生まれていたら、「メニュー」と送って「生まれました」から教えてください。\
                    生まれた日から、赤ちゃんとの毎日に合わせたメッセージをお届けします。
                    まだのかたは、どうぞ無理をせず、ゆったりとお過ごしください。""",
            "ja-easy", """
                    よていびを すぎました。おかわり ありませんか。
                    あかちゃんが うまれたら、「メニュー」と おくって、「生まれました」を えらんで ください。
                    うまれた ひから、あかちゃんの メッセージを おくります。""",
            "en", """
                    Your due date has passed. We hope you are well.
                    If your baby has been born, please send "menu" and choose 「生まれました」 (the baby was born). \
                    From then on, your messages will follow your baby's days.""");

    private static final Map<String, String> PROGRAM_ENDED = Map.of(
            "ja", """
                    %s歳のお誕生日、おめでとうございます。
                    きょうで毎日のメッセージはおしまいです。これまで読んでくださって、ありがとうございました。
                    これからも、困ったときはいつでもまちの相談窓口を頼ってください。""",
            "ja-easy", """
                    %sさいの おたんじょうび、おめでとう ございます。
                    まいにちの メッセージは きょうで おわりです。よんで くださって ありがとう ございました。
                    こまった ときは、まちの そうだんまどぐちに いつでも そうだんして ください。""",
            "en", """
                    Happy %s birthday!
                    Today is the last of our daily messages. Thank you for reading them.
                    Whenever you need help, the town's consultation desk is always there for you.""");

    /**
     * The end birthday of one child while another child of the reader goes on: speaks of this child only, as the
     * loss reply does, so that the next day's message for the sibling does not contradict it.
     */
    private static final Map<String, String> CHILD_PROGRAM_ENDED = Map.of(
            "ja", """
                    %s歳のお誕生日、おめでとうございます。
                    このお子さんへの毎日のメッセージは、きょうでおしまいです。ほかのお子さんへのメッセージは、これからもお届けします。
                    困ったときは、いつでもまちの相談窓口を頼ってください。""",
            "ja-easy", """
                    %sさいの おたんじょうび、おめでとう ございます。
                    この おこさん の まいにちの メッセージは きょうで おわりです。ほかの おこさん の メッセージは つづきます。
                    こまった ときは、まちの そうだんまどぐちに いつでも そうだんして ください。""",
            "en", """
                    Happy %s birthday!
                    Today is the last daily message about this child. Messages for your other children will continue.
                    Whenever you need help, the town's consultation desk is always there for you.""");

    private ServiceNotices() {}

    /** Asked once when a pregnancy passes 41w6d with no birth reported (DOMAIN.md: birth report). */
    static String birthQuestion(String language) {
        return inLanguage(BIRTH_QUESTION, language);
    }

    /** Sent with the end birthday's message: the day after the child track's last day. */
    static String programEnded(String language, int endBirthday) {
        String years = "en".equals(language) ? ordinal(endBirthday) : Integer.toString(endBirthday);
        return inLanguage(PROGRAM_ENDED, language).formatted(years);
    }

    /** Sent instead of {@link #programEnded} when another child of the reader still receives messages. */
    static String childProgramEnded(String language, int endBirthday) {
        String years = "en".equals(language) ? ordinal(endBirthday) : Integer.toString(endBirthday);
        return inLanguage(CHILD_PROGRAM_ENDED, language).formatted(years);
    }

    private static String inLanguage(Map<String, String> texts, String language) {
        return texts.getOrDefault(language, texts.get("ja"));
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 3 -> "3rd";
            default -> n + "th"; // end birthdays are 3 to 6
        };
    }
}
