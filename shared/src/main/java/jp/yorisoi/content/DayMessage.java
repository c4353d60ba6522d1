package jp.yorisoi.content;

import java.util.List;

/**
 * Everything one reader gets on one day, as ordered parts, before packing for a channel.
 * Empty when there is nothing to send that day.
 */
public record DayMessage(List<Part> parts) {

    public DayMessage {
        parts = List.copyOf(parts);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * One section: a heading such as 【妊娠12週0日】 (may be null) and its text. Local and calendar texts already
     * end with the town's signature. {@code childId} is the child the part is about (the first of twins), or
     * null for a part meant for the whole reader such as a calendar message.
     */
    public record Part(PartKind kind, String childId, String heading, String text) {}

    public enum PartKind {
        BASE,
        LOCAL,
        BIRTHDAY,
        CALENDAR,
        BROADCAST,
        NOTICE
    }
}
