package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.content.ContentEntry;
import jp.yorisoi.content.ContentImport;
import jp.yorisoi.content.ContentKind;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.content.SampleContent;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.QueueDriver;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.Track;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.LocalSqs;
import jp.yorisoi.testkit.RequestCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The request economy of one day in a small town, counted, not estimated: 20 LINE readers (one with twins, one
 * with a baby and a sibling on the way) through the hourly fan-out and the LINE sender as the functions wire
 * them ({@link DeliveryWiring}), with the SDK calls counted by an execution interceptor on the clients and the
 * LINE requests at the stub. The figures are exact for this town; README's request economy quotes them.
 */
class RequestEconomyIT {

    static final LocalDate DAY = LocalDate.parse("2026-11-22");
    static final int READERS = 20;
    static final LineStub LINE = new LineStub();

    final LocalTables tables = LocalTables.create();
    final LocalQueues queues = LocalQueues.create();
    final RequestCounter counter = new RequestCounter();
    final DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(LocalDynamo.shared().endpoint())
            .region(Region.AP_NORTHEAST_1).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
    final SqsClient sqs = SqsClient.builder().endpointOverride(LocalSqs.shared().endpoint())
            .region(Region.AP_NORTHEAST_1).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();

    @AfterAll
    static void stopStub() {
        LINE.close();
    }

    @Test
    void aDayInASmallTownCostsOneSqsCallPerSegmentPartOneLinePushPerReaderAndNoScanOfReaders() {
        LINE.reset();
        List<Reader> town = smallTown();
        counter.reset();

        // the hourly fan-out (08:00 in Tokyo), then one LINE sender container draining the queue
        Map<String, String> env = env();
        FanOutService.FanOutResult planned = DeliveryWiring.withClients(env, DeliveryMetrics.NONE, dynamo, sqs, null)
                .fanOut().run(DAY, Optional.empty(), 8);
        DeliveryService deliveries = DeliveryWiring.withClients(env, DeliveryMetrics.NONE, dynamo, sqs,
                new StaticChannelCredentials(Map.of("demo", new StaticChannelCredentials.Credentials("secret",
                        "token-for-tests")))).lineDeliveries();
        SqsJobBatch sender = new SqsJobBatch(deliveries, DeliveryMetrics.NONE);
        new QueueDriver(queues.sqs()).drain(queues.url("LineJobQueue"), sender::process);

        Map<String, Integer> counts = byLogicalTable(counter.counts());
        String report = counts.toString();
        assertEquals(READERS, planned.total());

        // SQS: the fan-out sends each (town, segment) part's readers in batches of ten, and records the part only once
        // they are sent, so a retry never skips a reader still in a buffer. The 20 readers fall into 11 of the 16
        // segments: 11 SendMessageBatch calls here. A town of ~200 readers per segment (3,200 readers) comes to
        // 21 calls per segment, about 0.1 per reader-day.
        assertEquals(11, counter.count("Sqs", "SendMessageBatch"), report);
        assertEquals(11, town.stream().map(r -> r.readerId().charAt(1)).distinct().count(), report);

        // LINE: one push per reader (1.0 per reader-day), the twins and the sibling in their parent's single push
        assertEquals(READERS, LINE.requests(), report);
        assertEquals(READERS, LINE.accepted().size());
        for (Reader reader : town) {
            assertEquals(1, LINE.acceptedFor(reader.address()).size(), reader.readerId());
        }

        // DynamoDB. Per hourly run: one Scan of the towns table (the list of towns due, one item per town) and one
        // Query of the active-reader index per segment (16). Per SQS batch of up to ten jobs: one BatchGetItem of
        // its readers (20 jobs arrive in 2 batches). Per reader: two ledger conditional updates (the claim and the
        // settlement). Per sender container: the town's monthly-limit flag once per 30 seconds, and per five
        // minutes one GetItem of the town, one of each distinct text (base and local, here 20 distinct days: 40)
        // and one Query of the town's calendar. No Scan of readers, ledger or texts.
        assertEquals(Map.of(
                "Sqs SendMessageBatch", 11,
                "DynamoDb Scan MunicipalitiesTable", 1,
                "DynamoDb Query ReadersTable", 16,
                "DynamoDb BatchGetItem ReadersTable", READERS / 10,
                "DynamoDb UpdateItem LedgerTable", 2 * READERS,
                "DynamoDb GetItem LedgerTable", 1,
                "DynamoDb GetItem MunicipalitiesTable", 1,
                "DynamoDb GetItem ContentTable", 40,
                "DynamoDb Query ContentTable", 1), counts);
    }

    /** "DynamoDb GetItem t1a2b3-ReadersTable" → "DynamoDb GetItem ReadersTable": the template's names. */
    private Map<String, Integer> byLogicalTable(Map<String, Integer> counts) {
        Map<String, Integer> named = new HashMap<>();
        counts.forEach((key, count) -> {
            String logical = key;
            for (Map.Entry<String, String> table : tables.names().entrySet()) {
                if (key.endsWith(" " + table.getValue())) {
                    logical = key.substring(0, key.length() - table.getValue().length()) + table.getKey();
                }
            }
            named.merge(logical, count, Integer::sum);
        });
        return named;
    }

    private List<Reader> smallTown() {
        new DynamoMunicipalityStore(dynamo, tables.municipalities()).save(new Municipality("demo", "デモ町",
                "デモ町より", "デモ町こども家庭課", Plan.FULL, 3, 8, List.of("ja"), null, true));
        DynamoCatalogue catalogue = new DynamoCatalogue(dynamo, tables.content());
        ContentImport base = SampleContent.parse("base/ja.csv", ContentOwner.BASE);
        for (ContentImport content : List.of(base, SampleContent.parse("municipalities/demo/local.csv", "demo"))) {
            catalogue.importAll(content.entries());
            content.calendar().forEach(catalogue::saveCalendar);
        }
        // the sample texts cover some days only: every reader is on a day that has one
        List<Integer> pregnancyDays = days(base, Track.PREGNANCY);
        List<Integer> childDays = days(base, Track.CHILD);
        DynamoReaderStore readers = new DynamoReaderStore(dynamo, tables.readers());
        List<Reader> town = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            List<Child> children = switch (i) {
                case 0 -> List.of(born("c1", childDays.get(2)), born("c2", childDays.get(2)));
                case 1 -> List.of(born("c1", childDays.get(40)), expected("c2", pregnancyDays.get(30)));
                default -> List.of(i % 2 == 0 ? expected("c1", pregnancyDays.get(i * 3))
                        : born("c1", childDays.get(i * 3)));
            };
            town.add(readers.save(Reader.newcomer("demo", Channel.LINE, String.format("U%032x", i), Instant.EPOCH)
                    .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE).withChildren(children)));
        }
        return town;
    }

    private static List<Integer> days(ContentImport content, Track track) {
        return content.entries().stream().filter(e -> e.kind() == ContentKind.DAILY && e.track() == track)
                .map(ContentEntry::day).distinct().sorted().toList();
    }

    /** A child born {@code day} days before the delivery day (day 0 is the birthday). */
    private static Child born(String childId, int day) {
        return Child.born(childId, DAY.minusDays(day));
    }

    /** A pregnancy on its day {@code day} (day 280 is the due date) on the delivery day. */
    private static Child expected(String childId, int day) {
        return Child.expected(childId, DAY.plusDays(280 - day));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(tables.environment());
        env.putAll(queues.environment());
        env.put("LINE_API_BASE_URL", LINE.endpoint().toString());
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("STAGE", "dev");
        // every client the services use is given; nothing else may reach AWS
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        return env;
    }
}
