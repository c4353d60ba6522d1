package jp.yorisoi.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * One AWS service that speaks the AWS JSON 1.1 protocol (SSM, Cognito user pools), called as the SDK's own client
 * calls it, signed by the SDK's own SigV4 signer, so a function need not carry that service's whole SDK module
 * (SSM's is 6 MB, Cognito's 3.5 MB of a jar with a 20 MB budget): a {@code POST /} with {@code Content-Type:
 * application/x-amz-json-1.1} and {@code X-Amz-Target: {prefix}.{Operation}}, the input as a JSON object, the output
 * a JSON object; an error is a 4xx/5xx whose JSON {@code __type} names it, possibly after a {@code namespace#}
 * prefix (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html). Throttling, 5xx and I/O errors are tried
 * again twice after a short pause, as the SDK's standard retry mode would; anything else fails the call.
 */
public final class AwsJsonService {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final int ATTEMPTS = 3;
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An error the service answered, by its code (e.g. "ParameterNotFound", "UsernameExistsException"). */
    public static final class Failure extends IllegalStateException {
        private final int status;
        private final String code;

        Failure(String operation, int status, String code) {
            super(operation + " failed: HTTP " + status + " " + code);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final SdkHttpClient http;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final String signingName;
    private final String targetPrefix;
    private final Consumer<Duration> sleeper;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param signingName  SigV4's service name ("ssm", "cognito-idp")
     * @param targetPrefix the X-Amz-Target prefix ("AmazonSSM", "AWSCognitoIdentityProviderService")
     */
    public AwsJsonService(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials,
            String signingName, String targetPrefix, Consumer<Duration> sleeper) {
        this.http = http;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.sleeper = sleeper;
    }

    /** The service's public endpoint in the region's partition, e.g. https://ssm.ap-northeast-1.amazonaws.com. */
    public static URI defaultEndpoint(String endpointPrefix, Region region) {
        String domain = Optional.ofNullable(region.metadata()).map(RegionMetadata::domain).orElse("amazonaws.com");
        return URI.create("https://" + endpointPrefix + "." + region.id() + "." + domain);
    }

    /**
     * @return the operation's output
     * @throws Failure when the service answers an error (after retries, for the retryable ones)
     */
    public JsonNode call(String operation, Map<String, Object> input) {
        byte[] body = json(input);
        for (int attempt = 1; ; attempt++) {
            Reply reply;
            try {
                reply = send(operation, body);
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    sleeper.accept(FIRST_PAUSE.multipliedBy(1L << (attempt - 1)));
                    continue;
                }
                throw new UncheckedIOException(targetPrefix + "." + operation + " did not answer", e);
            }
            if (reply.status() == 200) {
                return reply.json();
            }
            String error = errorCode(reply.json());
            boolean retryable = reply.status() >= 500 || error.contains("Throttl") || reply.status() == 429
                    || error.equals("TooManyRequestsException");
            if (!retryable || attempt >= ATTEMPTS) {
                throw new Failure(targetPrefix + "." + operation, reply.status(), error);
            }
            sleeper.accept(FIRST_PAUSE.multipliedBy(1L << (attempt - 1)));
        }
    }

    private Reply send(String operation, byte[] body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(SignRequest.builder(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .build());
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        JsonNode json = JSON.missingNode();
        if (response.responseBody().isPresent()) {
            try (InputStream in = response.responseBody().get()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length > 0) {
                    try {
                        json = JSON.readTree(bytes);
                    } catch (IOException e) {
                        json = JSON.missingNode();
                    }
                }
            }
        }
        return new Reply(response.httpResponse().statusCode(), json);
    }

    /** "com.amazonaws.ssm#ParameterNotFound" or "ParameterNotFound:http://..." both name ParameterNotFound. */
    static String errorCode(JsonNode body) {
        String type = body.path("__type").asText(body.path("code").asText("Unknown"));
        int hash = type.indexOf('#');
        if (hash >= 0) {
            type = type.substring(hash + 1);
        }
        int colon = type.indexOf(':');
        return colon >= 0 ? type.substring(0, colon) : type;
    }

    private static byte[] json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard pause between attempts (tests pass one that records instead). */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to ask again", e);
        }
    }

    private record Reply(int status, JsonNode json) {}
}
