package jp.yorisoi.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The demo town and the sample content the runner starts with: the municipality {@value LocalConfig#DEMO_MUNICIPALITY}
 * and the CSV files under the top-level {@code content/} directory, loaded the way an operator imports them.
 */
final class DemoData {

    private DemoData() {}

    /** Puts the demo town and the sample content into the tables of {@code services}. */
    static void seed(LocalServices services, Optional<Path> contentDirectory) {
        // Loading is wired where the content import (jp.yorisoi.content.ContentCsv) and the storage adapters
        // (DynamoMunicipalityStore, DynamoCatalogue) meet this runner; until then the tables start empty.
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
}
