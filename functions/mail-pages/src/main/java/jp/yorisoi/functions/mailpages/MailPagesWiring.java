package jp.yorisoi.functions.mailpages;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.SesMailChannel;
import jp.yorisoi.mail.DynamoCounters;
import jp.yorisoi.mail.MailSettings;
import jp.yorisoi.mail.MailSignup;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.ReaderIds;
import jp.yorisoi.reader.ReaderStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The mail pages' ports from the Lambda environment: tables, SES, the signing key and the public address. */
record MailPagesWiring(MailSignup signup, MailSettings settings, byte[] linkSecret, Optional<String> publicBaseUrl) {

    static MailPagesWiring fromEnvironment(Map<String, String> env) {
        AwsClients aws = AwsClients.fromEnvironment(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        // an address is found under the keyed reader id (ReaderIds), as the LINE chat finds its parents
        ReaderStore readers = new DynamoReaderStore(dynamo, Environment.required(env, "READERS_TABLE"),
                ReaderIds.fromParameters(aws.ssm(), Environment.ssmPrefix(env)));
        MunicipalityStore towns = new DynamoMunicipalityStore(dynamo, Environment.required(env, "MUNICIPALITIES_TABLE"),
                Environment.defaultDeliveryHour(env));
        Clock clock = Clock.systemUTC();
        MailSignup signup = new MailSignup(readers, towns,
                new DynamoCounters(dynamo, Environment.required(env, "COUNTERS_TABLE")),
                new SesMailChannel(aws.ses(), Optional.ofNullable(env.get("SES_CONFIGURATION_SET"))), clock);
        return new MailPagesWiring(signup, new MailSettings(readers, towns, clock),
                DeliveryWiring.mailLinkSecret(env, aws), Optional.ofNullable(env.get("MAIL_PAGES_BASE_URL")));
    }
}
