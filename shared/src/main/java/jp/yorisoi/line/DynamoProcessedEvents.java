package jp.yorisoi.line;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Webhook events already handled, remembered for a week: LINE redelivers within hours, and DynamoDB's TTL
 * removes the item some time after {@code expiresAt}. An item whose {@code expiresAt} has passed but that TTL
 * has not removed yet counts as forgotten.
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
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of("eventKey", AttributeValue.fromS(eventKey),
                            "expiresAt", AttributeValue.fromN(Long.toString(now + REMEMBERED_FOR.toSeconds()))))
                    .conditionExpression("attribute_not_exists(eventKey) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
            return true;
        } catch (ConditionalCheckFailedException seenBefore) {
            return false;
        }
    }

    @Override
    public void forget(String eventKey) {
        dynamo.deleteItem(r -> r.tableName(table).key(Map.of("eventKey", AttributeValue.fromS(eventKey))));
    }
}
