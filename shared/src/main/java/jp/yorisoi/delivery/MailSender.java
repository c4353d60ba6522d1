package jp.yorisoi.delivery;

import java.util.Map;

/** Sends one e-mail; the SES v2 adapter is {@code SesMailChannel}. */
public interface MailSender {

    /**
     * @throws RetryableSendException on throttling or a server error (nothing was sent)
     * @throws MailRejectedException  when the mail service refused this mail for good (nothing was sent)
     */
    void send(Mail mail);

    /**
     * @param fromName       the display name (the town), shown by mail apps as the sender
     * @param unsubscribeUrl the one-click stop address for List-Unsubscribe, or null for a mail that is not a
     *                       delivery (the signup confirmation)
     * @param tags           ids only (town, reader): SES returns them in bounce and complaint events
     */
    record Mail(String fromName, String from, String to, String subject, String text, String html,
            String unsubscribeUrl, Map<String, String> tags) {

        public Mail {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /** The mail service refused the mail for good: resending the same mail will not help. */
    final class MailRejectedException extends RuntimeException {

        private final String reason;

        public MailRejectedException(String reason, Throwable cause) {
            super("mail rejected: " + reason, cause);
            this.reason = reason;
        }

        /** The service's error code, e.g. MessageRejected: no personal data. */
        public String reason() {
            return reason;
        }
    }
}
