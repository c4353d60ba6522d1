package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import jp.yorisoi.schedule.ProgramSchedule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The fan-out's progress in the ledger table, beside the deliveries it leads to: one item per completed
 * (town, day, segment), pk {@code {municipalityId}#fanout} (no readerId starts with a lowercase letter, so it
 * never meets a reader's pk), sort key {@code {date}#{segment}}. The items carry no {@code muniDate} and so stay
 * out of the ByMunicipalityDate index.
 */
public final class DynamoFanOutProgress implements FanOutProgress {

    /**
     * Records are needed for an hour's retries and the next hour's reconciliation; a month more leaves room to
     * look into a complaint about a day.
     */
    static final long RETENTION_DAYS = 35;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFanOutProgress(DynamoDbClient dynamo, String ledgerTable) {
        this.dynamo = dynamo;
        this.table = ledgerTable;
    }

    @Override
    public Map<Integer, Integer> completedSegments(String municipalityId, LocalDate date) {
        Map<Integer, Integer> completed = new TreeMap<>();
        dynamo.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(deliveryKey, :day)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(pk(municipalityId)),
                                ":day", AttributeValue.fromS(date + "#")))
                        .consistentRead(true))
                .items()
                .forEach(item -> completed.put(Integer.parseInt(item.get("segment").n()),
                        Integer.parseInt(item.get("enqueued").n())));
        return completed;
    }

    /**
     * A conditional put: when the segment is recorded already (by a concurrent run, or by this very write retried
     * by the SDK after a lost answer) the first record stands and the call succeeds either way.
     */
    @Override
    public void recordCompleted(String municipalityId, LocalDate date, int segment, int enqueued) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk(municipalityId)));
        item.put("deliveryKey", AttributeValue.fromS(date + "#" + segment));
        item.put("municipalityId", AttributeValue.fromS(municipalityId));
        item.put("date", AttributeValue.fromS(date.toString()));
        item.put("segment", AttributeValue.fromN(Integer.toString(segment)));
        item.put("enqueued", AttributeValue.fromN(Integer.toString(enqueued)));
        long expiresAt = date.plusDays(RETENTION_DAYS).atStartOfDay(ProgramSchedule.ZONE).toEpochSecond();
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException recordedBefore) {
            // the segment is done whichever write recorded it
        }
    }

    private static String pk(String municipalityId) {
        return municipalityId + "#fanout";
    }
}
