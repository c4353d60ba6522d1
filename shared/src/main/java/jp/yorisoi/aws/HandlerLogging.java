package jp.yorisoi.aws;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Wraps every handler invocation in Powertools logging, through its functional API (no AspectJ weaving): each
 * JSON log line carries the Lambda context (function_request_id, cold_start, service, ...) and a correlation_id
 * — the API Gateway request id, the SQS message id of the job, or the Lambda request id — under the field names
 * Powertools uses, and the logging context is cleared when the invocation ends.
 */
public final class HandlerLogging {

    /** Powertools' field (and MDC key) for the correlation id. */
    public static final String CORRELATION_ID = "correlation_id";

    private HandlerLogging() {}

    /** Runs one invocation with the Lambda context (null outside Lambda) and a correlation id (null: none). */
    public static <T> T withLogging(Context context, String correlationId, Supplier<T> invocation) {
        return PowertoolsLogging.withLogging(context, () -> {
            if (correlationId != null && !correlationId.isBlank()) {
                MDC.put(CORRELATION_ID, correlationId);
            }
            return invocation.get();
        });
    }

    /** The invocation's logging context, to hand to the threads that work for it. */
    public static Map<String, String> current() {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return context == null ? Map.of() : context;
    }

    /**
     * Runs work on another thread (a virtual thread of a batch) under the invocation's logging context with its
     * own correlation id, and leaves that thread's context empty afterwards.
     */
    public static <T> T onThisThread(Map<String, String> invocation, String correlationId, Supplier<T> work) {
        MDC.setContextMap(invocation);
        if (correlationId != null && !correlationId.isBlank()) {
            MDC.put(CORRELATION_ID, correlationId);
        }
        try {
            return work.get();
        } finally {
            MDC.clear();
        }
    }
}
