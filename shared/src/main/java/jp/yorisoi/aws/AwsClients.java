package jp.yorisoi.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS clients every function uses: explicit region, the light URL-connection HTTP client, and an
 * endpoint from {@code AWS_ENDPOINT_URL} when set, so the local runner and tests point them at an emulator.
 */
public final class AwsClients {

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
        return configure(DynamoDbClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SesV2Client ses() {
        return configure(SesV2Client.builder()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * SSM Parameter Store through {@link SsmParameters}, not the SSM SDK module. Its endpoint follows the SDK's
     * order: the configured endpoint (AWS_ENDPOINT_URL), else AWS_ENDPOINT_URL_SSM, else SSM's regional endpoint.
     */
    public Parameters ssm() {
        URI ssmEndpoint = endpoint
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_SSM")).filter(s -> !s.isBlank())
                        .map(URI::create))
                .orElseGet(() -> SsmParameters.defaultEndpoint(region));
        return new SsmParameters(UrlConnectionHttpClient.create(), ssmEndpoint, region, credentials);
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
