package jp.yorisoi.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a child JVM whose classpath is one function's shaded jar: builds the handler as Lambda does (by name,
 * no-arg constructor, configuration from the environment) and calls it once with a sample event.
 */
public final class JarProbe {

    private JarProbe() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        RequestHandler handler = (RequestHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Map<String, Object> event = new ObjectMapper().readValue(Files.readString(Path.of(args[1])), Map.class);
        System.out.println("RESULT " + new ObjectMapper().writeValueAsString(handler.handleRequest(event, null)));
        System.exit(0);
    }
}
