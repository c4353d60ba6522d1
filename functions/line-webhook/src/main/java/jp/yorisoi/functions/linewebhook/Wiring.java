package jp.yorisoi.functions.linewebhook;

import java.net.URI;
import java.util.Map;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.line.DynamoProcessedEvents;
import jp.yorisoi.line.LineReplier;
import jp.yorisoi.line.LineReplyChannel;
import jp.yorisoi.line.ProcessedEvents;
import jp.yorisoi.municipality.ChannelCredentials;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.municipality.SsmChannelCredentials;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.ReaderStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The webhook's ports built from the Lambda environment (NOTES: READERS_TABLE, SSM_PREFIX, …), once per container. */
record Wiring(ReaderStore readers, MunicipalityStore municipalities, ProcessedEvents processedEvents,
        ChannelCredentials credentials, LineReplier replier) {

    static final String DEFAULT_LINE_API = "https://api.line.me";

    static Wiring fromEnvironment(Map<String, String> env) {
        AwsClients aws = AwsClients.fromEnvironment(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        String ssmPrefix = env.getOrDefault("SSM_PREFIX", "/yorisoi/" + required(env, "STAGE"));
        ChannelCredentials credentials = new SsmChannelCredentials(aws.ssm(), ssmPrefix);
        return new Wiring(
                new DynamoReaderStore(dynamo, required(env, "READERS_TABLE")),
                new DynamoMunicipalityStore(dynamo, required(env, "MUNICIPALITIES_TABLE"), Integer.parseInt(
                        env.getOrDefault("DEFAULT_DELIVERY_HOUR", Integer.toString(Municipality.DEFAULT_DELIVERY_HOUR)))),
                new DynamoProcessedEvents(dynamo, required(env, "EVENTS_TABLE")),
                credentials,
                new LineReplyChannel(credentials, URI.create(env.getOrDefault("LINE_API_BASE_URL", DEFAULT_LINE_API))));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
