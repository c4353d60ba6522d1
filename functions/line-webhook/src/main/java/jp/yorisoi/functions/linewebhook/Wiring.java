package jp.yorisoi.functions.linewebhook;

import java.time.Clock;
import java.util.Map;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.aws.Parameters;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.ComposedDeliveryContent;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.delivery.TodayByReply;
import jp.yorisoi.delivery.Ledger;
import jp.yorisoi.line.DynamoProcessedEvents;
import jp.yorisoi.line.LineReplier;
import jp.yorisoi.line.LineReplyChannel;
import jp.yorisoi.line.ProcessedEvents;
import jp.yorisoi.municipality.ChannelCredentials;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.municipality.SsmChannelCredentials;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.ReaderIds;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.registration.DayPreview;
import jp.yorisoi.registration.TodaysMessage;
import jp.yorisoi.stats.CountingReaderStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The webhook's ports built from the Lambda environment (NOTES: READERS_TABLE, SSM_PREFIX, …), once per container. */
record Wiring(ReaderStore readers, MunicipalityStore municipalities, ProcessedEvents processedEvents,
        ChannelCredentials credentials, LineReplier replier, DayPreview preview, TodaysMessage todaysMessage,
        Ledger ledger) {

    static Wiring fromEnvironment(Map<String, String> env) {
        AwsClients aws = AwsClients.fromEnvironment(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        Parameters ssm = aws.ssm();
        ChannelCredentials credentials = new SsmChannelCredentials(ssm, Environment.ssmPrefix(env));
        LineReplier replier = new LineReplyChannel(credentials, Environment.lineApiBase(env));
        // every write keeps the town's counters (getStats) in line; newcomers get the keyed reader id
        ReaderStore readers = CountingReaderStore.inTable(dynamo, Environment.required(env, "READERS_TABLE"),
                ReaderIds.fromParameters(ssm, Environment.ssmPrefix(env)));
        MunicipalityStore municipalities = new DynamoMunicipalityStore(dynamo,
                Environment.required(env, "MUNICIPALITIES_TABLE"), Environment.defaultDeliveryHour(env));
        // the senders' composer: a confirmation says "today" only when today's delivery will bring it
        DayComposer composer = new DayComposer(new DynamoCatalogue(dynamo, Environment.required(env, "CONTENT_TABLE")));
        // claims check the reader still exists; a parent's "delete my data" sweeps their ledger entries too
        DynamoLedger ledger = new DynamoLedger(dynamo, Environment.required(env, "LEDGER_TABLE"),
                Environment.required(env, "READERS_TABLE"));
        // today's message on request goes through the senders' own claim in the ledger, answered by reply
        DeliveryService delivery = new DeliveryService(readers, municipalities, new ComposedDeliveryContent(composer),
                ledger, null, null, null, DeliveryMetrics.NONE, Clock.systemUTC());
        return new Wiring(
                readers,
                municipalities,
                new DynamoProcessedEvents(dynamo, Environment.required(env, "EVENTS_TABLE")),
                credentials,
                replier,
                DayPreview.of(composer),
                new TodayByReply(delivery, replier),
                ledger);
    }
}
