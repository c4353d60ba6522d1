package jp.yorisoi.testing;

import java.util.Map;
import java.util.UUID;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.TemplateResources;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tables of template.yaml in the JVM's shared DynamoDB Local, under a fresh prefix so every test class
 * (or test) gets empty tables without starting a server of its own.
 */
public record LocalTables(DynamoDbClient dynamo, Map<String, String> names) {

    public static LocalTables create() {
        LocalDynamo local = LocalDynamo.shared();
        String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "-";
        return new LocalTables(local.client(), TemplateResources.locate().createTables(local.client(), prefix));
    }

    public String readers() {
        return names.get("ReadersTable");
    }

    public String content() {
        return names.get("ContentTable");
    }

    public String municipalities() {
        return names.get("MunicipalitiesTable");
    }

    public String ledger() {
        return names.get("LedgerTable");
    }

    public String events() {
        return names.get("ProcessedEventsTable");
    }

    /** The table variables a function reads (template.yaml's environment names), pointing at these tables. */
    public Map<String, String> environment() {
        return Map.of("READERS_TABLE", readers(), "MUNICIPALITIES_TABLE", municipalities(), "CONTENT_TABLE", content(),
                "LEDGER_TABLE", ledger(), "EVENTS_TABLE", events(), "COUNTERS_TABLE", names.get("CountersTable"));
    }
}
