package jp.yorisoi.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS clients every function uses: explicit region, the light URL-connection HTTP client, and an
 * endpoint from {@code AWS_ENDPOINT_URL} when set, so the local runner and tests point them at an emulator, and
 * time-outs on every call.
 */
public final class AwsClients {

    /**
     * Bounds on every call, well under the shortest function time-out that uses these clients (the webhook's 20 s;
     * the senders have 60 s): a stalled connection fails the call, and the job or event is retried, instead of
     * the function being killed mid-batch. One attempt of a DynamoDB, SQS, SES or SSM call answers in well under a
     * second; the whole call leaves room for the SDK's retries with back-off.
     */
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(8);

    private final Region region;
    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;

    public AwsClients(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /** From the Lambda environment: AWS_REGION, optional AWS_ENDPOINT_URL, default credentials chain. */
    public static AwsClients fromEnvironment(Map<String, String> env) {
        Region region = Region.of(env.getOrDefault("AWS_REGION", "ap-northeast-1"));
        Optional<URI> endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL"))
                .filter(s -> !s.isBlank())
                .map(URI::create);
        AwsCredentialsProvider credentials = endpoint.isPresent() && env.get("AWS_ACCESS_KEY_ID") == null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
        return new AwsClients(region, endpoint, credentials);
    }

    /** Clients for an emulator at {@code endpoint} with dummy credentials (tests, local runner). */
    public static AwsClients forEmulator(URI endpoint) {
        return new AwsClients(Region.AP_NORTHEAST_1, Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), timeouts()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), timeouts()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * Lambda, for the admin API's asynchronous invoke of the fan-out: Lambda queues the event and answers 202 at
     * once, so the call is bounded like the others. An SDK retry after a time-out whose request Lambda had queued
     * runs the town twice, which the ledger makes harmless.
     */
    public LambdaClient lambda() {
        return configure(LambdaClient.builder(), timeouts()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * SES without SDK retries: SES has no idempotency key, so a retry after a time-out whose request SES accepted
     * would send the mail twice. A throttled or failed send goes back to the job queue instead (the ledger
     * releases it), and a time-out is left in doubt rather than repeated.
     */
    public SesV2Client ses() {
        return configure(SesV2Client.builder(), timeouts().retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * SSM Parameter Store through {@link SsmParameters}, not the SSM SDK module. Its endpoint follows the SDK's
     * order: the configured endpoint (AWS_ENDPOINT_URL), else AWS_ENDPOINT_URL_SSM, else SSM's regional endpoint.
     * Each attempt is bounded like the SDK clients' attempts; its own retries stay within their whole-call bound.
     */
    public SsmParameters ssm() {
        URI ssmEndpoint = endpoint
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_SSM")).filter(s -> !s.isBlank())
                        .map(URI::create))
                .orElseGet(() -> SsmParameters.defaultEndpoint(region));
        return new SsmParameters(UrlConnectionHttpClient.builder()
                .connectionTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .socketTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .build(), ssmEndpoint, region, credentials);
    }

    /**
     * Cognito user pools' API (the admin API's staff accounts) through {@link AwsJsonService}: the configured endpoint
     * (AWS_ENDPOINT_URL), else AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER (the SDK's name for this service), else the
     * regional endpoint; bounded like the others.
     */
    public AwsJsonService cognito() {
        URI cognitoEndpoint = endpoint
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"))
                        .filter(s -> !s.isBlank()).map(URI::create))
                .orElseGet(() -> AwsJsonService.defaultEndpoint("cognito-idp", region));
        return new AwsJsonService(UrlConnectionHttpClient.builder()
                .connectionTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .socketTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .build(), cognitoEndpoint, region, credentials, "cognito-idp", "AWSCognitoIdentityProviderService",
                AwsJsonService::pause);
    }

    private static ClientOverrideConfiguration.Builder timeouts() {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(API_CALL_TIMEOUT);
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, ClientOverrideConfiguration.Builder override) {
        builder.region(region).credentialsProvider(credentials).overrideConfiguration(override.build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
