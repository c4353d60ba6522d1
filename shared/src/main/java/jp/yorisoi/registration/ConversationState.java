package jp.yorisoi.registration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The pending question of a reader's chat, kept in {@code Reader.conversation()} so that each webhook event is
 * answered statelessly.
 *
 * @param step    the question waiting for an answer, or {@link Step#IDLE}
 * @param childId the child the question is about, or null
 * @param date    a typed date waiting for "due date or birthday?", or null
 */
record ConversationState(Step step, String childId, LocalDate date) {

    enum Step {
        IDLE,
        /** A new parent is reading the consent notice: nothing but this bare record is stored until they agree. */
        AWAIT_CONSENT,
        AWAIT_ANCHOR,
        AWAIT_ANCHOR_KIND,
        AWAIT_ROLE,
        AWAIT_LANGUAGE,
        AWAIT_DUE_DATE,
        AWAIT_BIRTH_DATE,
        CONFIRM_DELETE,
        /** Right after a loss: the parent may still undo a tap made by mistake. */
        AFTER_LOSS
    }

    static final ConversationState IDLE = new ConversationState(Step.IDLE, null, null);

    static ConversationState of(Step step) {
        return new ConversationState(step, null, null);
    }

    static ConversationState about(Step step, String childId) {
        return new ConversationState(step, childId, null);
    }

    /** Reads the stored map; anything unreadable counts as no pending question. */
    static ConversationState from(Map<String, String> stored) {
        try {
            Step step = Step.valueOf(stored.getOrDefault("step", "IDLE"));
            String date = stored.get("date");
            return new ConversationState(step, stored.get("child"), date == null ? null : LocalDate.parse(date));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return IDLE;
        }
    }

    Map<String, String> toMap() {
        Map<String, String> map = new HashMap<>();
        if (step != Step.IDLE) {
            map.put("step", step.name());
        }
        if (childId != null) {
            map.put("child", childId);
        }
        if (date != null) {
            map.put("date", date.toString());
        }
        return map;
    }
}
