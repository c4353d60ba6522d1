package jp.yorisoi.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counters in the counters table (key {@code counterKey}, TTL attribute {@code expiresAt}), one item per key and
 * window, each added to by one atomic UpdateItem ADD, so concurrent functions count together. The window is part
 * of the item's key: DynamoDB deletes expired items only some time after their TTL ("typically within a few days",
 * DynamoDB Developer Guide, "Time to Live"), so an expired count must never be read as the current one. An ADD the
 * SDK retries after a lost answer may count one twice, which only makes a limit a little stricter.
 */
public final class DynamoCounters implements Counters {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public long increment(String key, Duration window, Instant now) {
        long seconds = window.toSeconds();
        long bucket = now.getEpochSecond() / seconds;
        long expiresAt = (bucket + 2) * seconds;
        Map<String, AttributeValue> attributes = dynamo.updateItem(update -> update
                .tableName(table)
                .key(Map.of("counterKey", AttributeValue.fromS(key + "#" + seconds + "#" + bucket)))
                .updateExpression("ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)")
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":expiresAt", AttributeValue.fromN(Long.toString(expiresAt))))
                .returnValues(ReturnValue.UPDATED_NEW))
                .attributes();
        return Long.parseLong(attributes.get("hits").n());
    }
}
