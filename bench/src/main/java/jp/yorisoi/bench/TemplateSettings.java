package jp.yorisoi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Settings of the deployment as template.yaml declares them (memory, time-outs, retries, JVM options), read from
 * the checkout's template so that the benchmarks use what is deployed, not a copy of it.
 */
final class TemplateSettings {

    private final Map<String, Object> template;

    private TemplateSettings(Map<String, Object> template) {
        this.template = template;
    }

    /** template.yaml, found by walking up from the working directory. */
    static TemplateSettings load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the checkout: template.yaml not found");
        }
        try {
            // CloudFormation's short tags (!Ref, !GetAtt, !Sub, ...) only wrap values read here as plain ones
            String text = Files.readString(dir.resolve("template.yaml"), StandardCharsets.UTF_8)
                    .replaceAll("(?<=[\\s\\[,:])![A-Za-z]+(?=\\s)", "");
            return new TemplateSettings(new Yaml().load(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A function's property, or the Globals' when the function does not set it. */
    Object functionSetting(String logicalId, String... path) {
        Object own = find(template, prepend(new String[] {"Resources", logicalId, "Properties"}, path));
        return own != null ? own : at(prepend(new String[] {"Globals", "Function"}, path));
    }

    int functionNumber(String logicalId, String... path) {
        Object value = functionSetting(logicalId, path);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("template.yaml: " + logicalId + " " + String.join(".", path)
                    + " is not a number: " + value);
        }
        return number.intValue();
    }

    Object at(String... path) {
        Object value = find(template, path);
        if (value == null) {
            throw new IllegalStateException("template.yaml has no " + String.join(".", path));
        }
        return value;
    }

    private static Object find(Object node, String... path) {
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    private static String[] prepend(String[] head, String[] tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
