package jp.yorisoi.testkit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS API calls a client makes, by service, operation and (for DynamoDB) table: an execution
 * interceptor added to a client's override configuration. One count per call as the code makes it, before any
 * retry, so the figures are the request economy of the code, not of the network. Thread-safe; for tests and
 * benchmarks.
 *
 * <pre>{@code
 * RequestCounter counter = new RequestCounter();
 * DynamoDbClient dynamo = DynamoDbClient.builder()...overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
 * ...
 * counter.count("DynamoDB", "GetItem");          // all tables
 * counter.count("DynamoDB", "GetItem", "Ledger"); // one table
 * }</pre>
 */
public final class RequestCounter implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        // BatchGetItem and BatchWriteItem name their tables as the keys of RequestItems
        String table = context.request().getValueForField("TableName", String.class)
                .or(() -> context.request().getValueForField("RequestItems", Map.class)
                        .map(items -> ((Map<?, ?>) items).keySet().stream().map(String::valueOf).sorted()
                                .collect(Collectors.joining(","))))
                .orElse("");
        counts.computeIfAbsent(key(service, operation, table), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Calls of {@code operation} (e.g. "SendMessageBatch") on {@code service} (e.g. "Sqs", "DynamoDB"). */
    public int count(String service, String operation) {
        String prefix = service + " " + operation + " ";
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** Calls of a DynamoDB {@code operation} on the table named {@code table}. */
    public int count(String service, String operation, String table) {
        AtomicInteger count = counts.get(key(service, operation, table));
        return count == null ? 0 : count.get();
    }

    /** Every count so far, "service operation table" → calls, sorted: for a report or an assertion message. */
    public Map<String, Integer> counts() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((key, count) -> snapshot.put(key.strip(), count.get()));
        return snapshot;
    }

    public void reset() {
        counts.clear();
    }

    private static String key(String service, String operation, String table) {
        return service + " " + operation + " " + table;
    }
}
