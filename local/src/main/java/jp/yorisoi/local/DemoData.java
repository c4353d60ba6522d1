package jp.yorisoi.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.yorisoi.content.Catalogue;
import jp.yorisoi.content.ContentCsv;
import jp.yorisoi.content.ContentImport;
import jp.yorisoi.content.ContentImportException;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.content.MunicipalityJson;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.MunicipalityStore;

/**
 * The towns and the sample content the runner starts with, read from the top-level {@code content/} directory
 * the way an operator imports them: base texts from {@code base/*.csv}, each town from
 * {@code municipalities/<id>/municipality.json} and its {@code local.csv}.
 */
final class DemoData {

    /** What was loaded, for the start banner. */
    record Seeded(Path directory, int municipalities, int texts, int calendarMessages) {

        @Override
        public String toString() {
            return directory + ": " + municipalities + (municipalities == 1 ? " town, " : " towns, ") + texts
                    + " texts, " + calendarMessages + " calendar messages";
        }
    }

    private DemoData() {}

    static Seeded seed(LocalServices services, Path contentDirectory) {
        Catalogue catalogue = new DynamoCatalogue(services.dynamoDb(), services.table("ContentTable"));
        MunicipalityStore municipalities =
                new DynamoMunicipalityStore(services.dynamoDb(), services.table("MunicipalitiesTable"));
        int towns = 0;
        int texts = 0;
        int calendar = 0;
        for (Path csv : files(contentDirectory.resolve("base"), "*.csv")) {
            ContentImport content = parse(csv, ContentOwner.BASE);
            catalogue.importAll(content.entries());
            content.calendar().forEach(catalogue::saveCalendar);
            texts += content.entries().size();
            calendar += content.calendar().size();
        }
        for (Path town : files(contentDirectory.resolve("municipalities"), "*")) {
            Path settings = town.resolve("municipality.json");
            if (!Files.isRegularFile(settings)) {
                continue;
            }
            municipalities.save(read(settings, MunicipalityJson::parse));
            towns++;
            Path local = town.resolve("local.csv");
            if (Files.isRegularFile(local)) {
                ContentImport content = parse(local, town.getFileName().toString());
                catalogue.importAll(content.entries());
                content.calendar().forEach(catalogue::saveCalendar);
                texts += content.entries().size();
                calendar += content.calendar().size();
            }
        }
        return new Seeded(contentDirectory, towns, texts, calendar);
    }

    /** The {@code content/} directory of the checkout, found by walking up from the working directory. */
    static Optional<Path> contentDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path content = dir.resolve("content");
            if (Files.isDirectory(content) && Files.isRegularFile(dir.resolve("template.yaml"))) {
                return Optional.of(content);
            }
        }
        return Optional.empty();
    }

    private static ContentImport parse(Path csv, String owner) {
        try {
            return read(csv, in -> ContentCsv.parse(in, owner));
        } catch (ContentImportException e) {
            throw new IllegalStateException(csv + " was rejected: " + e.getMessage(), e);
        }
    }

    private interface Parser<T> {
        T parse(InputStream in);
    }

    private static <T> T read(Path file, Parser<T> parser) {
        try (InputStream in = Files.newInputStream(file)) {
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The entries of {@code dir} matching {@code glob}, sorted by name; none when it does not exist. */
    private static List<Path> files(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
            return entries.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
