package jp.yorisoi.functions.mailsender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.EmfDeliveryMetrics;
import jp.yorisoi.delivery.SqsJobBatch;

/** Consumes e-mail delivery jobs from MailJobQueue and mails each reader their day; failed items go back to the queue. */
public final class MailSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SqsJobBatch batch;
    private final Runnable flushMetrics;

    public MailSenderHandler() {
        this(new EmfDeliveryMetrics());
    }

    private MailSenderHandler(EmfDeliveryMetrics metrics) {
        this(DeliveryWiring.fromEnvironment(System.getenv(), metrics).mailDeliveries(), metrics, metrics::flush);
    }

    public MailSenderHandler(DeliveryService deliveries, DeliveryMetrics metrics, Runnable flushMetrics) {
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
