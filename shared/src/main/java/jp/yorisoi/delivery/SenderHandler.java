package jp.yorisoi.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jp.yorisoi.aws.HandlerLogging;

/**
 * What both sender functions do with a batch from their job queue: deliver each job, report only the failed ones
 * back to SQS, and flush the metrics even when the batch fails. The functions differ only in their channel.
 */
public abstract class SenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SqsJobBatch batch;
    private final Runnable flushMetrics;

    protected SenderHandler(DeliveryService deliveries, DeliveryMetrics metrics, Runnable flushMetrics) {
        this.batch = new SqsJobBatch(deliveries, metrics);
        this.flushMetrics = flushMetrics;
    }

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return HandlerLogging.withLogging(context, null, () -> {
            try {
                return batch.process(event);
            } finally {
                flushMetrics.run();
            }
        });
    }
}
