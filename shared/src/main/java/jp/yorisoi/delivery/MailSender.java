package jp.yorisoi.delivery;

/** Sends one e-mail; the SES v2 adapter is {@code SesMailChannel}. */
public interface MailSender {

    /**
     * @throws RetryableSendException on throttling or a server error (nothing was sent)
     */
    void send(Mail mail);

    record Mail(String from, String to, String subject, String text, String html, String unsubscribeUrl) {}
}
