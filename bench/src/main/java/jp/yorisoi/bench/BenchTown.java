package jp.yorisoi.bench;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.yorisoi.content.ContentEntry;
import jp.yorisoi.content.ContentImport;
import jp.yorisoi.content.ContentKind;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.content.SampleContent;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.Track;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Loads the benchmark's towns into DynamoDB Local: 30 active towns (fewer in the smoke run) delivering at 08:00, the sample texts, and
 * active LINE readers spread round-robin over the towns, each with one child on a day that has a text. Readers
 * go in with BatchWriteItem (25 items per call, several calls at once) — the loader is not the product, it only
 * has to be fast — but each item is the one {@link DynamoReaderStore} writes, so the fan-out and the senders read
 * them as they read registered readers.
 */
public final class BenchTown {

    /** The delivery day of every benchmark. */
    public static final LocalDate DAY = LocalDate.parse("2026-11-22");
    public static final int TOWNS = 30;
    public static final int DELIVERY_HOUR = 8;
    private static final int LOAD_THREADS = 8;
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final int towns;
    private final String readersTable;
    private final List<Integer> pregnancyDays;
    private final List<Integer> childDays;

    private BenchTown(DynamoDbClient dynamo, int towns, String readersTable, ContentImport base) {
        this.dynamo = dynamo;
        this.towns = towns;
        this.readersTable = readersTable;
        this.pregnancyDays = days(base, Track.PREGNANCY);
        this.childDays = days(base, Track.CHILD);
    }

    /** Saves {@code towns} towns and the sample base texts; readers come with {@link #addReaders}. */
    public static BenchTown create(DynamoDbClient dynamo, int towns, String municipalitiesTable, String contentTable,
            String readersTable) {
        DynamoMunicipalityStore store = new DynamoMunicipalityStore(dynamo, municipalitiesTable);
        for (int t = 0; t < towns; t++) {
            store.save(new Municipality(townId(t), "町" + t, "町" + t + "より", "町" + t + "こども家庭課", Plan.FULL, 3,
                    DELIVERY_HOUR, List.of("ja"), null, true));
        }
        ContentImport base = SampleContent.parse("base/ja.csv", ContentOwner.BASE);
        DynamoCatalogue catalogue = new DynamoCatalogue(dynamo, contentTable);
        catalogue.importAll(base.entries());
        base.calendar().forEach(catalogue::saveCalendar);
        return new BenchTown(dynamo, towns, readersTable, base);
    }

    public static String townId(int town) {
        return String.format("town%02d", town);
    }

    /** Adds readers number {@code from} (inclusive) to {@code to} (exclusive); returns the time taken in ms. */
    public long addReaders(int from, int to) {
        long start = System.nanoTime();
        List<WriteRequest> all = new ArrayList<>();
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS)) {
            for (int i = from; i < to; i++) {
                all.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(reader(i))).build()).build());
                if (all.size() == BATCH || i == to - 1) {
                    List<WriteRequest> batch = List.copyOf(all);
                    all.clear();
                    calls.add(pool.submit(() -> write(batch)));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("loading readers failed", e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Reader number {@code i}: town i mod the number of towns, a pregnancy or a child on a day that has a text. */
    Reader reader(int i) {
        Child child = i % 2 == 0
                ? Child.expected("c1", DAY.plusDays(280 - pregnancyDays.get(i % pregnancyDays.size())))
                : Child.born("c1", DAY.minusDays(childDays.get(i % childDays.size())));
        return Reader.newcomer(townId(i % towns), Channel.LINE, String.format("U%032x", i), Instant.EPOCH)
                .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE).withChildren(List.of(child));
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(readersTable, batch);
        while (!pending.isEmpty()) {
            BatchWriteItemResponse response = dynamo.batchWriteItem(
                    software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest.builder()
                            .requestItems(pending).build());
            Map<String, List<WriteRequest>> left = new HashMap<>(response.unprocessedItems());
            left.values().removeIf(List::isEmpty);
            pending = left;
        }
    }

    /** The item {@link DynamoReaderStore} saves for {@code reader}: its own mapping, so the two cannot drift. */
    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue> item(Reader reader) {
        try {
            return (Map<String, AttributeValue>) TO_ITEM.invoke(null, reader);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Method TO_ITEM;

    static {
        try {
            TO_ITEM = DynamoReaderStore.class.getDeclaredMethod("toItem", Reader.class);
            TO_ITEM.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static List<Integer> days(ContentImport content, Track track) {
        return content.entries().stream().filter(e -> e.kind() == ContentKind.DAILY && e.track() == track)
                .map(ContentEntry::day).distinct().sorted().toList();
    }
}
