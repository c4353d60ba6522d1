package jp.yorisoi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample events in the top-level events/ directory. */
final class Samples {

    private Samples() {}

    static Path directory() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml")) && Files.isDirectory(d.resolve("events"))) {
                return d.resolve("events");
            }
        }
        throw new IllegalStateException("events/ not found above " + Path.of("").toAbsolutePath());
    }

    static Path path(String name) {
        return directory().resolve(name);
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
