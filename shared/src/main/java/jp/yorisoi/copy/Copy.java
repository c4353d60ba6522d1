package jp.yorisoi.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parent-facing copy, kept in resource files a town or a translator can review instead of Java literals: one UTF-8
 * properties file per area and language, {@code copy/<area>.<language>.properties} (languages {@link #LANGUAGES}).
 * Values are {@link MessageFormat} patterns ({0}, {1} …; a literal apostrophe is written ''). A language without a
 * file for the area, or without the key, falls back to {@code ja}; {@code CopyFilesTest} fails when any language
 * lacks a key, so the fallback only serves languages a town adds beyond these.
 */
public final class Copy {

    /** The languages every parent-facing text exists in. */
    public static final List<String> LANGUAGES = List.of("ja", "ja-easy", "en");
    public static final String FALLBACK = "ja";

    private static final Map<String, Properties> FILES = new ConcurrentHashMap<>();

    private final String area;
    private final String language;

    private Copy(String area, String language) {
        this.area = area;
        this.language = language;
    }

    /** The copy of one area (e.g. "registration", "signup") in the reader's language. */
    public static Copy of(String area, String language) {
        return new Copy(area, language == null ? FALLBACK : language);
    }

    public String language() {
        return language;
    }

    /** The text for this key with its arguments filled in; the ja text when this language lacks it. */
    public String text(String key, Object... arguments) {
        String pattern = file(area, language).getProperty(key);
        if (pattern == null) {
            pattern = file(area, FALLBACK).getProperty(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no copy for " + area + "." + key);
        }
        return arguments.length == 0 ? pattern.replace("''", "'")
                : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /** The keys of one area and language as written in its file (none when there is no file). */
    public static Set<String> keys(String area, String language) {
        return new TreeSet<>(file(area, language).stringPropertyNames());
    }

    private static Properties file(String area, String language) {
        return FILES.computeIfAbsent(area + "." + language, Copy::load);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Copy.class.getResourceAsStream("/copy/" + name + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copy/" + name + ".properties cannot be read", e);
        }
        return properties;
    }
}
