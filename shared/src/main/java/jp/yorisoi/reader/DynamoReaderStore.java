package jp.yorisoi.reader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Readers in DynamoDB. The partition key spreads a municipality over 16 shards ("{municipalityId}#{hex digit}",
 * the second character of the hashed readerId) so the fan-out can page through them in parallel; the sparse
 * {@code ActiveReaders} index holds only ACTIVE readers because {@code activeShard} is written only for them, and
 * projects {@code channel} and {@code registeredOn}: all the fan-out reads.
 *
 * <p>Each save writes a random {@code savedBy} of its call. The SDK retries a write whose answer did not arrive
 * (socket time-outs and other transient errors are retried by default: AWS SDK for Java 2.x developer guide,
 * "Configure retry behavior"), so a put the table already applied can be sent again and fail its own version
 * check; a consistent read then finds this call's {@code savedBy} and the save succeeds instead of reporting a
 * concurrent change, after which the caller would apply the same event a second time.
 */
public final class DynamoReaderStore implements ReaderStore {

    static final String ACTIVE_READERS = "ActiveReaders";
    private static final int SEGMENTS = 16;
    private static final int DEFAULT_PAGE_SIZE = 1000;
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final int pageSize;

    public DynamoReaderStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DEFAULT_PAGE_SIZE);
    }

    /** @param pageSize most active readers handed over per page (bounds the fan-out's memory per page) */
    public DynamoReaderStore(DynamoDbClient dynamo, String table, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.pageSize = pageSize;
    }

    @Override
    public Optional<Reader> find(String municipalityId, String readerId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(key(municipalityId, readerId))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * BatchGetItem, consistent like {@link #find}, at most 100 keys per call ("A single operation can retrieve up to
     * 16 MB of data, which can contain as many as 100 items": DynamoDB API Reference, BatchGetItem). Keys the table
     * returns as {@code UnprocessedKeys} (throttling, size) are asked once more and then left to the caller's
     * {@link #find}, which has the SDK's own retries.
     */
    @Override
    public Map<Key, Optional<Reader>> findAll(Collection<Key> keys) {
        Map<Key, Optional<Reader>> found = new HashMap<>();
        List<Key> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            Map<Map<String, AttributeValue>, Key> asked = new HashMap<>();
            distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT))
                    .forEach(k -> asked.put(key(k.municipalityId(), k.readerId()), k));
            for (int call = 0; call < 2 && !asked.isEmpty(); call++) {
                List<Map<String, AttributeValue>> itemKeys = List.copyOf(asked.keySet());
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(itemKeys).consistentRead(true).build())));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    Reader reader = fromItem(item);
                    found.put(new Key(reader.municipalityId(), reader.readerId()), Optional.of(reader));
                }
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
                List<Map<String, AttributeValue>> left = unprocessed == null ? List.of() : unprocessed.keys();
                asked.forEach((itemKey, key) -> {
                    if (!left.contains(itemKey)) {
                        found.putIfAbsent(key, Optional.empty());
                    }
                });
                asked.keySet().retainAll(left);
            }
        }
        return found;
    }

    @Override
    public Reader save(Reader reader) {
        Reader saved = new Reader(reader.municipalityId(), reader.readerId(), reader.channel(), reader.address(),
                reader.role(), reader.language(), reader.status(), reader.children(), reader.conversation(),
                reader.createdAt(), reader.updatedAt(), reader.version() + 1, reader.registeredOn());
        String savedBy = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = toItem(saved);
        item.put("savedBy", AttributeValue.fromS(savedBy));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (reader.version() == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":expected", number(reader.version())));
        }
        try {
            dynamo.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            if (savedBy.equals(storedSavedBy(reader.municipalityId(), reader.readerId()))) {
                // this call's own put, applied before its answer was lost and the client retried it
                return saved;
            }
            throw new ConcurrentChangeException("reader " + reader.readerId() + " of " + reader.municipalityId()
                    + " changed since version " + reader.version());
        }
        return saved;
    }

    private String storedSavedBy(String municipalityId, String readerId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(key(municipalityId, readerId))
                        .projectionExpression("savedBy")
                        .consistentRead(true))
                .item();
        AttributeValue savedBy = item == null ? null : item.get("savedBy");
        return savedBy == null ? null : savedBy.s();
    }

    @Override
    public void delete(String municipalityId, String readerId) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(municipalityId, readerId)));
    }

    @Override
    public int segments() {
        return SEGMENTS;
    }

    @Override
    public void forEachActiveReader(String municipalityId, int segment, Consumer<List<ActiveReader>> page) {
        if (segment < 0 || segment >= SEGMENTS) {
            throw new IllegalArgumentException("segment must be 0 to " + (SEGMENTS - 1) + ": " + segment);
        }
        String shard = municipalityId + "#" + Character.forDigit(segment, SEGMENTS);
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .indexName(ACTIVE_READERS)
                .keyConditionExpression("activeShard = :shard")
                .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard)))
                .projectionExpression("readerId, channel, registeredOn")
                .limit(pageSize)
                .build();
        for (QueryResponse response : dynamo.queryPaginator(query)) {
            List<ActiveReader> readers = response.items().stream()
                    .map(item -> new ActiveReader(item.get("readerId").s(),
                            Channel.valueOf(item.get("channel").s()), date(item.get("registeredOn"))))
                    .toList();
            if (!readers.isEmpty()) {
                page.accept(readers);
            }
        }
    }

    static String partitionKey(String municipalityId, String readerId) {
        return municipalityId + "#" + readerId.charAt(1);
    }

    private static Map<String, AttributeValue> key(String municipalityId, String readerId) {
        return Map.of("pk", AttributeValue.fromS(partitionKey(municipalityId, readerId)),
                "readerId", AttributeValue.fromS(readerId));
    }

    private static Map<String, AttributeValue> toItem(Reader reader) {
        Map<String, AttributeValue> item = new HashMap<>(key(reader.municipalityId(), reader.readerId()));
        item.put("municipalityId", AttributeValue.fromS(reader.municipalityId()));
        item.put("channel", AttributeValue.fromS(reader.channel().name()));
        item.put("address", AttributeValue.fromS(reader.address()));
        putIfPresent(item, "role", reader.role() == null ? null : reader.role().name());
        item.put("language", AttributeValue.fromS(reader.language()));
        item.put("status", AttributeValue.fromS(reader.status().name()));
        if (reader.status().receivesDeliveries()) {
            item.put("activeShard", item.get("pk"));
        }
        item.put("children", AttributeValue.fromL(reader.children().stream()
                .map(child -> AttributeValue.fromM(toMap(child)))
                .toList()));
        Map<String, AttributeValue> conversation = new HashMap<>();
        reader.conversation().forEach((k, v) -> conversation.put(k, AttributeValue.fromS(v)));
        item.put("conversation", AttributeValue.fromM(conversation));
        putIfPresent(item, "createdAt", reader.createdAt());
        putIfPresent(item, "updatedAt", reader.updatedAt());
        putIfPresent(item, "registeredOn", reader.registeredOn());
        item.put("version", number(reader.version()));
        return item;
    }

    private static Map<String, AttributeValue> toMap(Child child) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("childId", AttributeValue.fromS(child.childId()));
        putIfPresent(map, "dueDate", child.dueDate());
        putIfPresent(map, "birthDate", child.birthDate());
        map.put("status", AttributeValue.fromS(child.status().name()));
        putIfPresent(map, "birthAskedOn", child.birthAskedOn());
        putIfPresent(map, "addedOn", child.addedOn());
        return map;
    }

    private static Reader fromItem(Map<String, AttributeValue> item) {
        List<Child> children = new ArrayList<>();
        if (item.containsKey("children")) {
            for (AttributeValue child : item.get("children").l()) {
                Map<String, AttributeValue> m = child.m();
                children.add(new Child(m.get("childId").s(), date(m.get("dueDate")), date(m.get("birthDate")),
                        ChildStatus.valueOf(m.get("status").s()), date(m.get("birthAskedOn")),
                        date(m.get("addedOn"))));
            }
        }
        Map<String, String> conversation = new HashMap<>();
        if (item.containsKey("conversation")) {
            item.get("conversation").m().forEach((k, v) -> conversation.put(k, v.s()));
        }
        return new Reader(
                item.get("municipalityId").s(),
                item.get("readerId").s(),
                Channel.valueOf(item.get("channel").s()),
                item.get("address").s(),
                item.containsKey("role") ? Role.valueOf(item.get("role").s()) : null,
                item.containsKey("language") ? item.get("language").s() : null,
                ReaderStatus.valueOf(item.get("status").s()),
                children,
                conversation,
                instant(item.get("createdAt")),
                instant(item.get("updatedAt")),
                Long.parseLong(item.get("version").n()),
                date(item.get("registeredOn")));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value.toString()));
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static LocalDate date(AttributeValue value) {
        return value == null ? null : LocalDate.parse(value.s());
    }

    private static Instant instant(AttributeValue value) {
        return value == null ? null : Instant.parse(value.s());
    }
}
