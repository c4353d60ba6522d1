package jp.yorisoi.municipality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Municipalities in DynamoDB, one item per town keyed by {@code municipalityId}. */
public final class DynamoMunicipalityStore implements MunicipalityStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoMunicipalityStore.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int defaultDeliveryHour;

    public DynamoMunicipalityStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Municipality.DEFAULT_DELIVERY_HOUR);
    }

    /** {@code defaultDeliveryHour} serves towns whose record names no hour of their own (template parameter). */
    public DynamoMunicipalityStore(DynamoDbClient dynamo, String table, int defaultDeliveryHour) {
        this.dynamo = dynamo;
        this.table = table;
        this.defaultDeliveryHour = defaultDeliveryHour;
    }

    @Override
    public Optional<Municipality> find(String municipalityId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Map.of("municipalityId", AttributeValue.fromS(municipalityId))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * A Scan is fine here: the table holds one item per town, a few thousand at most. The log names only the
     * town and the kind of fault: the record is the operators' to fix.
     */
    @Override
    public List<Municipality> listActive(Consumer<String> unreadable) {
        List<Municipality> active = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder()
                        .tableName(table)
                        .filterExpression("active = :yes")
                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true)))
                        .build())
                .items()
                .forEach(item -> {
                    try {
                        active.add(fromItem(item));
                    } catch (RuntimeException e) {
                        String municipalityId = item.get("municipalityId").s();
                        LOG.error("municipality {} has an unreadable record ({}): left out", municipalityId,
                                e.getClass().getSimpleName());
                        unreadable.accept(municipalityId);
                    }
                });
        return active;
    }

    /** Every town, active or not, by id: the operators' list (a Scan over one small item per town). */
    public List<Municipality> listAll() {
        List<Municipality> all = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items()
                .forEach(item -> all.add(fromItem(item)));
        all.sort(Comparator.comparing(Municipality::municipalityId));
        return all;
    }

    /** Saves a new town; false, writing nothing, when a town of that id exists already. */
    public boolean create(Municipality municipality) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(municipality))
                    .conditionExpression("attribute_not_exists(municipalityId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void save(Municipality municipality) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(municipality)));
    }

    private static Map<String, AttributeValue> toItem(Municipality municipality) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("municipalityId", AttributeValue.fromS(municipality.municipalityId()));
        item.put("name", AttributeValue.fromS(municipality.name()));
        putIfPresent(item, "signature", municipality.signature());
        putIfPresent(item, "consultation", municipality.consultation());
        item.put("plan", AttributeValue.fromS(municipality.plan().name()));
        item.put("endBirthday", AttributeValue.fromN(Integer.toString(municipality.endBirthday())));
        item.put("deliveryHour", AttributeValue.fromN(Integer.toString(municipality.deliveryHour())));
        item.put("languages", AttributeValue.fromL(municipality.languages().stream()
                .map(AttributeValue::fromS)
                .toList()));
        putIfPresent(item, "senderEmail", municipality.senderEmail());
        item.put("active", AttributeValue.fromBool(municipality.active()));
        return item;
    }

    private Municipality fromItem(Map<String, AttributeValue> item) {
        return new Municipality(
                item.get("municipalityId").s(),
                item.get("name").s(),
                string(item.get("signature")),
                string(item.get("consultation")),
                Plan.valueOf(item.get("plan").s()),
                Integer.parseInt(item.get("endBirthday").n()),
                item.containsKey("deliveryHour") ? Integer.parseInt(item.get("deliveryHour").n()) : defaultDeliveryHour,
                item.containsKey("languages")
                        ? item.get("languages").l().stream().map(AttributeValue::s).toList()
                        : List.of(),
                string(item.get("senderEmail")),
                Boolean.TRUE.equals(item.get("active") == null ? null : item.get("active").bool()));
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
