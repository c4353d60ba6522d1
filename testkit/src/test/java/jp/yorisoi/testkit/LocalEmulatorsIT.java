package jp.yorisoi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class LocalEmulatorsIT {

    @Test
    void ownDynamoServerServesOnALoopbackPortAndStopsOnClose() {
        DynamoDbClient client;
        try (LocalDynamo dynamo = LocalDynamo.start(0)) {
            assertEquals("127.0.0.1", dynamo.endpoint().getHost());
            assertNotEquals(LocalDynamo.shared().endpoint(), dynamo.endpoint());
            client = dynamo.client();
            client.createTable(r -> r.tableName("Things")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("a"))));

            assertEquals(Map.of("id", AttributeValue.fromS("a")),
                    client.getItem(r -> r.tableName("Things").key(Map.of("id", AttributeValue.fromS("a")))).item());
        }
        DynamoDbClient closed = client;
        assertThrows(RuntimeException.class, closed::listTables);
    }

    @Test
    void sharedServersAreOnePerJvmAndSurviveClose() {
        LocalDynamo dynamo = LocalDynamo.shared();
        LocalSqs sqs = LocalSqs.shared();

        dynamo.close();
        sqs.close();

        assertSame(dynamo, LocalDynamo.shared());
        assertSame(sqs, LocalSqs.shared());
        dynamo.client().listTables();
        sqs.client().listQueues();
    }

    @Test
    void sqsClientSendsAndReceivesThroughElasticMq() {
        try (LocalSqs local = LocalSqs.start(0)) {
            SqsClient sqs = local.client();
            String url = sqs.createQueue(r -> r.queueName("jobs")).queueUrl();
            assertEquals(local.endpoint().getPort(), java.net.URI.create(url).getPort());

            sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"readerId\":\"L0\"}"));
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();

            assertEquals(List.of("{\"readerId\":\"L0\"}"), received.stream().map(Message::body).toList());
        }
    }

    @Test
    void startingOnABusyPortFails() {
        int busy = LocalSqs.shared().endpoint().getPort();

        assertThrows(IllegalStateException.class, () -> LocalDynamo.start(busy));
    }
}
