package jp.yorisoi.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import jp.yorisoi.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** {@link SsmParameters} against moto_server's SSM: a SecureString put by the SDK is read back decrypted. */
class SsmParametersMotoIT {

    static MotoServer moto;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.startIfInstalled().orElse(null);
        assumeTrue(moto != null, "moto_server is not installed (pip install 'moto[server]')");
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void secureStringPutByTheSdkIsReadBackDecrypted() {
        AwsClients aws = AwsClients.forEmulator(moto.endpoint());
        try (SsmClient sdk = SsmClient.builder().region(Region.AP_NORTHEAST_1)
                .endpointOverride(moto.endpoint()).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local", "local")))
                .build()) {
            sdk.putParameter(r -> r.name("/yorisoi/dev/line/m1/channel-token").value("トークン-1")
                    .type(ParameterType.SECURE_STRING));
        }

        assertEquals(Optional.of("トークン-1"), aws.ssm().decrypted("/yorisoi/dev/line/m1/channel-token"));
    }

    @Test
    void aSecureStringPutThroughItIsReadBackDecryptedAndExists() {
        SsmParameters ssm = AwsClients.forEmulator(moto.endpoint()).ssm();

        ssm.putSecureString("/yorisoi/dev/line/m2/channel-secret", "秘密-1");
        ssm.putSecureString("/yorisoi/dev/line/m2/channel-secret", "秘密-2");

        assertEquals(Optional.of("秘密-2"), ssm.decrypted("/yorisoi/dev/line/m2/channel-secret"));
        assertTrue(ssm.exists("/yorisoi/dev/line/m2/channel-secret"));
        assertFalse(ssm.exists("/yorisoi/dev/line/m2/channel-token"));
    }

    @Test
    void aParameterNobodyPutIsEmpty() {
        assertEquals(Optional.empty(), AwsClients.forEmulator(moto.endpoint()).ssm().decrypted("/yorisoi/dev/nothing"));
    }
}
