package jp.yorisoi.functions.mailsender;

import jp.yorisoi.aws.Priming;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.EmfDeliveryMetrics;
import jp.yorisoi.delivery.SenderHandler;

/** Consumes delivery jobs from MailJobQueue and mails each reader their day; failed items go back to the queue. */
public final class MailSenderHandler extends SenderHandler {

    /** SnapStart's priming hook: warms the SDK, Jackson and LINE classes before the snapshot (Priming). */
    static {
        Priming.register(MailSenderHandler.class);
    }

    public MailSenderHandler() {
        this(new EmfDeliveryMetrics());
    }

    private MailSenderHandler(EmfDeliveryMetrics metrics) {
        this(DeliveryWiring.fromEnvironment(System.getenv(), metrics).mailDeliveries(), metrics, metrics::flush);
    }

    public MailSenderHandler(DeliveryService deliveries, DeliveryMetrics metrics, Runnable flushMetrics) {
        super(deliveries, metrics, flushMetrics);
    }
}
