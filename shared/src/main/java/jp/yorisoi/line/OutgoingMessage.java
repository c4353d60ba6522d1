package jp.yorisoi.line;

import java.util.List;
import java.util.Objects;

/**
 * One text message of a reply, with optional quick-reply buttons, in LINE's limits. The domain builds these;
 * {@link LineReplyChannel} turns them into the SDK's messages.
 */
public record OutgoingMessage(String text, List<QuickReplyItem> quickReplies) {

    public static final int MAX_TEXT_LENGTH = 5_000;
    public static final int MAX_QUICK_REPLIES = 13;

    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("a LINE text holds 1 to 5,000 characters");
        }
        quickReplies = List.copyOf(quickReplies == null ? List.of() : quickReplies);
        if (quickReplies.size() > MAX_QUICK_REPLIES) {
            throw new IllegalArgumentException("LINE shows at most 13 quick replies");
        }
    }

    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(text, List.of());
    }

    public static OutgoingMessage withQuickReplies(String text, List<QuickReplyItem> quickReplies) {
        return new OutgoingMessage(text, quickReplies);
    }
}
