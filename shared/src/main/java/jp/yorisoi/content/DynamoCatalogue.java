package jp.yorisoi.content;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.yorisoi.schedule.Track;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The content catalogue in DynamoDB: every text is one GetItem away ("{set}#DAILY#{TRACK}#{language}" + day,
 * "{set}#BIRTHDAY#{language}" + years), and a town's calendar messages for a date are one Query on the "{date}#"
 * prefix.
 *
 * <p>An import writes the owner's texts as a new set ("{owner}@{version}") beside the active one, then makes it
 * active by one conditional write of the owner's pointer item ("{owner}#SET"): readers see the old set or the new
 * one, never a mix. The old set is not deleted at once, because the senders keep the pointer and the texts for
 * {@link CachedCatalogue#CACHE_FOR}; its items get an {@code expiresAt} {@link #RETIRED_FOR} ahead, and DynamoDB's
 * TTL deletes them after that (typically within two days of it; until then they can still be read, but nothing
 * reads a set that is no longer active once those caches have let go of it). A calendar row of a set carries the
 * set's version ({@code contentVersion}); rows without one were created one by one and stay through imports.
 */
public final class DynamoCatalogue implements Catalogue, ContentSets {

    /** How long a replaced set stays readable: well past every container's cached pointer. */
    static final Duration RETIRED_FOR = Duration.ofHours(1);
    private static final int BATCH_SIZE = 25;
    private static final int MAX_BATCH_ATTEMPTS = 8;
    private static final String SET_SEPARATOR = "@";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCatalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public String activeSet(String owner) {
        if (owner.contains(SET_SEPARATOR)) {
            return owner;
        }
        return pointer(owner).map(p -> setOf(owner, p.version())).orElse(owner);
    }

    @Override
    public Optional<String> daily(String owner, Track track, int day, String language) {
        return text(dailyKey(owner, track, language), number(day));
    }

    @Override
    public Optional<String> birthday(String municipalityId, int years, String language) {
        return text(birthdayKey(municipalityId, language), number(years));
    }

    @Override
    public List<CalendarMessage> calendar(String municipalityId, LocalDate date) {
        String town = ownerOf(municipalityId);
        String version = versionOf(municipalityId);
        List<CalendarMessage> messages = new ArrayList<>();
        calendarItems(town, "begins_with(sk, :from)", date + "#", item -> {
            if (inSet(item, version)) {
                messages.add(calendarMessage(town, item));
            }
        });
        return messages;
    }

    @Override
    public void importAll(Collection<ContentEntry> entries) {
        writeAll(entries.stream().map(DynamoCatalogue::item).toList());
    }

    @Override
    public void saveCalendar(CalendarMessage message) {
        dynamo.putItem(r -> r.tableName(table).item(calendarItem(message)));
    }

    @Override
    public Replaced replace(String owner, ContentImport content, Instant now) {
        if (owner.contains(SET_SEPARATOR) || owner.contains("#")) {
            throw new IllegalArgumentException("not an owner: " + owner);
        }
        Optional<Pointer> current = pointer(owner);
        String version = "v" + Long.toString(now.toEpochMilli(), 36) + "-" + HexFormat.of().toHexDigits((short) RANDOM.nextInt());
        String set = setOf(owner, version);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Set<String> partitions = new LinkedHashSet<>();
        for (ContentEntry entry : content.entries()) {
            Map<String, AttributeValue> item = item(new ContentEntry(set, entry.kind(), entry.track(), entry.day(),
                    entry.language(), entry.text()));
            items.add(item);
            partitions.add(item.get("pk").s());
        }
        for (CalendarMessage message : content.calendar()) {
            items.add(calendarItem(new CalendarMessage(set, message.messageId(), message.date(), message.audience(),
                    message.texts())));
            partitions.add(calendarKey(owner));
        }
        writeAll(items);
        Pointer next = new Pointer(version, List.copyOf(partitions));
        PutItemRequest.Builder sw = PutItemRequest.builder().tableName(table)
                .item(next.item(owner, content.entries().size(), content.calendar().size(), now));
        if (current.isPresent()) {
            sw.conditionExpression("version = :current")
                    .expressionAttributeValues(Map.of(":current", AttributeValue.fromS(current.get().version())));
        } else {
            sw.conditionExpression("attribute_not_exists(pk)");
        }
        try {
            // the switch: only if the set this import replaces is still the active one
            dynamo.putItem(sw.build());
        } catch (ConditionalCheckFailedException e) {
            retire(owner, next, now);
            throw new ConcurrentImportException(owner);
        }
        current.ifPresent(old -> retire(owner, old, now));
        return new Replaced(owner, version, content.entries().size(), content.calendar().size());
    }

    @Override
    public List<ContentEntry> entries(String owner) {
        Optional<Pointer> active = pointer(owner);
        if (active.isEmpty()) {
            return List.of();
        }
        String set = setOf(owner, active.get().version());
        List<ContentEntry> entries = new ArrayList<>();
        for (String partition : active.get().partitions()) {
            if (partition.equals(calendarKey(owner))) {
                continue;
            }
            query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))).build(),
                    item -> entries.add(entry(owner, set, item)));
        }
        return entries;
    }

    @Override
    public List<StoredCalendarMessage> calendarMessages(String municipalityId, LocalDate from) {
        String version = versionOf(activeSet(municipalityId));
        List<StoredCalendarMessage> messages = new ArrayList<>();
        calendarItems(municipalityId, "sk >= :from", from.toString(), item -> {
            if (inSet(item, version)) {
                messages.add(new StoredCalendarMessage(calendarMessage(municipalityId, item),
                        item.containsKey("contentVersion")));
            }
        });
        return messages;
    }

    @Override
    public void createCalendarMessage(CalendarMessage message) {
        if (message.municipalityId().contains(SET_SEPARATOR)) {
            throw new IllegalArgumentException("a calendar message created one by one belongs to no imported set");
        }
        dynamo.putItem(r -> r.tableName(table).item(calendarItem(message))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<CalendarMessage> calendarMessage(String municipalityId, String messageId) {
        return CalendarMessage.dateOfCreatedId(messageId).flatMap(date -> {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(calendarItemKey(municipalityId, date, messageId))).item();
            return item == null || item.isEmpty() || item.containsKey("contentVersion")
                    ? Optional.empty()
                    : Optional.of(calendarMessage(municipalityId, item));
        });
    }

    @Override
    public boolean deleteCalendarMessage(String municipalityId, String messageId) {
        Optional<LocalDate> date = CalendarMessage.dateOfCreatedId(messageId);
        if (date.isEmpty()) {
            return false;
        }
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(calendarItemKey(municipalityId, date.get(), messageId))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(contentVersion)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Gives every item of a set that is no longer active its expiry; items that have one already are left alone. */
    private void retire(String owner, Pointer set, Instant now) {
        AttributeValue expiresAt = AttributeValue.fromN(Long.toString(now.plus(RETIRED_FOR).getEpochSecond()));
        List<Map<String, AttributeValue>> retired = new ArrayList<>();
        Consumer<Map<String, AttributeValue>> expire = item -> {
            Map<String, AttributeValue> copy = new HashMap<>(item);
            copy.put("expiresAt", expiresAt);
            retired.add(copy);
        };
        for (String partition : set.partitions()) {
            boolean calendar = partition.equals(calendarKey(owner));
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pk", AttributeValue.fromS(partition));
            if (calendar) {
                values.put(":version", AttributeValue.fromS(set.version()));
            }
            query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                    .filterExpression(calendar ? "contentVersion = :version AND attribute_not_exists(expiresAt)"
                            : "attribute_not_exists(expiresAt)")
                    .expressionAttributeValues(values).build(), expire);
        }
        writeAll(retired);
    }

    private Optional<Pointer> pointer(String owner) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(owner + "#SET"), "sk", AttributeValue.fromS("active")))).item();
        if (item == null || !item.containsKey("version")) {
            return Optional.empty();
        }
        return Optional.of(new Pointer(item.get("version").s(),
                item.containsKey("partitions") ? item.get("partitions").l().stream().map(AttributeValue::s).toList()
                        : List.of()));
    }

    /** The owner's active set: its version and the partitions its items are in. */
    private record Pointer(String version, List<String> partitions) {

        Map<String, AttributeValue> item(String owner, int texts, int calendarMessages, Instant now) {
            return Map.of("pk", AttributeValue.fromS(owner + "#SET"),
                    "sk", AttributeValue.fromS("active"),
                    "version", AttributeValue.fromS(version),
                    "partitions", AttributeValue.fromL(partitions.stream().map(AttributeValue::fromS).toList()),
                    "texts", AttributeValue.fromN(Integer.toString(texts)),
                    "calendarMessages", AttributeValue.fromN(Integer.toString(calendarMessages)),
                    "switchedAt", AttributeValue.fromS(now.toString()));
        }
    }

    private void calendarItems(String town, String skCondition, String from,
            Consumer<Map<String, AttributeValue>> each) {
        query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND " + skCondition)
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(calendarKey(town)),
                        ":from", AttributeValue.fromS(from)))
                .build(), each);
    }

    private void query(QueryRequest request, Consumer<Map<String, AttributeValue>> each) {
        dynamo.queryPaginator(request).items().forEach(each);
    }

    /** A calendar row belongs to the set of {@code version} (null: no imported set) or was created one by one. */
    private static boolean inSet(Map<String, AttributeValue> item, String version) {
        AttributeValue rowVersion = item.get("contentVersion");
        return rowVersion == null || rowVersion.s().equals(version);
    }

    private void writeAll(List<Map<String, AttributeValue>> items) {
        // one batch must not hold the same key twice, so a repeated entry keeps its last text
        Map<String, Map<String, AttributeValue>> unique = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : items) {
            unique.put(item.get("pk").s() + "\n" + item.get("sk").s(), item);
        }
        List<WriteRequest> writes = unique.values().stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList();
        for (int from = 0; from < writes.size(); from += BATCH_SIZE) {
            writeBatch(writes.subList(from, Math.min(from + BATCH_SIZE, writes.size())));
        }
    }

    /** Writes one batch, retrying what DynamoDB left unprocessed (throttling) with a growing pause. */
    private void writeBatch(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_BATCH_ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " content items still unprocessed after "
                        + MAX_BATCH_ATTEMPTS + " attempts; running the import again completes it");
            }
            if (attempt > 1) {
                pause(attempt);
            }
            List<WriteRequest> requests = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, requests)));
            pending = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(table, List.of())
                    : List.of();
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50L << attempt, 2_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("content import interrupted", e);
        }
    }

    private Optional<String> text(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
                .item();
        return item == null || !item.containsKey("text") ? Optional.empty() : Optional.of(item.get("text").s());
    }

    private static Map<String, AttributeValue> item(ContentEntry entry) {
        String pk = switch (entry.kind()) {
            case DAILY -> dailyKey(entry.owner(), entry.track(), entry.language());
            case BIRTHDAY -> birthdayKey(entry.owner(), entry.language());
        };
        return Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS(number(entry.day())),
                "text", AttributeValue.fromS(entry.text()));
    }

    /** A text item of {@code set} back as an entry of {@code owner}. */
    private static ContentEntry entry(String owner, String set, Map<String, AttributeValue> item) {
        String[] key = item.get("pk").s().substring(set.length() + 1).split("#");
        int day = Integer.parseInt(item.get("sk").s());
        String text = item.get("text").s();
        return ContentKind.valueOf(key[0]) == ContentKind.DAILY
                ? new ContentEntry(owner, ContentKind.DAILY, Track.valueOf(key[1]), day, key[2], text)
                : new ContentEntry(owner, ContentKind.BIRTHDAY, null, day, key[1], text);
    }

    private static Map<String, AttributeValue> calendarItem(CalendarMessage message) {
        String town = ownerOf(message.municipalityId());
        String version = versionOf(message.municipalityId());
        Map<String, AttributeValue> item = new HashMap<>(calendarItemKey(town, message.date(), message.messageId()));
        if (version != null) {
            item.put("contentVersion", AttributeValue.fromS(version));
        }
        Audience audience = message.audience();
        if (audience.track() != null) {
            item.put("audienceTrack", AttributeValue.fromS(audience.track().name()));
        }
        if (audience.fromDay() != null) {
            item.put("fromDay", AttributeValue.fromN(audience.fromDay().toString()));
        }
        if (audience.toDay() != null) {
            item.put("toDay", AttributeValue.fromN(audience.toDay().toString()));
        }
        if (audience.unit() != Audience.Unit.DAYS) {
            item.put("audienceUnit", AttributeValue.fromS(audience.unit().name()));
        }
        Map<String, AttributeValue> texts = new HashMap<>();
        message.texts().forEach((language, text) -> texts.put(language, AttributeValue.fromS(text)));
        item.put("texts", AttributeValue.fromM(texts));
        return item;
    }

    private static Map<String, AttributeValue> calendarItemKey(String town, LocalDate date, String messageId) {
        return Map.of("pk", AttributeValue.fromS(calendarKey(town)),
                "sk", AttributeValue.fromS(date + "#" + messageId));
    }

    private static CalendarMessage calendarMessage(String municipalityId, Map<String, AttributeValue> item) {
        String sk = item.get("sk").s();
        int hash = sk.indexOf('#');
        Audience audience = new Audience(
                item.containsKey("audienceTrack") ? Track.valueOf(item.get("audienceTrack").s()) : null,
                item.containsKey("fromDay") ? Integer.valueOf(item.get("fromDay").n()) : null,
                item.containsKey("toDay") ? Integer.valueOf(item.get("toDay").n()) : null,
                item.containsKey("audienceUnit") ? Audience.Unit.valueOf(item.get("audienceUnit").s())
                        : Audience.Unit.DAYS);
        Map<String, String> texts = new HashMap<>();
        item.get("texts").m().forEach((language, text) -> texts.put(language, text.s()));
        return new CalendarMessage(municipalityId, sk.substring(hash + 1), LocalDate.parse(sk.substring(0, hash)),
                audience, texts);
    }

    private static String setOf(String owner, String version) {
        return owner + SET_SEPARATOR + version;
    }

    /** The owner of a set ("demo" of "demo@v…"), or the owner itself. */
    private static String ownerOf(String set) {
        int at = set.indexOf(SET_SEPARATOR);
        return at < 0 ? set : set.substring(0, at);
    }

    /** The version of a set, or null for an owner without sets. */
    private static String versionOf(String set) {
        int at = set.indexOf(SET_SEPARATOR);
        return at < 0 ? null : set.substring(at + 1);
    }

    private static String dailyKey(String owner, Track track, String language) {
        return owner + "#DAILY#" + track.name() + "#" + language;
    }

    private static String birthdayKey(String municipalityId, String language) {
        return municipalityId + "#BIRTHDAY#" + language;
    }

    private static String calendarKey(String municipalityId) {
        return municipalityId + "#CALENDAR";
    }

    /** Zero-padded so keys sort like the numbers they hold. */
    private static String number(int value) {
        return String.format("%04d", value);
    }
}
