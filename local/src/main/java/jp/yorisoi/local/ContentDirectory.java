package jp.yorisoi.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.yorisoi.content.ContentCsv;
import jp.yorisoi.content.ContentImport;
import jp.yorisoi.content.ContentImportException;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.ContentSets;
import jp.yorisoi.content.MunicipalityJson;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;

/**
 * A directory of content laid out as {@code content/} is: base texts in {@code base/*.csv}, each town in
 * {@code municipalities/<id>/municipality.json} with its {@code local.csv}. Everything is read and validated
 * before anything is written, so a rejected file leaves the tables as they were.
 */
final class ContentDirectory {

    /** What was written, for the runner's banner and the import tool's report. */
    record Summary(Path directory, int municipalities, int texts, int calendarMessages) {

        @Override
        public String toString() {
            return directory + ": " + municipalities + (municipalities == 1 ? " town, " : " towns, ") + texts
                    + " texts, " + calendarMessages + " calendar messages";
        }
    }

    private final Path directory;
    private final List<Municipality> municipalities;
    private final List<OwnedImport> imports;

    private ContentDirectory(Path directory, List<Municipality> municipalities, List<OwnedImport> imports) {
        this.directory = directory;
        this.municipalities = municipalities;
        this.imports = imports;
    }

    /**
     * Reads and validates every file.
     *
     * @throws IllegalArgumentException naming each rejected file with its errors (line numbers included)
     */
    static ContentDirectory read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        List<String> rejected = new ArrayList<>();
        List<Municipality> towns = new ArrayList<>();
        List<OwnedImport> imports = new ArrayList<>();
        for (Path csv : files(directory.resolve("base"), "*.csv")) {
            parse(csv, ContentOwner.BASE, rejected).ifPresent(c -> imports.add(new OwnedImport(ContentOwner.BASE, c)));
        }
        for (Path town : files(directory.resolve("municipalities"), "*")) {
            Path settings = town.resolve("municipality.json");
            if (!Files.isRegularFile(settings)) {
                continue;
            }
            String municipalityId = town.getFileName().toString();
            try {
                Municipality municipality = read(settings, MunicipalityJson::parse);
                if (!municipality.municipalityId().equals(municipalityId)) {
                    rejected.add(settings + ": municipalityId \"" + municipality.municipalityId()
                            + "\" differs from its directory name \"" + municipalityId + "\"");
                }
                towns.add(municipality);
            } catch (IllegalArgumentException e) {
                rejected.add(settings + ": " + e.getMessage());
            }
            Path local = town.resolve("local.csv");
            if (Files.isRegularFile(local)) {
                parse(local, municipalityId, rejected).ifPresent(c -> imports.add(new OwnedImport(municipalityId, c)));
            }
        }
        if (!rejected.isEmpty()) {
            throw new IllegalArgumentException("nothing was imported; fix these files first:\n" + String.join("\n", rejected));
        }
        return new ContentDirectory(directory, List.copyOf(towns), List.copyOf(imports));
    }

    /**
     * Writes the towns, then each owner's texts as its new set (the base files together as one), replacing the set
     * it had: a row removed from a file stops being sent. Running it again after an interruption completes it.
     */
    Summary writeTo(ContentSets sets, MunicipalityStore municipalityStore, Instant now) {
        municipalities.forEach(municipalityStore::save);
        Map<String, List<ContentImport>> byOwner = new LinkedHashMap<>();
        for (OwnedImport owned : imports) {
            byOwner.computeIfAbsent(owned.owner(), o -> new ArrayList<>()).add(owned.content());
        }
        int texts = 0;
        int calendar = 0;
        for (Map.Entry<String, List<ContentImport>> owner : byOwner.entrySet()) {
            ContentImport whole = new ContentImport(
                    owner.getValue().stream().flatMap(c -> c.entries().stream()).toList(),
                    owner.getValue().stream().flatMap(c -> c.calendar().stream()).toList());
            sets.replace(owner.getKey(), whole, now);
            texts += whole.entries().size();
            calendar += whole.calendar().size();
        }
        return new Summary(directory, municipalities.size(), texts, calendar);
    }

    private record OwnedImport(String owner, ContentImport content) {}

    /** The {@code content/} directory of the checkout, found by walking up from the working directory. */
    static Optional<Path> inCheckout() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path content = dir.resolve("content");
            if (Files.isDirectory(content) && Files.isRegularFile(dir.resolve("template.yaml"))) {
                return Optional.of(content);
            }
        }
        return Optional.empty();
    }

    private static Optional<ContentImport> parse(Path csv, String owner, List<String> rejected) {
        try {
            return Optional.of(read(csv, in -> ContentCsv.parse(in, owner)));
        } catch (ContentImportException e) {
            rejected.add(csv + ":\n  " + String.join("\n  ", e.errors().stream().map(Object::toString).toList()));
            return Optional.empty();
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
