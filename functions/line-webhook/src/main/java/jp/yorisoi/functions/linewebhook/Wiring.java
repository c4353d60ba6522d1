package jp.yorisoi.functions.linewebhook;

import java.util.Map;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.line.DynamoProcessedEvents;
import jp.yorisoi.line.LineReplier;
import jp.yorisoi.line.LineReplyChannel;
import jp.yorisoi.line.ProcessedEvents;
import jp.yorisoi.municipality.ChannelCredentials;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.municipality.SsmChannelCredentials;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.registration.DayPreview;
import jp.yorisoi.stats.CountingReaderStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The webhook's ports built from the Lambda environment (NOTES: READERS_TABLE, SSM_PREFIX, …), once per container. */
record Wiring(ReaderStore readers, MunicipalityStore municipalities, ProcessedEvents processedEvents,
        ChannelCredentials credentials, LineReplier replier, DayPreview preview) {

    static Wiring fromEnvironment(Map<String, String> env) {
        AwsClients aws = AwsClients.fromEnvironment(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        ChannelCredentials credentials = new SsmChannelCredentials(aws.ssm(), Environment.ssmPrefix(env));
        return new Wiring(
                // every write keeps the town's counters (getStats) in line
                CountingReaderStore.inTable(dynamo, Environment.required(env, "READERS_TABLE")),
                new DynamoMunicipalityStore(dynamo, Environment.required(env, "MUNICIPALITIES_TABLE"),
                        Environment.defaultDeliveryHour(env)),
                new DynamoProcessedEvents(dynamo, Environment.required(env, "EVENTS_TABLE")),
                credentials,
                new LineReplyChannel(credentials, Environment.lineApiBase(env)),
                // the senders' composer: a confirmation says "today" only when today's delivery will bring it
                DayPreview.of(new DayComposer(new DynamoCatalogue(dynamo, Environment.required(env, "CONTENT_TABLE")))));
    }
}
