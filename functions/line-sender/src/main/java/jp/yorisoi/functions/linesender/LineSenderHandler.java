package jp.yorisoi.functions.linesender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.EmfDeliveryMetrics;
import jp.yorisoi.delivery.SqsJobBatch;

/** Consumes LINE delivery jobs from LineJobQueue and pushes each reader's day; failed items go back to the queue. */
public final class LineSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SqsJobBatch batch;
    private final Runnable flushMetrics;

    public LineSenderHandler() {
        this(new EmfDeliveryMetrics());
    }

    private LineSenderHandler(EmfDeliveryMetrics metrics) {
        this(DeliveryWiring.fromEnvironment(System.getenv(), metrics).lineDeliveries(), metrics, metrics::flush);
    }

    public LineSenderHandler(DeliveryService deliveries, DeliveryMetrics metrics, Runnable flushMetrics) {
        this.batch = new SqsJobBatch(deliveries, metrics);
        this.flushMetrics = flushMetrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try {
            return batch.process(event);
        } finally {
            flushMetrics.run();
        }
    }
}
