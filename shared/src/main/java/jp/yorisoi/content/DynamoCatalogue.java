package jp.yorisoi.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.schedule.Track;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The content catalogue in DynamoDB: every text is one GetItem away ("{owner}#DAILY#{TRACK}#{language}" + day,
 * "{municipalityId}#BIRTHDAY#{language}" + years), and a town's calendar messages for a date are one Query on
 * the "{date}#" prefix.
 */
public final class DynamoCatalogue implements Catalogue {

    private static final int BATCH_SIZE = 25;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCatalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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
        List<CalendarMessage> messages = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :date)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(calendarKey(municipalityId)),
                                ":date", AttributeValue.fromS(date + "#")))
                        .build())
                .items()
                .forEach(item -> messages.add(calendarMessage(municipalityId, date, item)));
        return messages;
    }

    @Override
    public void importAll(Collection<ContentEntry> entries) {
        // one batch must not hold the same key twice, so a repeated entry keeps its last text
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        for (ContentEntry entry : entries) {
            Map<String, AttributeValue> item = item(entry);
            items.put(item.get("pk").s() + "\n" + item.get("sk").s(), item);
        }
        List<WriteRequest> writes = items.values().stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList();
        for (int from = 0; from < writes.size(); from += BATCH_SIZE) {
            writeBatch(writes.subList(from, Math.min(from + BATCH_SIZE, writes.size())));
        }
    }

    @Override
    public void saveCalendar(CalendarMessage message) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(calendarKey(message.municipalityId())));
        item.put("sk", AttributeValue.fromS(message.date() + "#" + message.messageId()));
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
        Map<String, AttributeValue> texts = new HashMap<>();
        message.texts().forEach((language, text) -> texts.put(language, AttributeValue.fromS(text)));
        item.put("texts", AttributeValue.fromM(texts));
        dynamo.putItem(r -> r.tableName(table).item(item));
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

    private static CalendarMessage calendarMessage(String municipalityId, LocalDate date,
            Map<String, AttributeValue> item) {
        String sk = item.get("sk").s();
        Audience audience = new Audience(
                item.containsKey("audienceTrack") ? Track.valueOf(item.get("audienceTrack").s()) : null,
                item.containsKey("fromDay") ? Integer.valueOf(item.get("fromDay").n()) : null,
                item.containsKey("toDay") ? Integer.valueOf(item.get("toDay").n()) : null);
        Map<String, String> texts = new HashMap<>();
        item.get("texts").m().forEach((language, text) -> texts.put(language, text.s()));
        return new CalendarMessage(municipalityId, sk.substring(sk.indexOf('#') + 1), date, audience, texts);
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
