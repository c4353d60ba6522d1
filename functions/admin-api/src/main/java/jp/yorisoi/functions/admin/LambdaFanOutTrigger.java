package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yorisoi.delivery.CatchUpRun;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Invokes the fan-out function asynchronously with the catch-up event. With InvocationType Event, Lambda queues
 * the event and answers 202 without waiting for the function; the payload may be up to 1 MB (ours is a few dozen
 * bytes). If the function returns an error — the fan-out's FanOutContinuesException when its time runs short —
 * Lambda runs it up to two more times with the same event, and the fan-out's EventInvokeConfig sends what still
 * fails to its OnFailure queue (Lambda API reference, "Invoke"; developer guide, "How Lambda handles errors and
 * retries with asynchronous invocation").
 */
public final class LambdaFanOutTrigger implements FanOutTrigger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaClient lambda;
    private final String functionName;

    /** @param functionName the fan-out function's name or ARN (FAN_OUT_FUNCTION) */
    public LambdaFanOutTrigger(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    @Override
    public void start(CatchUpRun run) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(run.toEvent());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catch-up event could not be written", e);
        }
        InvokeResponse response = lambda.invoke(b -> b.functionName(functionName)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(payload)));
        // an accepted asynchronous invocation is 202; anything else means the event was not queued
        if (response.statusCode() == null || response.statusCode() != 202) {
            throw new IllegalStateException("Lambda did not queue the catch-up run: status " + response.statusCode());
        }
    }
}
