package jp.yorisoi.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class HandlerLoggingTest {

    @Test
    void anInvocationLogsUnderItsCorrelationIdAndLeavesNoContextBehind() {
        String during = HandlerLogging.withLogging(null, "api-request-1", () -> MDC.get("correlation_id"));

        assertEquals("api-request-1", during);
        assertNull(MDC.get("correlation_id"));
    }

    @Test
    void everyInvocationsLinesCarryTheColdStartFlagAndTheService() {
        Map<String, String> fields = HandlerLogging.withLogging(null, null, HandlerLogging::current);

        assertTrue(fields.containsKey("cold_start"), fields.toString());
        assertTrue(fields.containsKey("service"), fields.toString());
    }

    @Test
    void eachJobOfABatchLogsUnderItsOwnMessageIdWithTheInvocationsContext() throws Exception {
        List<Map<String, String>> seen = HandlerLogging.withLogging(null, null, () -> {
            Map<String, String> invocation = HandlerLogging.current();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Map<String, String>> a = threads.submit(() ->
                        HandlerLogging.onThisThread(invocation, "message-a", HandlerLogging::current));
                Future<Map<String, String>> b = threads.submit(() ->
                        HandlerLogging.onThisThread(invocation, "message-b", HandlerLogging::current));
                return List.of(a.get(), b.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals("message-a", seen.get(0).get("correlation_id"));
        assertEquals("message-b", seen.get(1).get("correlation_id"));
        assertEquals(seen.get(0).get("cold_start"), seen.get(1).get("cold_start"));
        assertFalse(seen.get(0).get("cold_start") == null, "the invocation's fields reach the job's thread");
    }

    @Test
    void theLineSdkAndItsHttpClientNeverLogBelowWarn() {
        for (String logger : List.of("com.linecorp.bot.client.base.Api", "okhttp3.OkHttpClient")) {
            assertFalse(LogManager.getLogger(logger).isInfoEnabled(), logger);
        }
    }
}
