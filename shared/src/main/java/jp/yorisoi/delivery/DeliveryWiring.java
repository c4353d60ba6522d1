package jp.yorisoi.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.content.CachedCatalogue;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.mail.MailLinks;
import jp.yorisoi.municipality.CachedMunicipalityStore;
import jp.yorisoi.municipality.ChannelCredentials;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.municipality.SsmChannelCredentials;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.ReaderStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the delivery services of the functions from their environment (table names, queue URLs, endpoints,
 * SSM prefix), each client once per container.
 */
public final class DeliveryWiring {

    private final Map<String, String> env;
    private final AwsClients aws;
    private final DeliveryMetrics metrics;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private ChannelCredentials lineCredentials;

    private DeliveryWiring(Map<String, String> env, DeliveryMetrics metrics) {
        this.env = env;
        this.aws = AwsClients.fromEnvironment(env);
        this.metrics = metrics;
    }

    public static DeliveryWiring fromEnvironment(Map<String, String> env, DeliveryMetrics metrics) {
        return new DeliveryWiring(env, metrics);
    }

    /**
     * The same services over clients and channel credentials made elsewhere: a test counts their requests, a
     * benchmark points them at emulators. Everything else comes from {@code env} as in the functions.
     */
    public static DeliveryWiring withClients(Map<String, String> env, DeliveryMetrics metrics, DynamoDbClient dynamo,
            SqsClient sqs, ChannelCredentials lineCredentials) {
        DeliveryWiring wiring = new DeliveryWiring(env, metrics);
        wiring.dynamo = dynamo;
        wiring.sqs = sqs;
        wiring.lineCredentials = lineCredentials;
        return wiring;
    }

    public FanOutService fanOut() {
        return new FanOutService(municipalities(), readers(), new SqsJobQueue(sqs != null ? sqs : aws.sqs(), Map.of(
                Channel.LINE, required("LINE_JOB_QUEUE_URL"),
                Channel.EMAIL, required("MAIL_JOB_QUEUE_URL"))));
    }

    /** The hourly fan-out: records its progress in the ledger table so that a retry enqueues only what is left. */
    public FanOutService hourlyFanOut(FanOutMetrics fanOutMetrics) {
        return new FanOutService(municipalities(), readers(), new SqsJobQueue(aws.sqs(), Map.of(
                Channel.LINE, required("LINE_JOB_QUEUE_URL"),
                Channel.EMAIL, required("MAIL_JOB_QUEUE_URL"))), fanOutProgress(), fanOutMetrics);
    }

    /** The hourly check of the last hour's towns: enqueued readers against final ledger entries. */
    public DeliveryReconciliation reconciliation(FanOutMetrics fanOutMetrics) {
        return new DeliveryReconciliation(municipalities(), fanOutProgress(),
                new DynamoLedger(dynamo(), required("LEDGER_TABLE")), fanOutMetrics);
    }

    private FanOutProgress fanOutProgress() {
        return new DynamoFanOutProgress(dynamo(), required("LEDGER_TABLE"));
    }

    /** The LINE sender's service: pushes through each town's channel; it is never handed an e-mail job. */
    public DeliveryService lineDeliveries() {
        ChannelCredentials credentials = lineCredentials != null ? lineCredentials
                : new SsmChannelCredentials(aws.ssm(), ssmPrefix());
        LinePushChannel line = new LinePushChannel(credentials, Environment.lineApiBase(env), metrics);
        return deliveries(line, null, null);
    }

    /** The e-mail sender's service: SES, with signed links to the reader's settings and unsubscribe pages. */
    public DeliveryService mailDeliveries() {
        SesMailChannel mail = new SesMailChannel(aws.ses(), Optional.ofNullable(env.get("SES_CONFIGURATION_SET")));
        return deliveries(null, mail, new MailLinks(required("MAIL_PAGES_BASE_URL"), mailLinkSecret(env, aws)));
    }

    private DeliveryService deliveries(LineMessenger line, MailSender mail, MailLinks links) {
        return new DeliveryService(readers(), municipalities(),
                new ComposedDeliveryContent(new DayComposer(
                        new CachedCatalogue(new DynamoCatalogue(dynamo(), required("CONTENT_TABLE"))))),
                new CachedMonthlyLimit(new DynamoLedger(dynamo(), required("LEDGER_TABLE"))), line, mail, links,
                metrics, Clock.systemUTC());
    }

    /**
     * The key that signs every mail link (the mail sender's and the pages' must be the same): SSM SecureString
     * {SSM_PREFIX}/mail/link-secret, or MAIL_LINK_SECRET where there is no SSM (local runs).
     */
    public static byte[] mailLinkSecret(Map<String, String> env, AwsClients aws) {
        String local = env.get("MAIL_LINK_SECRET");
        if (local != null && !local.isBlank()) {
            return local.getBytes(StandardCharsets.UTF_8);
        }
        String name = Environment.ssmPrefix(env) + "/mail/link-secret";
        return aws.ssm().decrypted(name)
                .orElseThrow(() -> new IllegalStateException("SSM parameter " + name + " is missing"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private ReaderStore readers() {
        return new DynamoReaderStore(dynamo(), required("READERS_TABLE"));
    }

    /** Town settings and texts are kept per container for a few minutes: they do not change within a run. */
    private MunicipalityStore municipalities() {
        return new CachedMunicipalityStore(new DynamoMunicipalityStore(dynamo(), required("MUNICIPALITIES_TABLE"),
                Environment.defaultDeliveryHour(env)));
    }

    private synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = aws.dynamoDb();
        }
        return dynamo;
    }

    String ssmPrefix() {
        return Environment.ssmPrefix(env);
    }

    private String required(String name) {
        return Environment.required(env, name);
    }
}
