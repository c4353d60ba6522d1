package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.net.URI;
import java.time.Duration;
import jp.yorisoi.aws.AwsJsonService;
import jp.yorisoi.aws.SsmParameters;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.privacy.ReaderErasure;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * The admin API's outside world for integration tests: the tables of template.yaml in DynamoDB Local, and SSM and a
 * staff user pool (as template.yaml declares it: e-mail user names, custom:municipalityId, the three groups) in one
 * moto_server for the whole test JVM. Each rig gets fresh tables and its own SSM prefix; the user pool is shared.
 */
final class AdminRig {

    private static MotoServer moto;
    private static String sharedUserPoolId;
    /** moto answers slowly on a busy machine; the deployed bounds (AwsClients) are for AWS itself. */
    private static final Duration EMULATOR_TIMEOUT = Duration.ofSeconds(30);

    final LocalTables tables;
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    final SsmParameters ssm;
    final String userPoolId;
    final DynamoAuditLog audit;
    final DynamoMunicipalityStore towns;
    final SsmChannelSecrets channels;
    final CognitoStaffDirectory staff;
    final DynamoCatalogue catalogue;
    final ReaderErasure erasure;
    final String ssmPrefix = "/yorisoi/t" + UUID.randomUUID().toString().substring(0, 8);

    AdminRig(Clock auditClock) {
        this(auditClock, LocalTables.create());
    }

    /** Over tables made elsewhere, e.g. a delivery rig's, so the senders read what the routes wrote. */
    AdminRig(Clock auditClock, LocalTables tables) {
        this.tables = tables;
        URI endpoint = moto().endpoint();
        ssm = new SsmParameters(http(), endpoint, Region.AP_NORTHEAST_1, CREDENTIALS);
        userPoolId = userPool();
        audit = new DynamoAuditLog(tables.dynamo(), tables.names().get("AuditTable"), auditClock);
        towns = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
        channels = new SsmChannelSecrets(ssm, ssmPrefix);
        staff = new CognitoStaffDirectory(new AwsJsonService(http(), endpoint, Region.AP_NORTHEAST_1, CREDENTIALS,
                "cognito-idp", "AWSCognitoIdentityProviderService", AwsJsonService::pause), userPoolId);
        catalogue = new DynamoCatalogue(tables.dynamo(), tables.content());
        erasure = new ReaderErasure(new DynamoReaderStore(tables.dynamo(), tables.readers()),
                new DynamoLedger(tables.dynamo(), tables.ledger(), tables.readers()), Clock.systemUTC());
    }

    AdminApiHandler handler(FanOutTrigger fanOut, Clock clock, CatchUpWindow window) {
        return handler(fanOut, clock, window, TestPrograms.over(tables, LocalQueues.create()));
    }

    AdminApiHandler handler(FanOutTrigger fanOut, Clock clock, CatchUpWindow window, ProgramServices program) {
        return new AdminApiHandler(new AdminApiHandler.Ports(
                new DueReaders(towns, new DynamoReaderStore(tables.dynamo(), tables.readers())),
                fanOut, audit, towns, channels, staff, catalogue, erasure, program, clock, window));
    }

    AdminApiHandler handler(FanOutTrigger fanOut, Clock clock) {
        return handler(fanOut, clock, new CatchUpWindow(CatchUpWindow.DEFAULT_DAYS_BACK, 0));
    }

    static CognitoIdentityProviderClient cognitoSdk() {
        return CognitoIdentityProviderClient.builder().region(Region.AP_NORTHEAST_1)
                .endpointOverride(moto().endpoint()).httpClient(http()).credentialsProvider(CREDENTIALS).build();
    }

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(EMULATOR_TIMEOUT).socketTimeout(EMULATOR_TIMEOUT)
                .build();
    }

    /** One pool for the test JVM (moto is slow to make them); tests tell their accounts apart by e-mail and town. */
    private static synchronized String userPool() {
        if (sharedUserPoolId == null) {
            sharedUserPoolId = createUserPool();
        }
        return sharedUserPoolId;
    }

    private static String createUserPool() {
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
