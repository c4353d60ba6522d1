package jp.yorisoi.registration;

import java.util.List;
import jp.yorisoi.line.OutgoingMessage;
import jp.yorisoi.reader.Reader;

/**
 * The conversation's decision for one event: what happens to the reader, and what to answer.
 *
 * @param today the reader asked for today's message: the reply is that message (TodaysMessage), and {@code replies}
 *              only when there is none today
 */
public record Turn(Change change, List<OutgoingMessage> replies, boolean today) {

    public Turn(Change change, List<OutgoingMessage> replies) {
        this(change, replies, false);
    }

    public Turn {
        replies = List.copyOf(replies);
        if (replies.size() > 5) {
            throw new IllegalArgumentException("a LINE reply carries at most 5 messages");
        }
    }

    /** What to do with the stored reader. */
    public sealed interface Change {
        record Keep() implements Change {}

        record Save(Reader reader) implements Change {}

        record Delete(String readerId) implements Change {}
    }

    static Turn keep(List<OutgoingMessage> replies) {
        return new Turn(new Change.Keep(), replies);
    }

    static Turn today(List<OutgoingMessage> ifNothingToday) {
        return new Turn(new Change.Keep(), ifNothingToday, true);
    }

    static Turn save(Reader reader, List<OutgoingMessage> replies) {
        return new Turn(new Change.Save(reader), replies);
    }
}
