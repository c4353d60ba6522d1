package jp.yorisoi.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs in a child JVM whose classpath is one function's shaded jar (and, as in Lambda's runtime, the runtime's
 * own event serialization): builds the handler as Lambda does (by name, no-arg constructor, configuration from
 * the environment) and calls it once with a sample event, read into the handler's declared event type the way
 * Lambda's Java runtime reads it, and a Lambda context whose request id is {@link #REQUEST_ID}.
 */
public final class JarProbe {

    static final String REQUEST_ID = "8f5c5a4e-probe-request";

    private JarProbe() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Class<?> handlerClass = Class.forName(args[0]);
        RequestHandler handler = (RequestHandler) handlerClass.getDeclaredConstructor().newInstance();
        Class<?> eventType = eventType(handlerClass);
        Object event;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            event = eventType == Object.class || Map.class.isAssignableFrom(eventType)
                    ? new ObjectMapper().readValue(in, Map.class)
                    : LambdaEventSerializers.serializerFor(eventType, handlerClass.getClassLoader()).fromJson(in);
        }
        System.out.println("RESULT " + new ObjectMapper().writeValueAsString(handler.handleRequest(event, new ProbeContext())));
        System.exit(0);
    }

    /** The first parameter of the handler's non-bridge handleRequest(event, context). */
    private static Class<?> eventType(Class<?> handlerClass) {
        return Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge())
                .map(Method::getParameterTypes)
                .map(types -> types[0])
                .findFirst()
                .orElse(Object.class);
    }

    /** What Lambda hands a handler, as far as a run outside Lambda can say. */
    private static final class ProbeContext implements Context {
        @Override public String getAwsRequestId() { return REQUEST_ID; }
        @Override public String getLogGroupName() { return "/aws/lambda/probe"; }
        @Override public String getLogStreamName() { return "probe"; }
        @Override public String getFunctionName() { return "probe"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:ap-northeast-1:000000000000:function:probe"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 900_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
