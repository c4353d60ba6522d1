package jp.yorisoi.testkit;

import java.net.URI;
import software.amazon.awssdk.services.sqs.SqsClient;

/** ElasticMQ (an SQS-compatible server) running inside this JVM on a free loopback port. */
public final class LocalSqs implements AutoCloseable {

    public static LocalSqs start(int port) {
        throw new UnsupportedOperationException("not yet");
    }

    public URI endpoint() {
        throw new UnsupportedOperationException("not yet");
    }

    public SqsClient client() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {}
}
