package jp.yorisoi.line;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Webhook events already handled, remembered for a week: LINE redelivers within hours, and DynamoDB's TTL
 * removes the item some time after {@code expiresAt}. An item whose {@code expiresAt} has passed but that TTL
 * has not removed yet counts as forgotten.
 *
 * <p>Each mark carries a random {@code markedBy} of its call. The SDK retries a write whose answer did not arrive
 * (socket time-outs and other transient errors are retried by default: AWS SDK for Java 2.x developer guide,
 * "Configure retry behavior"), so a put the table already applied can be sent again and fail its own condition;
 * a consistent read then finds this call's {@code markedBy} and the mark counts as this call's, not as a
 * redelivery.
 */
public final class DynamoProcessedEvents implements ProcessedEvents {

    static final Duration REMEMBERED_FOR = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoProcessedEvents(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoProcessedEvents(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean markProcessed(String eventKey) {
        long now = clock.instant().getEpochSecond();
        String markedBy = UUID.randomUUID().toString();
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of("eventKey", AttributeValue.fromS(eventKey),
                            "expiresAt", AttributeValue.fromN(Long.toString(now + REMEMBERED_FOR.toSeconds())),
                            "markedBy", AttributeValue.fromS(markedBy)))
                    .conditionExpression("attribute_not_exists(eventKey) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
            return true;
        } catch (ConditionalCheckFailedException seenBefore) {
            Map<String, AttributeValue> current = dynamo.getItem(r -> r.tableName(table)
                    .key(Map.of("eventKey", AttributeValue.fromS(eventKey)))
                    .consistentRead(true)).item();
            // this call's own put, applied before its answer was lost and the client retried it
            AttributeValue stored = current == null ? null : current.get("markedBy");
            return stored != null && markedBy.equals(stored.s());
        }
    }

    @Override
    public void forget(String eventKey) {
        dynamo.deleteItem(r -> r.tableName(table).key(Map.of("eventKey", AttributeValue.fromS(eventKey))));
    }
}
