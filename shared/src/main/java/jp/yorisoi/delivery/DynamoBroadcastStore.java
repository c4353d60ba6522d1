package jp.yorisoi.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.schedule.ProgramSchedule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Broadcasts in the ledger table, beside the deliveries they lead to. A broadcast is one item, pk
 * {@code {municipalityId}#broadcast}, sort key its id, carrying its texts and the progress counters the ledger adds
 * to ({@code sent}, {@code skipped}, {@code failed}); each chunk is one item, pk
 * {@code {municipalityId}#broadcast#{broadcastId}}, sort key {@code chunk#{n}}, with the chunk's reader ids (at most
 * ~500 ids of 33 characters: ~17 KB of DynamoDB's 400 KB per item). Neither carries {@code muniDate}, so the
 * ByMunicipalityDate index never sees them; no reader's pk can be one of these (reader ids start with L or M).
 * Both expire with the ledger entries of their day.
 */
public final class DynamoBroadcastStore implements BroadcastStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBroadcastStore(DynamoDbClient dynamo, String ledgerTable) {
        this.dynamo = dynamo;
        this.table = ledgerTable;
    }

    /** The key of a broadcast's item: the ledger adds the senders' outcomes to its counters. */
    static Map<String, AttributeValue> recordKey(String municipalityId, String broadcastId) {
        return Map.of("pk", AttributeValue.fromS(municipalityId + "#broadcast"),
                "deliveryKey", AttributeValue.fromS(broadcastId));
    }

    private static Map<String, AttributeValue> chunkKey(String municipalityId, String broadcastId, int number) {
        return Map.of("pk", AttributeValue.fromS(municipalityId + "#broadcast#" + broadcastId),
                "deliveryKey", AttributeValue.fromS("chunk#" + number));
    }

    @Override
    public boolean create(Broadcast broadcast) {
        Map<String, AttributeValue> item = new HashMap<>(recordKey(broadcast.municipalityId(), broadcast.broadcastId()));
        item.put("municipalityId", AttributeValue.fromS(broadcast.municipalityId()));
        item.put("broadcastId", AttributeValue.fromS(broadcast.broadcastId()));
        Map<String, AttributeValue> texts = new HashMap<>();
        broadcast.texts().forEach((language, text) -> texts.put(language, AttributeValue.fromS(text)));
        item.put("texts", AttributeValue.fromM(texts));
        item.put("date", AttributeValue.fromS(broadcast.date().toString()));
        item.put("createdAt", AttributeValue.fromS(broadcast.createdAt().toString()));
        item.put("createdBy", AttributeValue.fromS(broadcast.createdBy()));
        item.put("readers", number(broadcast.readers()));
        item.put("chunks", number(broadcast.chunks()));
        item.put("sent", number(0));
        item.put("skipped", number(0));
        item.put("failed", number(0));
        item.put("expiresAt", expiresAt(broadcast.date()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Broadcast> find(String municipalityId, String broadcastId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(recordKey(municipalityId, broadcastId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> texts = new HashMap<>();
        item.get("texts").m().forEach((language, text) -> texts.put(language, text.s()));
        return Optional.of(new Broadcast(municipalityId, broadcastId, texts, LocalDate.parse(item.get("date").s()),
                Instant.parse(item.get("createdAt").s()), item.get("createdBy").s(), integer(item, "readers"),
                integer(item, "chunks"), new Broadcast.Progress(integer(item, "sent"), integer(item, "skipped"),
                        integer(item, "failed"))));
    }

    @Override
    public Chunk saveChunk(Broadcast broadcast, Chunk chunk) {
        String municipalityId = broadcast.municipalityId();
        Map<String, AttributeValue> item = new HashMap<>(chunkKey(municipalityId, broadcast.broadcastId(),
                chunk.number()));
        item.put("line", ids(chunk.lineReaders()));
        item.put("mail", ids(chunk.mailReaders()));
        item.put("expiresAt", expiresAt(broadcast.date()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return chunk;
        } catch (ConditionalCheckFailedException storedBefore) {
            return chunk(municipalityId, broadcast.broadcastId(), chunk.number()).orElseThrow();
        }
    }

    @Override
    public Optional<Chunk> chunk(String municipalityId, String broadcastId, int number) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(chunkKey(municipalityId, broadcastId, number)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Chunk(number, strings(item.get("line")), strings(item.get("mail"))));
    }

    @Override
    public void setReaders(String municipalityId, String broadcastId, int readers) {
        dynamo.updateItem(r -> r.tableName(table).key(recordKey(municipalityId, broadcastId))
                .updateExpression("SET readers = :readers")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":readers", number(readers))));
    }

    private static AttributeValue expiresAt(LocalDate date) {
        return AttributeValue.fromN(Long.toString(
                date.plusDays(DynamoLedger.RETENTION_DAYS).atStartOfDay(ProgramSchedule.ZONE).toEpochSecond()));
    }

    /** A list, not a string set: a set may not be empty, and a chunk may hold no reader of a channel. */
    private static AttributeValue ids(List<String> ids) {
        return AttributeValue.fromL(ids.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(AttributeValue list) {
        return list == null ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }

    private static AttributeValue number(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    private static int integer(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }
}
