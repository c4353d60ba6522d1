package jp.yorisoi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class TemplateResourcesIT {

    private final DynamoDbClient dynamo = LocalDynamo.shared().client();
    private final SqsClient sqs = LocalSqs.shared().client();
    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void createsEveryTableOfTheRepositoryTemplateNamedByPrefixAndLogicalId() {
        Map<String, String> tables = TemplateResources.locate().createTables(dynamo, prefix);

        assertEquals(List.of("ReadersTable", "ContentTable", "MunicipalitiesTable", "LedgerTable",
                "ProcessedEventsTable", "AuditTable", "CountersTable"), List.copyOf(tables.keySet()));
        tables.forEach((id, name) -> {
            assertEquals(prefix + id, name);
            TableDescription table = describe(name);
            assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
        });
    }

    @Test
    void readersTableHasTheSparseActiveReadersIndexProjectingTheChannelAndTheRegistrationDay() {
        String name = TemplateResources.locate().createTables(dynamo, prefix).get("ReadersTable");

        TableDescription table = describe(name);
        assertEquals(List.of(hash("pk"), range("readerId")), table.keySchema());
        GlobalSecondaryIndexDescription index = index(table, "ActiveReaders");
        assertEquals(List.of(hash("activeShard"), range("readerId")), index.keySchema());
        assertEquals(ProjectionType.INCLUDE, index.projection().projectionType());
        assertEquals(List.of("channel", "registeredOn"), index.projection().nonKeyAttributes());
    }

    @Test
    void ledgerTableHasItsDateIndexAndExpiry() {
        String name = TemplateResources.locate().createTables(dynamo, prefix).get("LedgerTable");

        TableDescription table = describe(name);
        assertEquals(List.of(hash("pk"), range("deliveryKey")), table.keySchema());
        GlobalSecondaryIndexDescription index = index(table, "ByMunicipalityDate");
        assertEquals(List.of(hash("muniDate"), range("readerId")), index.keySchema());
        assertEquals(ProjectionType.ALL, index.projection().projectionType());
        var ttl = dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
        assertEquals("expiresAt", ttl.attributeName());
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    }

    @Test
    void creatingTablesAgainLeavesTheExistingOnesAndTheirItemsAlone() {
        TemplateResources template = TemplateResources.locate();
        String name = template.createTables(dynamo, prefix).get("MunicipalitiesTable");
        dynamo.putItem(r -> r.tableName(name).item(Map.of("municipalityId",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("m1"))));

        Map<String, String> again = template.createTables(dynamo, prefix);

        assertEquals(name, again.get("MunicipalitiesTable"));
        assertEquals(1, dynamo.scan(r -> r.tableName(name)).count());
    }

    @Test
    void createsTheJobQueuesWithRedriveToTheirDeadLetterQueues() {
        Map<String, String> queues = TemplateResources.locate().createQueues(sqs, prefix);

        assertEquals(List.of("LineJobQueue", "LineJobDeadLetterQueue", "MailJobQueue", "MailJobDeadLetterQueue",
                "MailFeedbackFailureQueue", "FanOutScheduleDeadLetterQueue", "FanOutFailureQueue",
                "RetentionScheduleDeadLetterQueue", "RetentionFailureQueue"), List.copyOf(queues.keySet()));
        for (String channel : List.of("Line", "Mail")) {
            Map<QueueAttributeName, String> queue = attributes(queues.get(channel + "JobQueue"));
            Map<QueueAttributeName, String> deadLetters = attributes(queues.get(channel + "JobDeadLetterQueue"));
            assertEquals("360", queue.get(QueueAttributeName.VISIBILITY_TIMEOUT));
            String redrive = queue.get(QueueAttributeName.REDRIVE_POLICY).replace(" ", "");
            assertTrue(redrive.contains("\"deadLetterTargetArn\":\"" + deadLetters.get(QueueAttributeName.QUEUE_ARN)
                    + "\""), redrive);
            assertTrue(redrive.contains("\"maxReceiveCount\":5"), redrive);
        }
    }

    @Test
    void toleratesCloudFormationShortTagsAndFindsDeadLettersInEitherGetAttForm(@TempDir Path dir)
            throws IOException {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Resources:
                  Parked:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "${AWS::StackName}-parked"
                      MessageRetentionPeriod: !If [IsProd, 1209600, 1209600]
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 90
                      RedrivePolicy:
                        deadLetterTargetArn:
                          Fn::GetAtt: [Parked, Arn]
                        maxReceiveCount: 3
                  Things:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "${AWS::StackName}-things"
                      AttributeDefinitions:
                        - { AttributeName: id, AttributeType: S }
                      KeySchema:
                        - { AttributeName: id, KeyType: HASH }
                      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          QUEUE: !GetAtt Work.QueueName
                """);

        TemplateResources resources = TemplateResources.load(template);
        Map<String, String> queues = resources.createQueues(sqs, prefix);
        Map<String, String> tables = resources.createTables(dynamo, prefix);

        assertEquals(List.of("Parked", "Work"), List.copyOf(queues.keySet()));
        String redrive = attributes(queues.get("Work")).get(QueueAttributeName.REDRIVE_POLICY).replace(" ", "");
        assertTrue(redrive.contains(attributes(queues.get("Parked")).get(QueueAttributeName.QUEUE_ARN)), redrive);
        assertTrue(redrive.contains("\"maxReceiveCount\":3"), redrive);
        assertEquals(prefix + "Things", tables.get("Things"));
        assertEquals(List.of(hash("id")), describe(prefix + "Things").keySchema());
    }

    private TableDescription describe(String name) {
        return dynamo.describeTable(r -> r.tableName(name)).table();
    }

    private static GlobalSecondaryIndexDescription index(TableDescription table, String name) {
        return table.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name));
    }

    private Map<QueueAttributeName, String> attributes(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL)).attributes();
    }

    private static KeySchemaElement hash(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.RANGE).build();
    }
}
