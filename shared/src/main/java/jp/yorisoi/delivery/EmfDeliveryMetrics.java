package jp.yorisoi.delivery;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Delivery counters as CloudWatch embedded metric format (Powertools; namespace from
 * POWERTOOLS_METRICS_NAMESPACE), written to the log when the function flushes at the end of an invocation.
 */
public final class EmfDeliveryMetrics implements DeliveryMetrics, FanOutMetrics {

    private final Metrics metrics = MetricsFactory.getMetricsInstance();

    @Override
    public synchronized void count(String name) {
        metrics.addMetric(name, 1, MetricUnit.COUNT);
    }

    @Override
    public synchronized void add(String name, int value) {
        metrics.addMetric(name, value, MetricUnit.COUNT);
    }

    public synchronized void flush() {
        metrics.flush();
    }
}
