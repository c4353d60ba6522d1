package jp.yorisoi.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The tables and queues declared in template.yaml, created in an emulator from that same declaration so
 * that local and cloud cannot drift.
 */
public final class TemplateResources {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final ProvisionedThroughput EMULATOR_THROUGHPUT = ProvisionedThroughput.builder()
            .readCapacityUnits(5L).writeCapacityUnits(5L).build();

    private final Map<String, Map<String, Object>> resources;
    private final Map<String, Map<String, Object>> parameters;

    private TemplateResources(Map<String, Map<String, Object>> resources, Map<String, Map<String, Object>> parameters) {
        this.resources = resources;
        this.parameters = parameters;
    }

    /** Reads template.yaml, found by walking up from the working directory. */
    public static TemplateResources locate() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
        }
        throw new IllegalStateException("no template.yaml in " + dir + " or above");
    }

    @SuppressWarnings("unchecked")
    public static TemplateResources load(Path templateYaml) {
        Map<String, Object> template;
        try (Reader in = Files.newBufferedReader(templateYaml, StandardCharsets.UTF_8)) {
            template = new Yaml(new CloudFormationConstructor()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + templateYaml, e);
        }
        return new TemplateResources(section(template, "Resources"), section(template, "Parameters"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> section(Map<String, Object> template, String name) {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        Object declared = template == null ? null : template.get(name);
        if (declared instanceof Map<?, ?> map) {
            map.forEach((id, entry) -> entries.put((String) id, (Map<String, Object>) entry));
        }
        return entries;
    }

    /** The default value of the template parameter {@code name}, as text. */
    public String parameterDefault(String name) {
        Map<String, Object> parameter = parameters.get(name);
        Object value = parameter == null ? null : parameter.get("Default");
        if (value == null) {
            throw new IllegalStateException("template.yaml declares no default for parameter " + name);
        }
        return value.toString();
    }

    /** The route keys of the functions' HttpApi events, as API Gateway names them: "POST /webhook/{municipalityId}". */
    @SuppressWarnings("unchecked")
    public List<String> httpApiRouteKeys() {
        List<String> keys = new ArrayList<>();
        for (String function : logicalIds("AWS::Serverless::Function")) {
            Object events = properties(function).get("Events");
            if (!(events instanceof Map<?, ?> declared)) {
                continue;
            }
            for (Object event : declared.values()) {
                Map<String, Object> e = (Map<String, Object>) event;
                if ("HttpApi".equals(e.get("Type")) && e.get("Properties") instanceof Map<?, ?> props) {
                    String method = props.get("Method") == null ? "ANY" : props.get("Method").toString();
                    keys.add(method.toUpperCase(Locale.ROOT) + " " + props.get("Path"));
                }
            }
        }
        return keys;
    }

    /**
     * The stage the HTTP API {@code logicalId} is deployed to when the stack parameters keep their defaults: its
     * {@code StageName} (a literal or {@code !Ref} to a parameter), or "$default" when it names none.
     */
    public String apiStage(String logicalId) {
        if (!resources.containsKey(logicalId)) {
            throw new IllegalStateException("template.yaml declares no resource " + logicalId);
        }
        Object stageName = properties(logicalId).get("StageName");
        if (stageName == null) {
            return "$default";
        }
        if (stageName instanceof Map<?, ?> function && function.get("Ref") instanceof String ref) {
            return parameterDefault(ref);
        }
        if (stageName instanceof String literal) {
            return literal;
        }
        throw new IllegalStateException(logicalId + " has a StageName the local runner cannot read: " + stageName);
    }

    /** Logical ids of the resources of {@code type}, in template order. */
    public List<String> logicalIds(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Creates every AWS::DynamoDB::Table (keys, GSIs, TTL) named {@code prefix + logicalId}; existing tables are
     * left alone. Returns logical id → table name.
     */
    public Map<String, String> createTables(DynamoDbClient dynamo, String prefix) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : logicalIds(TABLE)) {
            String name = prefix + id;
            Map<String, Object> props = properties(id);
            try {
                dynamo.createTable(tableRequest(name, props));
                enableTimeToLive(dynamo, name, props);
            } catch (ResourceInUseException alreadyThere) {
                // created by an earlier caller sharing the same emulator and prefix
            }
            names.put(id, name);
        }
        return names;
    }

    /**
     * Creates every AWS::SQS::Queue (visibility timeout, redrive to its DLQ) named {@code prefix + logicalId};
     * dead-letter queues are created first so the redrive policy can name their ARN. ElasticMQ accepts but
     * does not apply MessageRetentionPeriod; server-side encryption has no local meaning and is not passed.
     * Returns logical id → queue URL.
     */
    public Map<String, String> createQueues(SqsClient sqs, String prefix) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String id : logicalIds(QUEUE)) {
            createQueue(sqs, prefix, id, urls);
        }
        Map<String, String> inTemplateOrder = new LinkedHashMap<>();
        logicalIds(QUEUE).forEach(id -> inTemplateOrder.put(id, urls.get(id)));
        return inTemplateOrder;
    }

    private CreateTableRequest tableRequest(String name, Map<String, Object> props) {
        boolean onDemand = "PAY_PER_REQUEST".equals(props.get("BillingMode"));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .keySchema(keySchema(props.get("KeySchema")))
                .attributeDefinitions(maps(props.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(string(a.get("AttributeName")))
                                .attributeType(string(a.get("AttributeType")))
                                .build())
                        .toList());
        if (onDemand) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.provisionedThroughput(EMULATOR_THROUGHPUT);
        }
        List<GlobalSecondaryIndex> indexes = maps(props.get("GlobalSecondaryIndexes")).stream()
                .map(gsi -> {
                    GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                            .indexName(string(gsi.get("IndexName")))
                            .keySchema(keySchema(gsi.get("KeySchema")))
                            .projection(projection(gsi.get("Projection")));
                    if (!onDemand) {
                        index.provisionedThroughput(EMULATOR_THROUGHPUT);
                    }
                    return index.build();
                })
                .toList();
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Object declared) {
        return maps(declared).stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName(string(k.get("AttributeName")))
                        .keyType(string(k.get("KeyType")))
                        .build())
                .toList();
    }

    private static Projection projection(Object declared) {
        Map<String, Object> p = declared instanceof Map<?, ?> ? map(declared) : Map.of();
        Projection.Builder projection = Projection.builder()
                .projectionType(p.containsKey("ProjectionType") ? string(p.get("ProjectionType")) : "KEYS_ONLY");
        if (p.get("NonKeyAttributes") instanceof List<?> attributes) {
            projection.nonKeyAttributes(attributes.stream().map(TemplateResources::string).toList());
        }
        return projection.build();
    }

    private static void enableTimeToLive(DynamoDbClient dynamo, String table, Map<String, Object> props) {
        if (!(props.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl) || !isTrue(ttl.get("Enabled"))) {
            return;
        }
        try {
            dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(
                    s -> s.attributeName(string(ttl.get("AttributeName"))).enabled(true)));
        } catch (DynamoDbException unsupported) {
            // expiry only matters in the cloud; an emulator without TTL still serves the table
        }
    }

    private String createQueue(SqsClient sqs, String prefix, String id, Map<String, String> urls) {
        String existing = urls.get(id);
        if (existing != null) {
            return existing;
        }
        Map<String, Object> props = properties(id);
        Map<String, String> attributes = new HashMap<>();
        copy(props, "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
        copy(props, "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        copy(props, "DelaySeconds", attributes, QueueAttributeName.DELAY_SECONDS);
        copy(props, "ReceiveMessageWaitTimeSeconds", attributes,
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
        copy(props, "MaximumMessageSize", attributes, QueueAttributeName.MAXIMUM_MESSAGE_SIZE);
        String name = prefix + id;
        if (isTrue(props.get("FifoQueue"))) {
            name += ".fifo";
            attributes.put(QueueAttributeName.FIFO_QUEUE.toString(), "true");
            copy(props, "ContentBasedDeduplication", attributes, QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        }
        if (props.get("RedrivePolicy") instanceof Map<?, ?> redrive) {
            String deadLetterId = referencedId(redrive.get("deadLetterTargetArn"));
            if (deadLetterId.equals(id)) {
                throw new IllegalStateException(id + " cannot be its own dead-letter queue");
            }
            String deadLetterUrl = createQueue(sqs, prefix, deadLetterId, urls);
            String deadLetterArn = sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                            .queueUrl(deadLetterUrl)
                            .attributeNames(QueueAttributeName.QUEUE_ARN)
                            .build())
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            attributes.put(QueueAttributeName.REDRIVE_POLICY.toString(),
                    "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":"
                            + Integer.parseInt(string(redrive.get("maxReceiveCount"))) + "}");
        }
        String queueName = name;
        String url = sqs.createQueue(r -> r.queueName(queueName).attributesWithStrings(attributes)).queueUrl();
        urls.put(id, url);
        return url;
    }

    /** The logical id in {@code !GetAtt Id.Arn}, {@code Fn::GetAtt: [Id, Arn]} or {@code !Ref Id}. */
    private String referencedId(Object reference) {
        if (reference instanceof Map<?, ?> function) {
            Object getAtt = function.get("Fn::GetAtt");
            if (getAtt instanceof String dotted) {
                return checkedQueue(dotted.substring(0, dotted.indexOf('.')));
            }
            if (getAtt instanceof List<?> parts && !parts.isEmpty()) {
                return checkedQueue(string(parts.get(0)));
            }
            if (function.get("Ref") instanceof String ref) {
                return checkedQueue(ref);
            }
        }
        throw new IllegalStateException("dead-letter target must reference a queue of the template: " + reference);
    }

    private String checkedQueue(String id) {
        if (!logicalIds(QUEUE).contains(id)) {
            throw new IllegalStateException("dead-letter target " + id + " is not a queue of the template");
        }
        return id;
    }

    private Map<String, Object> properties(String id) {
        Object props = resources.get(id).get("Properties");
        return props == null ? Map.of() : map(props);
    }

    /**
     * Copies an optional attribute given as a literal; one computed by an intrinsic function (e.g. {@code !If} on
     * the stage) cannot be evaluated here and keeps the emulator's default.
     */
    private static void copy(Map<String, Object> props, String key, Map<String, String> attributes,
            QueueAttributeName name) {
        Object value = props.get(key);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            attributes.put(name.toString(), value.toString());
        }
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }

    private static String string(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalStateException("expected a literal in template.yaml, found " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Map<String, Object>> maps(Object value) {
        if (value == null) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : (List<?>) value) {
            result.add(map(item));
        }
        return result;
    }

    /**
     * Reads CloudFormation short tags ({@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub …}, {@code !If […]})
     * as their long form ({@code {Ref: X}}, {@code {Fn::GetAtt: X.Arn}}, …) instead of rejecting them.
     */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(null, new IntrinsicFunction());
        }

        private final class IntrinsicFunction extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue();
                String name = tag.startsWith("!") ? tag.substring(1) : tag;
                String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
