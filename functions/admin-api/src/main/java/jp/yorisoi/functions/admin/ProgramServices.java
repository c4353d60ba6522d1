package jp.yorisoi.functions.admin;

import java.util.Map;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.delivery.BroadcastPlanner;
import jp.yorisoi.delivery.BroadcastStore;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.delivery.DynamoBroadcastStore;
import jp.yorisoi.delivery.JobQueue;
import jp.yorisoi.delivery.LineQuota;
import jp.yorisoi.delivery.LineQuotaClient;
import jp.yorisoi.delivery.SqsJobQueue;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.municipality.SsmChannelCredentials;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.stats.DynamoReaderCounters;
import jp.yorisoi.stats.ReaderCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the broadcast, forecast and stats routes read and write, wired once for each caller: Lambda from its environment
 * ({@link #fromEnvironment}), the local runner and the tests from their emulators.
 */
public record ProgramServices(MunicipalityStore municipalities, BroadcastStore broadcasts, BroadcastPlanner planner,
        DueReaders dueReaders, LineQuota lineQuota, ReaderCounters counters) {

    /** Over the stores and queues of one deployment; {@code readers} pages the active-reader index only. */
    public static ProgramServices of(MunicipalityStore municipalities, ReaderStore readers,
            BroadcastStore broadcasts, JobQueue jobs, LineQuota lineQuota, ReaderCounters counters) {
        return new ProgramServices(municipalities, broadcasts, new BroadcastPlanner(readers, broadcasts, jobs),
                new DueReaders(municipalities, readers), lineQuota, counters);
    }

    /** As deployed: table and queue names from the template's variables, channel tokens from SSM. */
    static ProgramServices fromEnvironment(Map<String, String> env, AwsClients aws) {
        DynamoDbClient dynamo = aws.dynamoDb();
        return of(new DynamoMunicipalityStore(dynamo, Environment.required(env, "MUNICIPALITIES_TABLE"),
                        Environment.defaultDeliveryHour(env)),
                new DynamoReaderStore(dynamo, Environment.required(env, "READERS_TABLE")),
                new DynamoBroadcastStore(dynamo, Environment.required(env, "LEDGER_TABLE")),
                new SqsJobQueue(aws.sqs(), Map.of(Channel.LINE, Environment.required(env, "LINE_JOB_QUEUE_URL"),
                        Channel.EMAIL, Environment.required(env, "MAIL_JOB_QUEUE_URL"))),
                new LineQuotaClient(new SsmChannelCredentials(aws.ssm(), Environment.ssmPrefix(env)),
                        Environment.lineApiBase(env)),
                new DynamoReaderCounters(dynamo, Environment.required(env, "READERS_TABLE")));
    }
}
