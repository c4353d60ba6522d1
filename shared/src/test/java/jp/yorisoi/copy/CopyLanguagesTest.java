package jp.yorisoi.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parent-facing text is written for each language, not copied from Japanese, and takes the same values in
 * every language: a translation that drops {0} or keeps the Japanese wording fails here.
 */
class CopyLanguagesTest {

    /** Texts that are meant to read the same: the languages' own names, a date's digits, 生まれました on its button. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("registration.language.name.ja",
            "registration.language.name.ja-easy", "registration.language.name.en", "registration.menu.born",
            "registration.menu.label", "registration.menu.say", "registration.restart.say", "registration.delete.no");
    /** English written in digits only. */
    private static final Set<String> DIGITS_ONLY = Set.of("registration.date");
    /** Said in the language it names, so that language's text needs no value for the name. */
    private static final Set<String> NAMES_ITSELF = Set.of("registration.languageChanged");

    static Stream<String> areas() throws IOException, URISyntaxException {
        return CopyFilesTest.areas();
    }

    @ParameterizedTest
    @MethodSource("areas")
    void easyJapaneseAndEnglishAreWrittenForThemselves(String area) {
        for (String key : Copy.keys(area, "ja")) {
            if (SAME_IN_EVERY_LANGUAGE.contains(area + "." + key)) {
                continue;
            }
            String ja = pattern(area, "ja", key);
            assertNotEquals(ja, pattern(area, "en", key), area + ".en " + key + " is the Japanese text");
            assertNotEquals(ja, pattern(area, "ja-easy", key), area + ".ja-easy " + key + " is the Japanese text");
        }
    }

    @ParameterizedTest
    @MethodSource("areas")
    void englishTextsAreInEnglish(String area) {
        for (String key : Copy.keys(area, "en")) {
            if (DIGITS_ONLY.contains(area + "." + key) || SAME_IN_EVERY_LANGUAGE.contains(area + "." + key)) {
                continue;
            }
            assertTrue(pattern(area, "en", key).matches("(?s).*[A-Za-z]{2,}.*"), area + ".en " + key);
        }
    }

    @ParameterizedTest
    @MethodSource("areas")
    void everyLanguageTakesTheSameValues(String area) {
        for (String key : Copy.keys(area, "ja")) {
            int values = new MessageFormat(pattern(area, "ja", key), Locale.ROOT).getFormatsByArgumentIndex().length;
            for (String language : Copy.LANGUAGES) {
                if (!language.equals("ja") && NAMES_ITSELF.contains(area + "." + key)) {
                    continue;
                }
                assertEquals(values, new MessageFormat(pattern(area, language, key), Locale.ROOT)
                        .getFormatsByArgumentIndex().length, area + "." + language + " " + key);
            }
        }
    }

    private static String pattern(String area, String language, String key) {
        Properties properties = new Properties();
        try (InputStream in = Copy.class.getResourceAsStream("/copy/" + area + "." + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties.getProperty(key);
    }
}
