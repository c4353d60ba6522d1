package jp.yorisoi.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * SSM Parameter Store through {@link AwsJsonService} (the AWS JSON 1.1 protocol, {@code X-Amz-Target:
 * AmazonSSM.{Operation}}), so that the functions do not carry the whole SSM SDK module (5.4 MB of a function jar)
 * for three calls: {@code GetParameter} with decryption ({"Name", "WithDecryption"} → {"Parameter": {"Value", ...}};
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html), the same without
 * decryption to learn only whether a parameter exists, and {@code PutParameter} of a SecureString with Overwrite
 * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html), encrypted with the
 * account's AWS managed key aws/ssm, whose key policy lets every principal of the account use it through SSM. A
 * missing parameter is {@code ParameterNotFound}.
 */
public final class SsmParameters implements SecureParameters {

    static final Duration FIRST_PAUSE = AwsJsonService.FIRST_PAUSE;
    static final int ATTEMPTS = AwsJsonService.ATTEMPTS;

    private final AwsJsonService ssm;

    public SsmParameters(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this(http, endpoint, region, credentials, AwsJsonService::pause);
    }

    SsmParameters(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials,
            Consumer<Duration> sleeper) {
        this.ssm = new AwsJsonService(http, endpoint, region, credentials, "ssm", "AmazonSSM", sleeper);
    }

    /** SSM's public endpoint in the region's partition, e.g. https://ssm.ap-northeast-1.amazonaws.com. */
    public static URI defaultEndpoint(Region region) {
        return AwsJsonService.defaultEndpoint("ssm", region);
    }

    @Override
    public Optional<String> decrypted(String name) {
        return parameter(name, true).map(parameter -> {
            JsonNode value = parameter.path("Value");
            if (!value.isTextual()) {
                throw new IllegalStateException("SSM GetParameter answered without a parameter value");
            }
            return value.asText();
        });
    }

    /** Without decryption: the answer carries the ciphertext, which is not read; no use of the key is needed. */
    @Override
    public boolean exists(String name) {
        return parameter(name, false).isPresent();
    }

    @Override
    public void putSecureString(String name, String value) {
        ssm.call("PutParameter", Map.of("Name", name, "Value", value, "Type", "SecureString", "Overwrite", true));
    }

    private Optional<JsonNode> parameter(String name, boolean decrypt) {
        try {
            return Optional.of(ssm.call("GetParameter", Map.of("Name", name, "WithDecryption", decrypt))
                    .path("Parameter"));
        } catch (AwsJsonService.Failure e) {
            if ("ParameterNotFound".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
