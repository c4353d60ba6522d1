package jp.yorisoi.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and reads the repository's sample content ({@code content/}), wherever the build runs from. */
public final class SampleContent {

    private SampleContent() {}

    /** The top-level {@code content/} directory, found by walking up from the working directory. */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("content").resolve("base"))) {
                return dir.resolve("content");
            }
        }
        throw new IllegalStateException("no content/base directory above " + Path.of("").toAbsolutePath());
    }

    /** Parses one file under {@code content/}, e.g. {@code base/ja.csv}. */
    public static ContentImport parse(String relativePath, String owner) {
        try (InputStream in = Files.newInputStream(directory().resolve(relativePath))) {
            return ContentCsv.parse(in, owner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
