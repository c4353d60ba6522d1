package jp.yorisoi.content;

import jp.yorisoi.copy.Copy;

/**
 * The service's own short texts inside a day's delivery (not catalogue content: every town sends the same
 * wording), in {@code copy/notices.<language>.properties}, with "ja" as the fallback like every other text.
 */
final class ServiceNotices {

    static final String AREA = "notices";

    private ServiceNotices() {}

    /** Asked once when a pregnancy passes 41w6d with no birth reported (DOMAIN.md: birth report). */
    static String birthQuestion(String language) {
        return Copy.of(AREA, language).text("birthQuestion");
    }

    /** Sent with the end birthday's message: the day after the child track's last day. */
    static String programEnded(String language, int endBirthday) {
        return Copy.of(AREA, language).text("programEnded", endBirthday);
    }

    /**
     * Sent instead of {@link #programEnded} when another child of the reader still receives messages: speaks of this
     * child only, as the loss reply does, so that the next day's message for the sibling does not contradict it.
     */
    static String childProgramEnded(String language, int endBirthday) {
        return Copy.of(AREA, language).text("childProgramEnded", endBirthday);
    }
}
