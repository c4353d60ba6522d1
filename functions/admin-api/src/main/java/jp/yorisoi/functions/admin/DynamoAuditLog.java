package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit log in its DynamoDB table (template.yaml AuditTable): pk the town ({@value #NO_TOWN} for a change outside
 * any town), sk "{instant}#{id}" with a fixed-width instant so that the sort key orders by time; every record also
 * carries feed = {@value #FEED}, the key of the AllTowns index, so operators read all towns newest first without a
 * scan. Records are only ever added.
 */
public final class DynamoAuditLog implements AuditLog, AuditTrail {

    static final String NO_TOWN = "#none";
    static final String FEED = "all";
    static final String ALL_TOWNS_INDEX = "AllTowns";

    /** Fixed width, so that string order is time order (Instant.toString drops trailing zero fractions). */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoAuditLog(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void record(Caller who, String municipalityId, String action, Map<String, Object> details) {
        Instant at = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(municipalityId == null ? NO_TOWN : municipalityId));
        item.put("sk", s(SORTABLE.format(at) + "#" + UUID.randomUUID()));
        item.put("feed", s(FEED));
        item.put("at", s(at.toString()));
        item.put("subject", s(who.subject()));
        item.put("action", s(action));
        try {
            item.put("details", s(JSON.writeValueAsString(details == null ? Map.of() : details)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Page page(Optional<String> municipalityId, int limit, Optional<String> after) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).limit(limit).scanIndexForward(false);
        if (municipalityId.isPresent()) {
            query.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(municipalityId.get())));
        } else {
            query.indexName(ALL_TOWNS_INDEX).keyConditionExpression("feed = :feed")
                    .expressionAttributeValues(Map.of(":feed", s(FEED)));
        }
        after.map(cursor -> startKey(cursor, municipalityId)).ifPresent(query::exclusiveStartKey);
        QueryResponse response = dynamo.query(query.build());
        List<AuditRecord> records = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            records.add(toRecord(item));
        }
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(cursor(response.lastEvaluatedKey())) : Optional.empty();
        return new Page(records, next);
    }

    private static AuditRecord toRecord(Map<String, AttributeValue> item) {
        String town = item.get("pk").s();
        Map<String, Object> details;
        try {
            details = JSON.readValue(item.get("details").s(), DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record's details are not JSON", e);
        }
        return new AuditRecord(Instant.parse(item.get("at").s()), item.get("subject").s(),
                NO_TOWN.equals(town) ? null : town, item.get("action").s(), details);
    }

    /** The last key as "pk\nsk", base64url: opaque to callers, and enough for both the table and the index. */
    private static String cursor(Map<String, AttributeValue> lastKey) {
        String text = lastKey.get("pk").s() + "\n" + lastKey.get("sk").s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A town's page continues within that town whatever town the cursor names: a cursor opens nothing else. */
    private static Map<String, AttributeValue> startKey(String cursor, Optional<String> municipalityId) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor of this list", e);
        }
        String[] parts = text.split("\n", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("not a cursor of this list");
        }
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(municipalityId.orElse(parts[0])));
        key.put("sk", s(parts[1]));
        if (municipalityId.isEmpty()) {
            key.put("feed", s(FEED));
        }
        return key;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
