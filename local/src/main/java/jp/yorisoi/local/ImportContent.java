package jp.yorisoi.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The operator's import of towns and texts into a deployed stack ({@code scripts/import-content DIR}): the licensed
 * base texts and each town's settings and local texts, laid out like {@code content/}. Table names come from the
 * stack's outputs (CONTENT_TABLE, MUNICIPALITIES_TABLE); credentials and region from the usual AWS settings.
 */
public final class ImportContent {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int REJECTED = 3;
    static final int FAILED = 4;

    private ImportContent() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length != 1 || env.getOrDefault("CONTENT_TABLE", "").isBlank()
                || env.getOrDefault("MUNICIPALITIES_TABLE", "").isBlank()) {
            err.println("usage: CONTENT_TABLE=… MUNICIPALITIES_TABLE=… scripts/import-content DIR");
            err.println("  DIR holds base/*.csv and municipalities/<id>/{municipality.json,local.csv}, as content/ does;");
            err.println("  the table names are the stack outputs ContentTableName and MunicipalitiesTableName.");
            return USAGE;
        }
        ContentDirectory content;
        try {
            content = ContentDirectory.read(Path.of(args[0]));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return REJECTED;
        }
        try (DynamoDbClient dynamo = AwsClients.fromEnvironment(env).dynamoDb()) {
            ContentDirectory.Summary summary = content.writeTo(new DynamoCatalogue(dynamo, env.get("CONTENT_TABLE")),
                    new DynamoMunicipalityStore(dynamo, env.get("MUNICIPALITIES_TABLE")), Instant.now());
            out.println("imported " + summary);
            return OK;
        } catch (SdkException e) {
            err.println("the import stopped half-way (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); run it again: a town's texts change only when its whole new set is written");
            return FAILED;
        }
    }
}
