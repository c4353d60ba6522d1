package jp.yorisoi.functions.linesender;

import jp.yorisoi.aws.Priming;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.EmfDeliveryMetrics;
import jp.yorisoi.delivery.SenderHandler;

/** Consumes delivery jobs from LineJobQueue and pushes each reader's day; failed items go back to the queue. */
public final class LineSenderHandler extends SenderHandler {

    /** SnapStart's priming hook: warms the SDK, Jackson and LINE classes before the snapshot (Priming). */
    static {
        Priming.register(LineSenderHandler.class);
    }

    public LineSenderHandler() {
        this(new EmfDeliveryMetrics());
    }

    private LineSenderHandler(EmfDeliveryMetrics metrics) {
        this(DeliveryWiring.fromEnvironment(System.getenv(), metrics).lineDeliveries(), metrics, metrics::flush);
    }

    public LineSenderHandler(DeliveryService deliveries, DeliveryMetrics metrics, Runnable flushMetrics) {
        super(deliveries, metrics, flushMetrics);
    }
}
