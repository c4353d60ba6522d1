package jp.yorisoi.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.schedule.ProgramSchedule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The delivery ledger in DynamoDB, one item per reader and delivery key. {@code muniDate} feeds the
 * {@code ByMunicipalityDate} index (stats, reconciliation), sharded as {@code {municipalityId}#{date}#{shard}};
 * entries expire about 400 days after their date so a year-on-year comparison still has last year's figures.
 */
public final class DynamoLedger implements Ledger, DeliveryTally {

    static final long RETENTION_DAYS = 400;
    static final String BY_MUNICIPALITY_DATE = "ByMunicipalityDate";
    /**
     * Shards of one (town, day) in the index. A partition, of a table or a GSI, takes at most 1,000 write units/s
     * (DynamoDB developer guide, "warm throughput scenarios"), and a GSI short of write capacity throttles the
     * table's writes too (developer guide, "key range throughput exceeded"). A town of 1,000,000
     * readers served in ten minutes writes ~1,700 ledger items/s, twice each (SENDING, then final), so one
     * unsharded key would throttle the index and, through it, the senders' ledger writes. 16 shards keep each
     * under ~220/s. Changing the count re-files only new entries: readers of a day must use the count it was
     * written with.
     */
    static final int INDEX_SHARDS = 16;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<LedgerEntry> find(String municipalityId, String readerId, String deliveryKey) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(municipalityId + "#" + readerId),
                                "deliveryKey", AttributeValue.fromS(deliveryKey)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * A SENDING entry may be claimed again: it is a crashed or timed-out attempt, and the channel's retry key
     * makes the repeated send harmless. Only a final status stops the claim.
     */
    @Override
    public boolean claim(LedgerEntry sending) {
        return putIf(sending, "attribute_not_exists(pk) OR #status IN (:sending, :released)");
    }

    /** One conditional write: two concurrent attempts cannot both claim an e-mail. */
    @Override
    public boolean claimExclusive(LedgerEntry sending) {
        return putIf(sending, "attribute_not_exists(pk) OR #status = :released");
    }

    private boolean putIf(LedgerEntry sending, String condition) {
        if (sending.status() != DeliveryStatus.SENDING) {
            throw new IllegalArgumentException("a claim writes SENDING, not " + sending.status());
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":released", AttributeValue.fromS(DeliveryStatus.RELEASED.name()));
        if (condition.contains(":sending")) {
            values.put(":sending", AttributeValue.fromS(DeliveryStatus.SENDING.name()));
        }
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(toItem(sending))
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void complete(LedgerEntry done) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(done)));
    }

    /**
     * Counts the town's daily deliveries of {@code date} that reached a final state, over every index shard
     * (Query with {@code Select: COUNT}: the items are read but not returned).
     */
    @Override
    public int finalDailyDeliveries(String municipalityId, LocalDate date) {
        int count = 0;
        for (int shard = 0; shard < INDEX_SHARDS; shard++) {
            String key = indexKey(municipalityId, date, shard);
            for (QueryResponse page : dynamo.queryPaginator(r -> r.tableName(table)
                    .indexName(BY_MUNICIPALITY_DATE)
                    .keyConditionExpression("muniDate = :key")
                    .filterExpression("deliveryKey = :day AND #status IN (:sent, :nothing, :skipped)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":key", AttributeValue.fromS(key),
                            ":day", AttributeValue.fromS(date.toString()),
                            ":sent", AttributeValue.fromS(DeliveryStatus.SENT.name()),
                            ":nothing", AttributeValue.fromS(DeliveryStatus.NOTHING_TO_SEND.name()),
                            ":skipped", AttributeValue.fromS(DeliveryStatus.SKIPPED.name())))
                    .select(Select.COUNT))) {
                count += page.count();
            }
        }
        return count;
    }

    /** The index shard of a reader's entries: String.hashCode is fixed by the Java API, so stable across JVMs. */
    static int indexShard(String readerId) {
        return Math.floorMod(readerId.hashCode(), INDEX_SHARDS);
    }

    static String indexKey(String municipalityId, LocalDate date, int shard) {
        return municipalityId + "#" + date + "#" + shard;
    }

    private static Map<String, AttributeValue> toItem(LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(entry.municipalityId() + "#" + entry.readerId()));
        item.put("deliveryKey", AttributeValue.fromS(entry.deliveryKey()));
        item.put("municipalityId", AttributeValue.fromS(entry.municipalityId()));
        item.put("readerId", AttributeValue.fromS(entry.readerId()));
        item.put("date", AttributeValue.fromS(entry.date().toString()));
        item.put("status", AttributeValue.fromS(entry.status().name()));
        putIfPresent(item, "channel", entry.channel());
        putIfPresent(item, "role", entry.role());
        item.put("parts", AttributeValue.fromN(Integer.toString(entry.parts())));
        putIfPresent(item, "updatedAt", entry.updatedAt() == null ? null : entry.updatedAt().toString());
        item.put("muniDate", AttributeValue.fromS(
                indexKey(entry.municipalityId(), entry.date(), indexShard(entry.readerId()))));
        long expiresAt = entry.date().plusDays(RETENTION_DAYS).atStartOfDay(ProgramSchedule.ZONE).toEpochSecond();
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        return item;
    }

    private static LedgerEntry fromItem(Map<String, AttributeValue> item) {
        return new LedgerEntry(
                item.get("municipalityId").s(),
                item.get("readerId").s(),
                item.get("deliveryKey").s(),
                LocalDate.parse(item.get("date").s()),
                DeliveryStatus.valueOf(item.get("status").s()),
                string(item.get("channel")),
                string(item.get("role")),
                Integer.parseInt(item.get("parts").n()),
                item.containsKey("updatedAt") ? Instant.parse(item.get("updatedAt").s()) : null);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String string(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
