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
        private final boolean refused;

        /** A failure that leaves open whether LINE took the reply (a time-out, a broken connection). */
        public ReplyFailedException(String message, Throwable cause) {
            this(message, false, cause);
        }

        /** @param refused LINE answered with an error (4xx): the reply certainly reached nobody */
        public ReplyFailedException(String message, boolean refused, Throwable cause) {
            super(message, cause);
            this.refused = refused;
        }

        public boolean refused() {
            return refused;
        }
    }
}
