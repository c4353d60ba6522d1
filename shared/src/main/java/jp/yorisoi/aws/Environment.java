package jp.yorisoi.aws;

import java.net.URI;
import java.util.Map;
import jp.yorisoi.municipality.Municipality;

/**
 * The settings every function reads from its Lambda environment in the same way, so that a missing table name
 * or a default SSM prefix means the same thing in each of them.
 */
public final class Environment {

    static final String DEFAULT_LINE_API = "https://api.line.me";

    private Environment() {}

    /** @throws IllegalStateException naming the variable when it is unset or blank: a clear start-up error */
    public static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    /** SSM_PREFIX when set, else "/yorisoi/{STAGE}": a function never guesses its stage's secrets. */
    public static String ssmPrefix(Map<String, String> env) {
        String prefix = env.get("SSM_PREFIX");
        return prefix != null && !prefix.isBlank() ? prefix : "/yorisoi/" + required(env, "STAGE");
    }

    /** LINE_API_BASE_URL, else LINE's own API. */
    public static URI lineApiBase(Map<String, String> env) {
        return URI.create(env.getOrDefault("LINE_API_BASE_URL", DEFAULT_LINE_API));
    }

    /** DEFAULT_DELIVERY_HOUR (the template parameter) for towns whose record names no hour of their own. */
    public static int defaultDeliveryHour(Map<String, String> env) {
        return Integer.parseInt(
                env.getOrDefault("DEFAULT_DELIVERY_HOUR", Integer.toString(Municipality.DEFAULT_DELIVERY_HOUR)));
    }
}
