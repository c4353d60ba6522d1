package jp.yorisoi.functions.admin;

import java.net.URI;
import java.util.Map;
import jp.yorisoi.delivery.DynamoBroadcastStore;
import jp.yorisoi.delivery.LineQuota;
import jp.yorisoi.delivery.LineQuotaClient;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.stats.DynamoReaderCounters;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;

/** The admin API's program services over the tests' DynamoDB Local tables and ElasticMQ queues. */
final class TestPrograms {

    private TestPrograms() {}

    /** With a LINE quota that has no channel to ask: the forecast says the quota is unavailable. */
    static ProgramServices over(LocalTables tables, LocalQueues queues) {
        return over(tables, queues, new LineQuotaClient(new StaticChannelCredentials(Map.of()),
                URI.create("http://127.0.0.1:9")));
    }

    static ProgramServices over(LocalTables tables, LocalQueues queues, LineQuota quota) {
        return ProgramServices.of(new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()),
                new DynamoReaderStore(tables.dynamo(), tables.readers()),
                new DynamoBroadcastStore(tables.dynamo(), tables.ledger()), queues.jobQueue(), quota,
                new DynamoReaderCounters(tables.dynamo(), tables.readers()));
    }
}
