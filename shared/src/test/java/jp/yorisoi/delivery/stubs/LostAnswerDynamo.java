package jp.yorisoi.delivery.stubs;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client on the real emulator whose first write matching a predicate reaches the server and is applied,
 * but whose answer is "lost" on the way back: the SDK sees a broken connection and retries the same request, as it
 * would after a time-out in the cloud. Everything else passes through untouched.
 */
public final class LostAnswerDynamo {

    private final Predicate<SdkRequest> losesAnswer;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final DynamoDbClient client;

    public LostAnswerDynamo(URI endpoint, Predicate<SdkRequest> losesAnswer) {
        this.losesAnswer = losesAnswer;
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new LoseFirstAnswer()))
                .build();
    }

    public DynamoDbClient client() {
        return client;
    }

    /** True once an answer was lost. */
    public boolean lostAnAnswer() {
        return lost.get();
    }

    /** How many requests matching the predicate reached the server (the lost one and its retry count two). */
    public int matchingRequestsSent() {
        return sent.get();
    }

    private final class LoseFirstAnswer implements ExecutionInterceptor {
        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            if (!losesAnswer.test(context.request())) {
                return;
            }
            sent.incrementAndGet();
            if (lost.compareAndSet(false, true)) {
                throw SdkClientException.create("connection reset after the request was applied",
                        new IOException("Connection reset"));
            }
        }
    }
}
