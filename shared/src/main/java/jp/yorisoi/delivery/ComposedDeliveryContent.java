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
 * The senders' content: for a daily job the reader's whole day from {@link DayComposer}, for a staff broadcast its
 * text in the reader's language ({@link BroadcastStore}); packed by {@link LinePacking} or rendered by
 * {@link MailRendering}, so both travel the same queues, ledger and senders.
 */
public final class ComposedDeliveryContent implements DeliveryContent {

    private final DayComposer composer;
    private final BroadcastStore broadcasts;

    /** Daily jobs only. */
    public ComposedDeliveryContent(DayComposer composer) {
        this(composer, null);
    }

    public ComposedDeliveryContent(DayComposer composer, BroadcastStore broadcasts) {
        this.composer = composer;
        this.broadcasts = broadcasts;
    }

    /** A broadcast that is not stored (never planned: a stray job) has nothing to send. */
    @Override
    public DayMessage messageFor(DeliveryJob job, Reader reader, Municipality municipality) {
        if (job.isBroadcast() && broadcasts != null) {
            return broadcasts.find(job.municipalityId(), job.broadcastId())
                    .map(b -> BroadcastContent.message(b, reader.language(), municipality))
                    .orElseGet(() -> new DayMessage(List.of()));
        }
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
    public MailContent mail(DayMessage message, Municipality municipality, String language, MailRendering.Links links) {
        RenderedMail rendered = MailRendering.render(message, municipality, language, links);
        return new MailContent(rendered.subject(), rendered.text(), rendered.html());
    }

    @Override
    public List<String> childrenAskedAboutBirth(DeliveryJob job, Reader reader, Municipality municipality) {
        return job.isDaily() ? DayComposer.childrenAskedAboutBirth(reader, municipality, job.date()) : List.of();
    }
}
