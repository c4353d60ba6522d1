package jp.yorisoi.delivery;

import java.util.List;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Reader;

/**
 * What the senders need from the content side: the message a job stands for, packed for its channel. The daily
 * delivery composes the reader's day. Staff broadcasts (deliveryKey "broadcast#…", added with the staff API)
 * are meant to resolve to their text here too, so that they travel the same queues, ledger and senders;
 * {@link ComposedDeliveryContent} answers daily jobs only until then.
 */
public interface DeliveryContent {

    /** The message for this job and reader as the reader stands now; empty when there is nothing to send. */
    DayMessage messageFor(DeliveryJob job, Reader reader, Municipality municipality);

    /** 1–5 LINE texts, each at most 5,000 UTF-16 units. */
    List<String> lineTexts(DayMessage message);

    /** One e-mail for the message in the reader's language, its footer linking to the reader's unsubscribe page. */
    MailContent mail(DayMessage message, Municipality municipality, String language, String unsubscribeUrl);

    /**
     * The children whose birth the job's message asks about ("has the baby been born?"); the sender records the
     * question on each once it has claimed the delivery, before sending, so that it is asked once.
     */
    List<String> childrenAskedAboutBirth(DeliveryJob job, Reader reader, Municipality municipality);

    record MailContent(String subject, String text, String html) {}
}
