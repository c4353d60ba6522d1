package jp.yorisoi.testkit;

import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local running inside this JVM on a free loopback port. */
public final class LocalDynamo implements AutoCloseable {

    /** Starts a server on a free port (or {@code port} when > 0). */
    public static LocalDynamo start(int port) {
        throw new UnsupportedOperationException("not yet");
    }

    public URI endpoint() {
        throw new UnsupportedOperationException("not yet");
    }

    /** A client for this server (url-connection HTTP client, dummy credentials, ap-northeast-1). */
    public DynamoDbClient client() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {}
}
