package jp.yorisoi.delivery;

import java.util.List;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.content.LinePacking;
import jp.yorisoi.content.MailRendering;
import jp.yorisoi.content.RenderedMail;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Reader;

/**
 * The senders' content for daily jobs: the reader's whole day from {@link DayComposer}, packed by
 * {@link LinePacking} or rendered by {@link MailRendering}. Staff broadcasts (the staff API issue) add their
 * resolution here and travel the same queues.
 */
public final class ComposedDeliveryContent implements DeliveryContent {

    private final DayComposer composer;

    public ComposedDeliveryContent(DayComposer composer) {
        this.composer = composer;
    }

    @Override
    public DayMessage messageFor(DeliveryJob job, Reader reader, Municipality municipality) {
        if (!job.isDaily()) {
            throw new UnsupportedOperationException("no content source for delivery " + job.deliveryKey());
        }
        return composer.compose(reader, municipality, job.date());
    }

    @Override
    public List<String> lineTexts(DayMessage message) {
        return LinePacking.pack(message);
    }

    @Override
    public MailContent mail(DayMessage message, Municipality municipality, String language, String unsubscribeUrl) {
        RenderedMail rendered = MailRendering.render(message, municipality, language, unsubscribeUrl);
        return new MailContent(rendered.subject(), rendered.text(), rendered.html());
    }

    @Override
    public List<String> childrenAskedAboutBirth(DeliveryJob job, Reader reader, Municipality municipality) {
        return job.isDaily() ? DayComposer.childrenAskedAboutBirth(reader, municipality, job.date()) : List.of();
    }
}
