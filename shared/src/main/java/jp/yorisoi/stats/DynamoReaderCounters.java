package jp.yorisoi.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.yorisoi.reader.Reader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The counters in the readers table, beside the readers: per town one item (pk {@code {municipalityId}#stats},
 * readerId {@code counters}) with a number per counter, and per reader a tally item (readerId {@code tally#{readerId}})
 * holding what that reader last added and the reader version it was taken from. Neither has {@code activeShard}, so
 * the active-reader index never sees them; no reader's pk ends in "#stats" (it ends in a hex digit).
 *
 * <p>Each change is one transaction: the reader's tally item, conditional on the tally read just before, and
 * {@code ADD} of the difference to the town's item. So a change is counted once (a concurrent recording fails the
 * condition and starts over from the tally; the SDK gives TransactWriteItems a client request token, so its own
 * retry of an applied request changes nothing), and the difference is always taken from what was counted, so a
 * recording missed after a crash is made good by the reader's next write.
 */
public final class DynamoReaderCounters implements ReaderCounters {

    private static final int ATTEMPTS = 5;
    private static final String COUNTERS = "counters";
    private static final String TALLY = "tally#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReaderCounters(DynamoDbClient dynamo, String readersTable) {
        this.dynamo = dynamo;
        this.table = readersTable;
    }

    @Override
    public void record(Reader saved) {
        change(saved.municipalityId(), saved.readerId(), ReaderTally.of(saved), saved.version());
    }

    @Override
    public void forget(String municipalityId, String readerId) {
        change(municipalityId, readerId, null, Long.MAX_VALUE);
    }

    @Override
    public Map<String, Long> counters(String municipalityId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(key(municipalityId, COUNTERS)).consistentRead(true)).item();
        Map<String, Long> counters = new TreeMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (value.n() != null && !name.equals("version")) {
                    counters.put(name, Long.parseLong(value.n()));
                }
            });
        }
        return counters;
    }

    /** {@code now} null: the reader is gone and its tally item goes too. */
    private void change(String municipalityId, String readerId, Map<String, Integer> now, long version) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> tallyItem = dynamo.getItem(r -> r.tableName(table)
                    .key(key(municipalityId, TALLY + readerId)).consistentRead(true)).item();
            boolean counted = tallyItem != null && !tallyItem.isEmpty();
            long countedVersion = counted ? Long.parseLong(tallyItem.get("version").n()) : -1;
            if (now != null && countedVersion >= version) {
                // a later write of the reader was counted already
                return;
            }
            Map<String, Integer> before = new TreeMap<>();
            if (counted) {
                tallyItem.get("tally").m().forEach((name, amount) -> before.put(name, Integer.parseInt(amount.n())));
            }
            Map<String, Integer> delta = ReaderTally.delta(before, now == null ? Map.of() : now);
            if (counted ? delta.isEmpty() && now != null : now == null) {
                // nothing counted changes (a birth question asked, a conversation step): no write at all
                return;
            }
            try {
                List<TransactWriteItem> writes = Stream.of(
                                tallyWrite(municipalityId, readerId, now, version, counted, countedVersion),
                                countersWrite(municipalityId, delta))
                        .filter(Objects::nonNull).toList();
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                return;
            } catch (TransactionCanceledException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private TransactWriteItem tallyWrite(String municipalityId, String readerId, Map<String, Integer> now,
            long version, boolean counted, long countedVersion) {
        String condition = counted ? "version = :counted" : "attribute_not_exists(pk)";
        Map<String, AttributeValue> values = counted
                ? Map.of(":counted", AttributeValue.fromN(Long.toString(countedVersion))) : null;
        if (now == null) {
            return TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(key(municipalityId, TALLY + readerId))
                    .conditionExpression(condition).expressionAttributeValues(values)).build();
        }
        Map<String, AttributeValue> item = new HashMap<>(key(municipalityId, TALLY + readerId));
        Map<String, AttributeValue> tally = new HashMap<>();
        now.forEach((name, amount) -> tally.put(name, AttributeValue.fromN(Integer.toString(amount))));
        item.put("tally", AttributeValue.fromM(tally));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression(condition).expressionAttributeValues(values)).build();
    }

    private TransactWriteItem countersWrite(String municipalityId, Map<String, Integer> delta) {
        if (delta.isEmpty()) {
            return null;
        }
        List<String> adds = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, Integer> change : delta.entrySet()) {
            names.put("#c" + i, change.getKey());
            values.put(":c" + i, AttributeValue.fromN(Integer.toString(change.getValue())));
            adds.add("#c" + i + " :c" + i);
            i++;
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(municipalityId, COUNTERS))
                .updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    private static Map<String, AttributeValue> key(String municipalityId, String readerId) {
        return Map.of("pk", AttributeValue.fromS(municipalityId + "#stats"), "readerId", AttributeValue.fromS(readerId));
    }
}
