package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.schedule.Track;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's import into the stack's tables (here DynamoDB Local through AWS_ENDPOINT_URL). */
class ImportContentIT {

    private final LocalTables tables = LocalTables.create();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theRepositorysContentDirectoryImportsTownsAndTexts() {
        Path content = ContentDirectory.inCheckout().orElseThrow();

        assertEquals(ImportContent.OK, run(content.toString()), err.toString(StandardCharsets.UTF_8));

        assertTrue(new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()).find("demo").isPresent());
        DynamoCatalogue catalogue = new DynamoCatalogue(tables.dynamo(), tables.content());
        assertTrue(catalogue.daily(catalogue.activeSet(ContentOwner.BASE), Track.CHILD, 100, "ja").isPresent());
        assertTrue(catalogue.daily(catalogue.activeSet(ContentOwner.BASE), Track.PREGNANCY, 28, "en").isPresent(),
                "the base files are one set: the last file read does not replace the others");
        assertTrue(catalogue.birthday(catalogue.activeSet("demo"), 1, "ja").isPresent());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("imported "));
    }

    @Test
    void oneBadFileImportsNothingAndNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/ja.csv"), "track,day,language,text\npregnancy,28,ja,（サンプル）よい行\n");
        Path town = Files.createDirectories(dir.resolve("municipalities/demo"));
        Files.copy(ContentDirectory.inCheckout().orElseThrow().resolve("municipalities/demo/municipality.json"),
                town.resolve("municipality.json"));
        Files.writeString(town.resolve("local.csv"), "track,day,language,text\npregnancy,300,ja,（サンプル）範囲外\n");

        assertEquals(ImportContent.REJECTED, run(dir.toString()));

        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("local.csv") && message.contains("line 2"), message);
        DynamoCatalogue catalogue = new DynamoCatalogue(tables.dynamo(), tables.content());
        assertEquals(ContentOwner.BASE, catalogue.activeSet(ContentOwner.BASE), "no set became active");
        assertEquals(Optional.empty(), catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 28, "ja"));
        assertTrue(new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities()).find("demo").isEmpty());
    }

    @Test
    void withoutTableNamesItExplainsItsUsage() {
        assertEquals(ImportContent.USAGE, ImportContent.run(new String[] {"content"}, Map.of(),
                new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("CONTENT_TABLE"));
    }

    private int run(String dir) {
        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL", LocalDynamo.shared().endpoint().toString(),
                "AWS_REGION", "ap-northeast-1",
                "CONTENT_TABLE", tables.content(),
                "MUNICIPALITIES_TABLE", tables.municipalities());
        return ImportContent.run(new String[] {dir}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
