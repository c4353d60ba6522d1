package jp.yorisoi.testkit;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ (an SQS-compatible server) running inside this JVM on a free loopback port. It speaks the JSON
 * protocol the SDK v2 SQS client uses. {@link #shared()} gives one server per JVM.
 */
public final class LocalSqs implements AutoCloseable {

    private static LocalSqs shared;

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    private LocalSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Emulators.REGION)
                .credentialsProvider(Emulators.CREDENTIALS)
                .httpClient(Emulators.httpClient())
                .build();
    }

    /** Starts a server on a free port (or {@code port} when > 0). */
    public static LocalSqs start(int port) {
        int p = port > 0 ? port : Emulators.freePort();
        // the server address goes into the queue URLs it hands out, so it must name the real port
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(p)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", p, ""))
                .withAWSRegion(Emulators.REGION.id())
                .start();
        server.waitUntilStarted();
        return new LocalSqs(server, p);
    }

    /**
     * The server shared by every caller in this JVM, started on first use and stopped when the JVM exits;
     * {@link #close()} on it does nothing.
     */
    public static synchronized LocalSqs shared() {
        if (shared == null) {
            LocalSqs started = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "local-sqs-stop"));
            shared = started;
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server (url-connection HTTP client, dummy credentials, ap-northeast-1). */
    public SqsClient client() {
        return client;
    }

    @Override
    public void close() {
        synchronized (LocalSqs.class) {
            if (this == shared) {
                return;
            }
        }
        stop();
    }

    private void stop() {
        client.close();
        server.stopAndWait();
    }
}
