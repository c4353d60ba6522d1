package jp.yorisoi.delivery.stubs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.Backoff;
import jp.yorisoi.delivery.ComposedDeliveryContent;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DynamoBroadcastStore;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.delivery.Ledger;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.delivery.LinePushChannel;
import jp.yorisoi.delivery.SesMailChannel;
import jp.yorisoi.delivery.SqsJobQueue;
import jp.yorisoi.mail.MailLinks;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.LocalSqs;
import jp.yorisoi.testkit.TemplateResources;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything a delivery integration test runs against: the tables and queues of template.yaml (under a fresh
 * prefix) in the in-JVM emulators — or, when AWS_ENDPOINT_URL is set, in that single-endpoint emulator (moto,
 * LocalStack) — plus WireMock stand-ins for LINE and SES, and the real adapters wired to them. The stubs belong to
 * the test class, started once for all its tests; each test gets a rig of its own on them.
 */
public final class DeliveryRig implements AutoCloseable {

    public static final String LINE_TOKEN = "token-for-tests";
    /** A second town with a LINE channel of its own, for tests where one town's channel must not affect another. */
    public static final String OTHER_TOWN = "yoso";
    public static final String OTHER_TOWN_LINE_TOKEN = "token-for-yoso";

    public final DynamoDbClient dynamo;
    /** Where {@link #dynamo} points: the in-JVM DynamoDB Local or the emulator at AWS_ENDPOINT_URL. */
    public final URI dynamoEndpoint;
    public final SqsClient sqs;
    public final Map<String, String> tables;
    public final Map<String, String> queues;
    public final LineStub line;
    public final SesStub ses;
    /** Without SDK retries, so a throttled send reaches the queue's retry at once (the SDK would wait first). */
    public final SesV2Client sesClient;
    public final DynamoReaderStore readers;
    public final DynamoMunicipalityStore municipalities;
    public final DynamoCatalogue catalogue;
    public final DynamoLedger ledger;
    public final DynamoBroadcastStore broadcasts;
    public final MailLinks mailLinks = new MailLinks("https://yorisoi.example.jp/dev",
            "integration-test-secret".getBytes(StandardCharsets.UTF_8));
    public final QueueDriver driver;

    private DeliveryRig(DynamoDbClient dynamo, URI dynamoEndpoint, SqsClient sqs, LineStub line, SesStub ses) {
        this.dynamo = dynamo;
        this.dynamoEndpoint = dynamoEndpoint;
        this.sqs = sqs;
        this.line = line;
        this.ses = ses;
        this.sesClient = SesV2Client.builder()
                .endpointOverride(ses.endpoint())
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        String prefix = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "-";
        TemplateResources template = TemplateResources.locate();
        this.tables = template.createTables(dynamo, prefix);
        this.queues = template.createQueues(sqs, prefix);
        this.readers = new DynamoReaderStore(dynamo, tables.get("ReadersTable"));
        this.municipalities = new DynamoMunicipalityStore(dynamo, tables.get("MunicipalitiesTable"));
        this.catalogue = new DynamoCatalogue(dynamo, tables.get("ContentTable"));
        this.ledger = new DynamoLedger(dynamo, tables.get("LedgerTable"), tables.get("ReadersTable"));
        this.broadcasts = new DynamoBroadcastStore(dynamo, tables.get("LedgerTable"));
        this.driver = new QueueDriver(sqs);
    }

    /**
     * Fresh tables and queues in the in-JVM emulators, or in the emulator at AWS_ENDPOINT_URL when that is set, on
     * the test class's stubs: they are reset here and left running by {@link #close()}.
     */
    public static DeliveryRig start(LineStub line, SesStub ses) {
        line.reset();
        ses.reset();
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            AwsClients aws = AwsClients.forEmulator(URI.create(endpoint));
            return new DeliveryRig(aws.dynamoDb(), URI.create(endpoint), aws.sqs(), line, ses);
        }
        return new DeliveryRig(LocalDynamo.shared().client(), LocalDynamo.shared().endpoint(), LocalSqs.shared().client(),
                line, ses);
    }

    public String queue(String logicalId) {
        return queues.get(logicalId);
    }

    public SqsJobQueue jobQueue() {
        return new SqsJobQueue(sqs, Map.of(Channel.LINE, queue("LineJobQueue"), Channel.EMAIL, queue("MailJobQueue")));
    }

    /** The LINE adapter against the stub: a short read time-out, back-off without real waiting. */
    public LinePushChannel lineChannel(Duration readTimeout) {
        return new LinePushChannel(
                new StaticChannelCredentials(Map.of(
                        "demo", new StaticChannelCredentials.Credentials("secret", LINE_TOKEN),
                        OTHER_TOWN, new StaticChannelCredentials.Credentials("other-secret", OTHER_TOWN_LINE_TOKEN))),
                line.endpoint(), readTimeout,
                new Backoff(3, Duration.ofMillis(20), Duration.ofMillis(200), new Random(11)), duration -> {});
    }

    public DeliveryService deliveries(Ledger ledgerToUse, DeliveryMetrics metrics, Clock clock) {
        return deliveries(ledgerToUse, metrics, clock, Duration.ofMillis(300));
    }

    /** With a LINE read time-out of the test's choosing: long where slow answers are not what the test is about. */
    public DeliveryService deliveries(Ledger ledgerToUse, DeliveryMetrics metrics, Clock clock,
            Duration lineReadTimeout) {
        return new DeliveryService(readers, municipalities,
                new ComposedDeliveryContent(new DayComposer(catalogue), broadcasts), ledgerToUse,
                lineChannel(lineReadTimeout), new SesMailChannel(sesClient, Optional.of("yorisoi-daily")),
                mailLinks, metrics, clock, broadcasts);
    }

    public List<String> deadLetters(String logicalId) {
        return driver.peekBodies(queue(logicalId));
    }

    /** Every reader's entry of the ledger table (not the towns' monthly-limit marks), read back through the adapter. */
    public List<LedgerEntry> ledgerEntries() {
        return dynamo.scanPaginator(r -> r.tableName(tables.get("LedgerTable"))
                        .filterExpression("attribute_exists(readerId)")
                        .projectionExpression("municipalityId, readerId, deliveryKey"))
                .items().stream()
                .map(item -> ledger.find(item.get("municipalityId").s(), item.get("readerId").s(),
                        item.get("deliveryKey").s()).orElseThrow())
                .toList();
    }

    /** Closes the rig's SES client; the stubs are the test class's to stop. */
    @Override
    public void close() {
        sesClient.close();
    }
}
