package jp.yorisoi.delivery;

import java.time.LocalDate;
import jp.yorisoi.line.LineReplier;
import jp.yorisoi.line.OutgoingMessage;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.registration.TodaysMessage;

/**
 * Today's message at the reader's request, as the reply to it: the day's delivery job goes through
 * {@link DeliveryService#replyToday}, the senders' own claim in the ledger, with the reply token in place of a push.
 */
public final class TodayByReply implements TodaysMessage {

    private final DeliveryService delivery;
    private final LineReplier replier;

    public TodayByReply(DeliveryService delivery, LineReplier replier) {
        this.delivery = delivery;
        this.replier = replier;
    }

    @Override
    public boolean reply(Municipality town, Reader reader, String replyToken, LocalDate today) {
        DeliveryJob job = DeliveryJob.daily(town.municipalityId(), reader.readerId(), Channel.LINE, today);
        DeliveryService.ReplyOutcome outcome = delivery.replyToday(job, reader, town, texts -> {
            try {
                replier.reply(town.municipalityId(), replyToken, texts.stream().map(OutgoingMessage::text).toList());
            } catch (LineReplier.ReplyFailedException e) {
                throw new DeliveryService.LineReplyFailure(e.getMessage(), e.refused(), e);
            }
        });
        return outcome != DeliveryService.ReplyOutcome.NOTHING_TO_SEND;
    }
}
