package jp.yorisoi.testkit;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running inside this JVM on a free loopback port, in memory. Its sqlite native library is
 * unpacked by DynamoDB Local itself from its own jar, so no {@code sqlite4java.library.path} is needed.
 *
 * <p>Tests share one server per JVM through {@link #shared()}; tables from template.yaml are cheap to create
 * under a per-class prefix, so classes stay isolated without paying for a server each.
 */
public final class LocalDynamo implements AutoCloseable {

    private static LocalDynamo shared;

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamo(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Emulators.REGION)
                .credentialsProvider(Emulators.CREDENTIALS)
                .httpClient(Emulators.httpClient())
                .build();
    }

    /** Starts a server on a free port (or {@code port} when > 0). */
    public static LocalDynamo start(int port) {
        int p = port > 0 ? port : Emulators.freePort();
        try {
            // without -disableTelemetry it phones home and drops a metadata file into the working directory
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(p)});
            server.start();
            return new LocalDynamo(server, p);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + p, e);
        }
    }

    /**
     * The server shared by every caller in this JVM, started on first use and stopped when the JVM exits.
     * {@link #close()} on it does nothing, so try-with-resources in one test class cannot pull it from under
     * another.
     */
    public static synchronized LocalDynamo shared() {
        if (shared == null) {
            LocalDynamo started = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "local-dynamo-stop"));
            shared = started;
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server (url-connection HTTP client, dummy credentials, ap-northeast-1). */
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        synchronized (LocalDynamo.class) {
            if (this == shared) {
                return;
            }
        }
        stop();
    }

    private void stop() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
