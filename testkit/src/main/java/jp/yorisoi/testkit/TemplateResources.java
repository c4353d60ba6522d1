package jp.yorisoi.testkit;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The tables and queues declared in template.yaml, created in an emulator from that same declaration so
 * that local and cloud cannot drift.
 */
public final class TemplateResources {

    /** Reads template.yaml, found by walking up from the working directory. */
    public static TemplateResources locate() {
        throw new UnsupportedOperationException("not yet");
    }

    public static TemplateResources load(Path templateYaml) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Creates every AWS::DynamoDB::Table (keys, GSIs, TTL) named {@code prefix + logicalId}; existing tables are
     * left alone. Returns logical id → table name.
     */
    public Map<String, String> createTables(DynamoDbClient dynamo, String prefix) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Creates every AWS::SQS::Queue (visibility timeout, redrive to its DLQ) named {@code prefix + logicalId}.
     * Returns logical id → queue URL.
     */
    public Map<String, String> createQueues(SqsClient sqs, String prefix) {
        throw new UnsupportedOperationException("not yet");
    }
}
