package jp.yorisoi.registration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data our buttons carry back, e.g. {@code a=role&v=MOTHER} or {@code a=birth&c=c2}. Short by design (LINE
 * allows 300 characters) and read strictly: anything else, including a tampered button, is not a command.
 *
 * @param action  what the button does
 * @param value   the chosen option, or null
 * @param childId the child the button is about, or null
 */
public record PostbackData(Action action, String value, String childId) {

    private static final Pattern FORMAT =
            Pattern.compile("a=([a-z]{1,8})(?:&v=([A-Za-z0-9-]{1,16}))?(?:&c=(c[1-9][0-9]{0,2}))?");

    /** Every button of the conversation, with what it may carry. */
    public enum Action {
        MENU("menu", Value.NONE, false),
        /** A due date from the date picker: a new pregnancy, or with a child id a changed due date. */
        DUE("due", Value.NONE, true),
        /** A birth date from the date picker: a new child, or with a child id a reported or corrected birth. */
        BIRTH("birth", Value.NONE, true),
        /** Whether a typed date that could be either was a due date or a birth date. */
        KIND("kind", Value.REQUIRED, false),
        ROLE("role", Value.OPTIONAL, false),
        LANGUAGE("lang", Value.OPTIONAL, false),
        ADD_CHILD("add", Value.NONE, false),
        REPORT_BIRTH("born", Value.NONE, false),
        CHANGE_DATE("date", Value.NONE, false),
        STOP("stop", Value.NONE, false),
        START("start", Value.NONE, false),
        LOSS("loss", Value.NONE, true),
        /** Undoes a loss reported by mistake, right after it. */
        UNDO_LOSS("keep", Value.NONE, true),
        DELETE("delete", Value.OPTIONAL, false),
        /** Agrees to the consent notice read in the language it carries (docs/consent.md). */
        AGREE("agree", Value.REQUIRED, false),
        DECLINE("decline", Value.NONE, false),
        /** Shows the consent notice in the language it carries. */
        NOTICE("notice", Value.REQUIRED, false),
        /** Today's message again, by reply: sent by the rich menu's button as {@code a=today}. */
        TODAY("today", Value.NONE, false);

        private final String code;
        private final Value value;
        private final boolean takesChild;

        Action(String code, Value value, boolean takesChild) {
            this.code = code;
            this.value = value;
            this.takesChild = takesChild;
        }

        static Optional<Action> ofCode(String code) {
            for (Action action : values()) {
                if (action.code.equals(code)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    private enum Value { NONE, OPTIONAL, REQUIRED }

    public static PostbackData of(Action action) {
        return new PostbackData(action, null, null);
    }

    public static PostbackData of(Action action, String value) {
        return new PostbackData(action, value, null);
    }

    public static PostbackData forChild(Action action, String childId) {
        return new PostbackData(action, null, childId);
    }

    /** Reads button data; empty when it is not exactly what one of our buttons sends. */
    public static Optional<PostbackData> parse(String data) {
        if (data == null || data.length() > 64) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(data);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Action> action = Action.ofCode(matcher.group(1));
        if (action.isEmpty()) {
            return Optional.empty();
        }
        String value = matcher.group(2);
        String childId = matcher.group(3);
        Action a = action.get();
        boolean valueOk = switch (a.value) {
            case NONE -> value == null;
            case OPTIONAL -> true;
            case REQUIRED -> value != null;
        };
        if (!valueOk || (childId != null && !a.takesChild)) {
            return Optional.empty();
        }
        return Optional.of(new PostbackData(a, value, childId));
    }

    public String encode() {
        StringBuilder data = new StringBuilder("a=").append(action.code);
        if (value != null) {
            data.append("&v=").append(value);
        }
        if (childId != null) {
            data.append("&c=").append(childId);
        }
        return data.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
