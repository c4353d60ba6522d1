package jp.yorisoi.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import jp.yorisoi.aws.Priming;

/**
 * Runs in a fresh JVM whose class path starts with one function's jar: builds the handler by name as Lambda does,
 * optionally runs its SnapStart priming hooks as a checkpoint would ({@code prime}), then makes the first handler
 * call with a sample event and prints {@code CALL_MS} (that call alone) and {@code RESULT}. With handler
 * {@code floor} it builds one DynamoDB client and makes one GetItem instead ({@link FloorHandler}).
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        boolean prime = args.length > 2 && args[2].equals("prime");
        if (args[0].equals("floor")) {
            FloorHandler floor = new FloorHandler();
            long start = System.nanoTime();
            String result = floor.call();
            System.out.println("CALL_MS " + (System.nanoTime() - start) / 1e6);
            System.out.println("RESULT " + result);
            System.exit(0);
        }
        Class<?> handlerClass = Class.forName(args[0]);
        RequestHandler handler = (RequestHandler) handlerClass.getDeclaredConstructor().newInstance();
        if (prime) {
            Priming.checkpoint();
        }
        ObjectMapper json = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Class<?> eventType = Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge())
                .map(Method::getParameterTypes).map(types -> types[0]).findFirst().orElse(Object.class);
        Class<Object> readAs = (Class<Object>) (eventType == Object.class || Map.class.isAssignableFrom(eventType)
                ? Map.class : eventType);
        Object event = json.readValue(Path.of(args[1]).toFile(), readAs);
        long start = System.nanoTime();
        Object result = handler.handleRequest(event, null);
        System.out.println("CALL_MS " + (System.nanoTime() - start) / 1e6);
        String text = String.valueOf(result);
        System.out.println("RESULT " + text.substring(0, Math.min(80, text.length())).replace('|', '/'));
        System.exit(0);
    }
}
