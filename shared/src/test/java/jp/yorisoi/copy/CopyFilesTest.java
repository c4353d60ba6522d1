package jp.yorisoi.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every area's copy exists in every language with the same keys, and no text is empty. */
class CopyFilesTest {

    static Stream<String> areas() throws IOException, URISyntaxException {
        Path directory = Path.of(Copy.class.getResource("/copy").toURI());
        Set<String> areas = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".properties"))
                    .forEach(name -> areas.add(name.substring(0, name.indexOf('.'))));
        }
        return areas.stream();
    }

    @ParameterizedTest
    @MethodSource("areas")
    void everyLanguageHasEveryKeyOfTheArea(String area) {
        Set<String> all = new TreeSet<>();
        Copy.LANGUAGES.forEach(language -> all.addAll(Copy.keys(area, language)));
        for (String language : Copy.LANGUAGES) {
            Set<String> missing = new TreeSet<>(all);
            missing.removeAll(Copy.keys(area, language));
            assertEquals(Set.of(), missing, area + "." + language + " lacks keys");
        }
    }

    @ParameterizedTest
    @MethodSource("areas")
    void noTextIsEmpty(String area) {
        for (String language : Copy.LANGUAGES) {
            for (String key : Copy.keys(area, language)) {
                assertFalse(Copy.of(area, language).text(key).isBlank(), area + "." + language + " " + key);
            }
        }
    }
}
