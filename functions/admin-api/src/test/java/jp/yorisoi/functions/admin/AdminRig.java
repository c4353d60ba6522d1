package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * The admin API's outside world for integration tests: the tables of template.yaml in DynamoDB Local, and SSM and a
 * staff user pool (as template.yaml declares it: e-mail user names, custom:municipalityId, the three groups) in one
 * moto_server for the whole test JVM. Each rig gets fresh tables and its own user pool.
 */
final class AdminRig {

    private static MotoServer moto;

    final LocalTables tables = LocalTables.create();
    final AwsClients aws;
    final String userPoolId;
    final DynamoAuditLog audit;
    final DynamoMunicipalityStore towns;
    final SsmChannelSecrets channels;
    final CognitoStaffDirectory staff;
    final String ssmPrefix = "/yorisoi/t" + UUID.randomUUID().toString().substring(0, 8);

    AdminRig(Clock auditClock) {
        aws = AwsClients.forEmulator(moto().endpoint());
        userPoolId = createUserPool();
        audit = new DynamoAuditLog(tables.dynamo(), tables.names().get("AuditTable"), auditClock);
        towns = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
        channels = new SsmChannelSecrets(aws.ssm(), ssmPrefix);
        staff = new CognitoStaffDirectory(aws.cognito(), userPoolId);
    }

    AdminApiHandler handler(FanOutTrigger fanOut, Clock clock, CatchUpWindow window) {
        return new AdminApiHandler(new AdminApiHandler.Ports(
                new DueReaders(towns, new DynamoReaderStore(tables.dynamo(), tables.readers())),
                fanOut, audit, towns, channels, staff, clock, window));
    }

    AdminApiHandler handler(FanOutTrigger fanOut, Clock clock) {
        return handler(fanOut, clock, new CatchUpWindow(CatchUpWindow.DEFAULT_DAYS_BACK, 0));
    }

    CognitoIdentityProviderClient cognitoSdk() {
        return CognitoIdentityProviderClient.builder().region(Region.AP_NORTHEAST_1)
                .endpointOverride(moto().endpoint()).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private String createUserPool() {
        try (CognitoIdentityProviderClient cognito = cognitoSdk()) {
            String pool = cognito.createUserPool(r -> r.poolName("staff-" + UUID.randomUUID())
                    .usernameAttributes(UsernameAttributeType.EMAIL)
                    .schema(s -> s.name("municipalityId").attributeDataType(AttributeDataType.STRING).mutable(true)))
                    .userPool().id();
            for (String group : StaffApi.GROUPS) {
                cognito.createGroup(r -> r.userPoolId(pool).groupName(group));
            }
            return pool;
        }
    }

    /** One moto_server per test JVM, stopped with it; tests are skipped where moto_server is not installed. */
    static synchronized MotoServer moto() {
        if (moto == null) {
            try {
                moto = MotoServer.startIfInstalled().orElse(null);
            } catch (IOException e) {
                throw new IllegalStateException("moto_server did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assumeTrue(moto != null, "moto_server is not installed (pip install 'moto[server]')");
            MotoServer started = moto;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return moto;
    }
}
