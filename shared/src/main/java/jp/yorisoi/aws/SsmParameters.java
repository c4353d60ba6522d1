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
 * SSM Parameter Store's {@code GetParameter} with decryption: the only SSM call the functions make, so they do
 * not carry the whole SSM SDK module (5.4 MB of a function jar) for it. The request is what the SDK's own client
 * sends, signed by the SDK's own SigV4 signer: SSM speaks the AWS JSON 1.1 protocol, a {@code POST /} with
 * {@code Content-Type: application/x-amz-json-1.1} and {@code X-Amz-Target: AmazonSSM.GetParameter}, the input
 * as a JSON object ({"Name", "WithDecryption"}) and the output {"Parameter": {"Value", ...}}; an error is a 4xx/5xx
 * whose JSON {@code __type} names it, possibly after a {@code namespace#} prefix
 * (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html,
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html). A missing parameter is
 * {@code ParameterNotFound}. Throttling, 5xx and I/O errors are tried again twice after a short pause, as the SDK's
 * standard retry mode would; anything else fails the call.
 */
public final class SsmParameters implements Parameters {

    static final String TARGET = "AmazonSSM.GetParameter";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final int ATTEMPTS = 3;
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient http;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Consumer<Duration> sleeper;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SsmParameters(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this(http, endpoint, region, credentials, SsmParameters::pause);
    }

    SsmParameters(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials,
            Consumer<Duration> sleeper) {
        this.http = http;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.sleeper = sleeper;
    }

    /** SSM's public endpoint in the region's partition, e.g. https://ssm.ap-northeast-1.amazonaws.com. */
    public static URI defaultEndpoint(Region region) {
        String domain = Optional.ofNullable(region.metadata()).map(RegionMetadata::domain).orElse("amazonaws.com");
        return URI.create("https://ssm." + region.id() + "." + domain);
    }

    @Override
    public Optional<String> decrypted(String name) {
        byte[] body = json(Map.of("Name", name, "WithDecryption", true));
        for (int attempt = 1; ; attempt++) {
            Reply reply;
            try {
                reply = call(body);
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    sleeper.accept(FIRST_PAUSE.multipliedBy(1L << (attempt - 1)));
                    continue;
                }
                throw new UncheckedIOException("SSM GetParameter did not answer", e);
            }
            if (reply.status() == 200) {
                JsonNode value = reply.json().path("Parameter").path("Value");
                if (!value.isTextual()) {
                    throw new IllegalStateException("SSM GetParameter answered without a parameter value");
                }
                return Optional.of(value.asText());
            }
            String error = errorCode(reply.json());
            if ("ParameterNotFound".equals(error)) {
                return Optional.empty();
            }
            boolean retryable = reply.status() >= 500 || error.contains("Throttl") || reply.status() == 429;
            if (!retryable || attempt >= ATTEMPTS) {
                throw new IllegalStateException("SSM GetParameter failed: HTTP " + reply.status() + " " + error);
            }
            sleeper.accept(FIRST_PAUSE.multipliedBy(1L << (attempt - 1)));
        }
    }

    private Reply call(byte[] body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", TARGET)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(SignRequest.builder(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to ask SSM again", e);
        }
    }

    private record Reply(int status, JsonNode json) {}
}
