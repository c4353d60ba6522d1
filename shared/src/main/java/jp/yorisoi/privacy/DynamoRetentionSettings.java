package jp.yorisoi.privacy;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The retention periods on the town's item of the municipalities table: optional numbers
 * {@code retentionUnfinishedDays}, {@code retentionCutOffDays}, {@code retentionAfterProgramDays}; a missing one is
 * the default ({@link RetentionPolicy#DEFAULT}). A value outside the allowed range fails the town's run, not the
 * others', and is named in the log.
 */
public final class DynamoRetentionSettings implements RetentionSettings {

    static final String UNFINISHED = "retentionUnfinishedDays";
    static final String CUT_OFF = "retentionCutOffDays";
    static final String AFTER_PROGRAM = "retentionAfterProgramDays";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRetentionSettings(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public RetentionPolicy policyFor(String municipalityId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("municipalityId", AttributeValue.fromS(municipalityId)))
                .projectionExpression("#u, #c, #a")
                .expressionAttributeNames(Map.of("#u", UNFINISHED, "#c", CUT_OFF, "#a", AFTER_PROGRAM))).item();
        RetentionPolicy defaults = RetentionPolicy.DEFAULT;
        return new RetentionPolicy(days(item, UNFINISHED, defaults.unfinishedDays()),
                days(item, CUT_OFF, defaults.cutOffDays()), days(item, AFTER_PROGRAM, defaults.afterProgramDays()));
    }

    private static int days(Map<String, AttributeValue> item, String name, int fallback) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || value.n() == null ? fallback : Integer.parseInt(value.n());
    }
}
