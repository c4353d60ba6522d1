package jp.yorisoi.line;

import java.util.List;

/** Answers a webhook event with its reply token (free, unlike a push). The LINE adapter is {@link LineReplyChannel}. */
public interface LineReplier {

    /**
     * Sends up to five messages as the reply to one event of {@code municipalityId}'s channel.
     *
     * @throws ReplyFailedException when LINE refuses or cannot be reached
     */
    void reply(String municipalityId, String replyToken, List<OutgoingMessage> messages);

    /** LINE did not take the reply; the reply token cannot be used twice, so there is no retry. */
    final class ReplyFailedException extends RuntimeException {
        public ReplyFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
