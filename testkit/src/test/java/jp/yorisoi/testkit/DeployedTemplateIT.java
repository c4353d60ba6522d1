package jp.yorisoi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The stack as CloudFormation receives it: template.yaml translated by the SAM translator ({@code
 * scripts/sam-translate}, the library `sam deploy` uses), so the roles, event invoke configs and stages SAM
 * generates are checked, not only what the template spells out.
 */
class DeployedTemplateIT {

    /**
     * Every permission each function's role grants, as "action resource" (resource: a logical id, or the ARN
     * after "arn:partition:service:region:account:"), "managed:Name" for an AWS managed policy SAM attaches, and
     * "deny action outside resource". A new AWS call needs its line here, next to the code that makes it.
     */
    private static final Map<String, Set<String>> PERMISSIONS = Map.of(
            "LineWebhookFunction", Set.of(
                    "managed:AWSLambdaBasicExecutionRole", // logs
                    "managed:AWSXrayWriteOnlyAccess", // Tracing: Active
                    "dynamodb:GetItem ReadersTable", // DynamoReaderStore.find, findByAddress, save's own-write check
                    "dynamodb:PutItem ReadersTable", // DynamoReaderStore.save
                    "dynamodb:DeleteItem ReadersTable", // DynamoReaderStore.delete (parent asks for deletion)
                    "dynamodb:UpdateItem ReadersTable", // DynamoReaderCounters: the town's counters (ADD)
                    "dynamodb:GetItem MunicipalitiesTable", // DynamoMunicipalityStore.find
                    "dynamodb:PutItem ProcessedEventsTable", // DynamoProcessedEvents.markProcessed
                    "dynamodb:GetItem ProcessedEventsTable", // DynamoProcessedEvents.markProcessed's own-write check
                    "dynamodb:DeleteItem ProcessedEventsTable", // DynamoProcessedEvents.forget
                    "dynamodb:GetItem ContentTable", // DynamoCatalogue: the confirmation previews today
                    "dynamodb:Query ContentTable", // DynamoCatalogue.calendar for that preview
                    "dynamodb:GetItem LedgerTable", // DynamoLedger: today's message by reply, own-write check
                    "dynamodb:UpdateItem LedgerTable", // DynamoLedger.claimExclusive, complete for that reply
                    "ssm:GetParameter parameter/yorisoi/${Stage}/line/*/channel-secret", // signature check
                    "ssm:GetParameter parameter/yorisoi/${Stage}/line/*/channel-token", // LineReplyChannel
                    "ssm:GetParameter parameter/yorisoi/${Stage}/readers/id-key", // ReaderIds
                    "ssm:GetParameter parameter/yorisoi/${Stage}/readers/id-key-previous",
                    "dynamodb:Query LedgerTable", // ReaderErasure: DynamoLedger.forgetReader
                    "dynamodb:BatchWriteItem LedgerTable", // ... its deletes (countErasure: the UpdateItem above)
                    "dynamodb:ConditionCheckItem ReadersTable"), // DynamoLedger: the reply's claim checks the reader
            "FanOutFunction", Set.of(
                    "managed:AWSLambdaBasicExecutionRole",
                    "managed:AWSXrayWriteOnlyAccess",
                    "dynamodb:Scan MunicipalitiesTable", // DynamoMunicipalityStore.listActive
                    "dynamodb:GetItem MunicipalitiesTable", // DynamoMunicipalityStore.find (one named town)
                    "dynamodb:Query ReadersTable/index/ActiveReaders", // DynamoReaderStore.forEachActiveReader
                    "sqs:SendMessage LineJobQueue", // SqsJobQueue: SendMessageBatch
                    "sqs:SendMessage MailJobQueue",
                    "sqs:SendMessage FanOutFailureQueue", // Lambda's OnFailure destination (EventInvokeConfig)
                    "dynamodb:Query LedgerTable", // DynamoFanOutProgress.completedSegments
                    "dynamodb:PutItem LedgerTable", // DynamoFanOutProgress.recordCompleted
                    "dynamodb:Query LedgerTable/index/ByMunicipalityDate"), // DynamoLedger.finalDailyDeliveries
            "LineSenderFunction", Set.of(
                    "managed:AWSLambdaBasicExecutionRole",
                    "managed:AWSXrayWriteOnlyAccess",
                    "managed:AWSLambdaSQSQueueExecutionRole", // the SQS event source mapping polls as the function
                    "deny sqs:ReceiveMessage outside LineJobQueue", // ... and only its own queue
                    "deny sqs:DeleteMessage outside LineJobQueue",
                    "deny sqs:GetQueueAttributes outside LineJobQueue",
                    "deny sqs:ChangeMessageVisibility outside LineJobQueue",
                    "dynamodb:BatchGetItem ReadersTable", // DynamoReaderStore.findAll: a batch's readers
                    "dynamodb:GetItem ReadersTable", // DynamoReaderStore.find, save's own-write check
                    "dynamodb:PutItem ReadersTable", // DynamoReaderStore.save (unreachable, birth question asked)
                    "dynamodb:UpdateItem ReadersTable", // DynamoReaderCounters: the town's counters (ADD)
                    "dynamodb:GetItem MunicipalitiesTable", // DynamoMunicipalityStore.find
                    "dynamodb:GetItem ContentTable", // DynamoCatalogue texts
                    "dynamodb:Query ContentTable", // DynamoCatalogue.calendar
                    "dynamodb:GetItem LedgerTable", // DynamoLedger.find, a claim's own-write check
                    "dynamodb:PutItem LedgerTable", // DynamoLedger.recordMonthlyLimit
                    "dynamodb:UpdateItem LedgerTable", // DynamoLedger.claim, complete (conditional updates)
                    "dynamodb:ConditionCheckItem ReadersTable", // DynamoLedger: a claim only while the reader is stored
                    "ssm:GetParameter parameter/yorisoi/${Stage}/line/*/channel-token"), // SsmChannelCredentials
            "MailSenderFunction", Set.of(
                    "managed:AWSLambdaBasicExecutionRole",
                    "managed:AWSXrayWriteOnlyAccess",
                    "managed:AWSLambdaSQSQueueExecutionRole",
                    "deny sqs:ReceiveMessage outside MailJobQueue",
                    "deny sqs:DeleteMessage outside MailJobQueue",
                    "deny sqs:GetQueueAttributes outside MailJobQueue",
                    "deny sqs:ChangeMessageVisibility outside MailJobQueue",
                    "dynamodb:BatchGetItem ReadersTable",
                    "dynamodb:GetItem ReadersTable",
                    "dynamodb:PutItem ReadersTable",
                    "dynamodb:UpdateItem ReadersTable", // DynamoReaderCounters
                    "dynamodb:GetItem MunicipalitiesTable",
                    "dynamodb:GetItem ContentTable",
                    "dynamodb:Query ContentTable",
                    "dynamodb:GetItem LedgerTable",
                    "dynamodb:UpdateItem LedgerTable", // DynamoLedger.claimExclusive, complete
                    "dynamodb:ConditionCheckItem ReadersTable", // DynamoLedger: a claim only while the reader is stored
                    "ssm:GetParameter parameter/yorisoi/${Stage}/mail/link-secret", // DeliveryWiring.mailLinkSecret
                    "ses:SendEmail identity/${MailIdentity}", // SesMailChannel
                    "ses:SendEmail identity/*@${MailIdentity}",
                    "ses:SendEmail configuration-set/${MailConfigurationSet}"), // the stack's, for bounce events
            "MailPagesFunction", Set.of(
                    "managed:AWSLambdaBasicExecutionRole",
                    "managed:AWSXrayWriteOnlyAccess",
                    "dynamodb:GetItem ReadersTable", // DynamoReaderStore.find, findByAddress
                    "dynamodb:PutItem ReadersTable", // DynamoReaderStore.save: signup, confirm, settings, unsubscribe
                    "dynamodb:DeleteItem ReadersTable", // DynamoReaderStore.delete: "delete my data"
                    "dynamodb:GetItem MunicipalitiesTable", // DynamoMunicipalityStore.find
                    "dynamodb:UpdateItem CountersTable", // DynamoCounters.increment: signup rate limits
                    "ssm:GetParameter parameter/yorisoi/${Stage}/mail/link-secret", // the same key as the sender's
                    "ssm:GetParameter parameter/yorisoi/${Stage}/readers/id-key", // ReaderIds: find by address
                    "ssm:GetParameter parameter/yorisoi/${Stage}/readers/id-key-previous",
                    "ses:SendEmail identity/${MailIdentity}", // SesMailChannel: the confirmation mail
                    "ses:SendEmail identity/*@${MailIdentity}",
                    "ses:SendEmail configuration-set/${MailConfigurationSet}"),
            "MailFeedbackFunction", Set.of(
                    "managed:AWSLambdaBasicExecutionRole",
                    "managed:AWSXrayWriteOnlyAccess",
                    "dynamodb:GetItem ReadersTable", // DynamoReaderStore.find
                    "dynamodb:PutItem ReadersTable", // DynamoReaderStore.save: UNREACHABLE
                    "dynamodb:UpdateItem CountersTable", // DynamoCounters.increment: soft bounces
                    "sqs:SendMessage MailFeedbackFailureQueue"), // Lambda's OnFailure destination
            "RetentionFunction", Set.of(
                    "managed:AWSLambdaBasicExecutionRole",
                    "managed:AWSXrayWriteOnlyAccess",
                    "dynamodb:Scan MunicipalitiesTable", // DynamoMunicipalityStore.listActive
                    "dynamodb:GetItem MunicipalitiesTable", // DynamoRetentionSettings
                    "dynamodb:Query ReadersTable/index/Retention", // DynamoReaderStore.forEachDormantReader
                    "dynamodb:GetItem ReadersTable", // the re-read of each candidate
                    "dynamodb:DeleteItem ReadersTable", // ReaderErasure
                    "dynamodb:UpdateItem ReadersTable", // CountingReaderStore: the town's counters
                    "dynamodb:Query LedgerTable", // DynamoLedger.forgetReader
                    "dynamodb:BatchWriteItem LedgerTable",
                    "dynamodb:UpdateItem LedgerTable", // DynamoLedger.countErasure
                    "sqs:SendMessage RetentionFailureQueue"), // Lambda's OnFailure destination
            "AdminApiFunction", Set.of(
                    "managed:AWSLambdaBasicExecutionRole",
                    "managed:AWSXrayWriteOnlyAccess",
                    "dynamodb:GetItem MunicipalitiesTable", // DueReaders, the towns' routes: the named town
                    "dynamodb:PutItem MunicipalitiesTable", // MunicipalitiesApi: DynamoMunicipalityStore.create, save
                    "dynamodb:Scan MunicipalitiesTable", // MunicipalitiesApi: DynamoMunicipalityStore.listAll
                    "dynamodb:Query ReadersTable/index/ActiveReaders", // DueReaders: DynamoReaderStore.forEachActiveReader
                    "ssm:PutParameter parameter/yorisoi/${Stage}/line/*/channel-secret", // SsmChannelSecrets
                    "ssm:PutParameter parameter/yorisoi/${Stage}/line/*/channel-token",
                    "ssm:GetParameter parameter/yorisoi/${Stage}/line/*/channel-secret", // SsmChannelSecrets.status
                    "ssm:GetParameter parameter/yorisoi/${Stage}/line/*/channel-token",
                    "cognito-idp:AdminCreateUser StaffUserPool", // CognitoStaffDirectory
                    "cognito-idp:AdminAddUserToGroup StaffUserPool",
                    "cognito-idp:AdminDeleteUser StaffUserPool",
                    "cognito-idp:AdminGetUser StaffUserPool",
                    "cognito-idp:AdminListGroupsForUser StaffUserPool",
                    "cognito-idp:ListUsersInGroup StaffUserPool",
                    "dynamodb:GetItem ContentTable", // DynamoCatalogue: texts, the active set, a created message
                    "dynamodb:Query ContentTable", // DynamoCatalogue: a set's partitions, calendars
                    "dynamodb:PutItem ContentTable", // DynamoCatalogue: the set switch, a created calendar message
                    "dynamodb:BatchWriteItem ContentTable", // DynamoCatalogue: writing and retiring a set
                    "dynamodb:DeleteItem ContentTable", // DynamoCatalogue.deleteCalendarMessage
                    "lambda:InvokeFunction FanOutFunction", // LambdaFanOutTrigger: the catch-up run, asynchronously
                    "dynamodb:PutItem AuditTable", // DynamoAuditLog.record
                    "dynamodb:Query AuditTable", // DynamoAuditLog.page: one town's records
                    "dynamodb:Query AuditTable/index/AllTowns", // DynamoAuditLog.page: every town's records
                    "dynamodb:GetItem ReadersTable", // getStats: DynamoReaderCounters.counters
                    "dynamodb:GetItem LedgerTable", // DynamoBroadcastStore.find, chunk
                    "dynamodb:PutItem LedgerTable", // DynamoBroadcastStore.create, saveChunk (conditional)
                    "dynamodb:UpdateItem LedgerTable", // DynamoBroadcastStore.setReaders
                    "sqs:SendMessage LineJobQueue", // BroadcastPlanner: chunk jobs
                    "sqs:SendMessage MailJobQueue", // BroadcastPlanner: e-mail readers' jobs
                    "ssm:GetParameter parameter/yorisoi/${Stage}/readers/id-key", // deleteReader: ReaderIds
                    "ssm:GetParameter parameter/yorisoi/${Stage}/readers/id-key-previous",
                    "dynamodb:DeleteItem ReadersTable", // deleteReader: DynamoReaderStore.delete
                    "dynamodb:UpdateItem ReadersTable", // ... CountingReaderStore: the town's counters
                    "dynamodb:Query LedgerTable", // ... DynamoLedger.forgetReader
                    "dynamodb:BatchWriteItem LedgerTable")); // ... and its deletes; countErasure is an UpdateItem

    /** Properties that give a resource a physical name; a fixed one keeps a second stack out of the account. */
    private static final Map<String, String> NAME_PROPERTIES = Map.ofEntries(
            Map.entry("AWS::Scheduler::Schedule", "Name"),
            Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::SNS::Topic", "TopicName"),
            Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
            Map.entry("AWS::CloudWatch::Dashboard", "DashboardName"),
            Map.entry("AWS::KMS::Alias", "AliasName"),
            Map.entry("AWS::ApiGatewayV2::Api", "Name"));

    private static Map<String, Map<String, Object>> resources;

    @BeforeAll
    static void translateTheTemplate() throws Exception {
        resources = translated();
    }

    @Test
    void everyAlarmNotifiesATopicEncryptedWithAKeyCloudWatchMayUseAndMailedToOperators() {
        List<String> alarms = ids("AWS::CloudWatch::Alarm");
        assertFalse(alarms.isEmpty());
        for (String alarm : alarms) {
            Map<String, Object> props = properties(alarm);
            List<Object> actions = list(props.get("AlarmActions"));
            assertFalse(actions.isEmpty(), alarm + " has no AlarmActions");
            List<Object> all = new ArrayList<>(actions);
            all.addAll(list(props.get("OKActions")));
            for (Object action : all) {
                String topic = ref(action);
                assertEquals("AWS::SNS::Topic", type(topic), alarm + " notifies " + action);
                assertTopicIsDeliverable(topic);
            }
            String description = String.valueOf(props.get("AlarmDescription"));
            assertTrue(description.contains("README.md#"), alarm + " does not point at its runbook: " + description);
        }
    }

    @Test
    void aFailedFanOutRunLandsInAnEncryptedQueueThatAlarms() {
        Map<String, Object> config = ids("AWS::Lambda::EventInvokeConfig").stream()
                .map(DeployedTemplateIT::properties)
                .filter(p -> "FanOutFunction".equals(ref(p.get("FunctionName"))))
                .findFirst().orElseThrow(() -> new AssertionError("the fan-out has no EventInvokeConfig"));
        assertTrue(((Number) config.get("MaximumRetryAttempts")).intValue() <= 2);
        assertTrue(((Number) config.get("MaximumEventAgeInSeconds")).intValue() < 3600,
                "an event older than an hour would run into the next hour's run");
        String queue = ref(map(map(map(config.get("DestinationConfig")).get("OnFailure"))).get("Destination"));
        assertEquals("AWS::SQS::Queue", type(queue));
        assertEncryptedQueue(queue);
        assertTrue(alarmedQueues().contains(queue), queue + " has no alarm");
    }

    @Test
    void everyDeadLetterQueueIsEncryptedAndAlarms() {
        Set<String> deadLetterQueues = new TreeSet<>();
        for (String queue : ids("AWS::SQS::Queue")) {
            Object redrive = properties(queue).get("RedrivePolicy");
            if (redrive != null) {
                deadLetterQueues.add(ref(map(redrive).get("deadLetterTargetArn")));
            }
        }
        for (String schedule : ids("AWS::Scheduler::Schedule")) {
            Object dlq = map(properties(schedule).get("Target")).get("DeadLetterConfig");
            assertTrue(dlq != null, schedule + " has no dead-letter queue");
            deadLetterQueues.add(ref(map(dlq).get("Arn")));
        }
        assertEquals(Set.of("LineJobDeadLetterQueue", "MailJobDeadLetterQueue", "FanOutScheduleDeadLetterQueue",
                        "RetentionScheduleDeadLetterQueue"),
                deadLetterQueues);
        Set<String> alarmed = alarmedQueues();
        for (String queue : deadLetterQueues) {
            assertEncryptedQueue(queue);
            assertTrue(alarmed.contains(queue), queue + " has no alarm");
        }
    }

    @Test
    void eachFunctionRoleGrantsExactlyThePermissionsItsCodeUses() {
        assertEquals(new TreeSet<>(PERMISSIONS.keySet()), new TreeSet<>(ids("AWS::Lambda::Function")));
        for (String function : ids("AWS::Lambda::Function")) {
            Set<String> granted = grants(ref(properties(function).get("Role")));
            Set<String> unused = new TreeSet<>(granted);
            unused.removeAll(PERMISSIONS.get(function));
            Set<String> missing = new TreeSet<>(PERMISSIONS.get(function));
            missing.removeAll(granted);
            assertEquals(Set.of(), unused, function + " is granted what PERMISSIONS does not list");
            assertEquals(Set.of(), missing, function + " lacks what PERMISSIONS lists");
        }
    }

    @Test
    void noResourceHasAFixedPhysicalName() {
        for (Map.Entry<String, Map<String, Object>> resource : resources.entrySet()) {
            String property = NAME_PROPERTIES.get(String.valueOf(resource.getValue().get("Type")));
            Object name = property == null ? null : properties(resource.getKey()).get(property);
            if (name != null) {
                assertTrue(String.valueOf(name).contains("${AWS::StackName}"),
                        resource.getKey() + " has the fixed " + property + " " + name);
            }
        }
    }

    @Test
    void theApiStageIsThrottledAndLoggedAndTheWebhookCannotTakeTheSendersConcurrency() {
        List<String> stages = ids("AWS::ApiGatewayV2::Stage");
        assertEquals(1, stages.size());
        Map<String, Object> stage = properties(stages.get(0));
        Map<String, Object> route = map(stage.get("DefaultRouteSettings"));
        assertTrue(((Number) route.get("ThrottlingRateLimit")).doubleValue() > 0);
        assertTrue(((Number) route.get("ThrottlingBurstLimit")).intValue() > 0);
        Map<String, Object> accessLog = map(stage.get("AccessLogSettings"));
        assertEquals("AWS::Logs::LogGroup", type(ref(accessLog.get("DestinationArn"))));
        String format = String.valueOf(accessLog.get("Format"));
        assertFalse(format.contains("sourceIp") || format.contains("userAgent"), "personal data in " + format);
        assertEquals(Map.of("Ref", "WebhookReservedConcurrency"),
                properties("LineWebhookFunction").get("ReservedConcurrentExecutions"));
    }

    /**
     * SAM writes the HTTP API's routes into its OpenAPI body: each operation's "security" names the authorizer, and
     * {"NONE": []} a route that opted out. Every /admin route must carry the Cognito JWT authorizer; the LINE webhook
     * none (LINE sends no staff token; its signature is checked by the function).
     */
    @Test
    void everyAdminRouteNeedsTheCognitoJwtAuthorizerAndTheWebhookNone() {
        Map<String, Object> body = map(properties("Api").get("Body"));
        Map<String, Object> scheme = map(map(map(body.get("components")).get("securitySchemes")).get("StaffAuthorizer"));
        Map<String, Object> authorizer = map(scheme.get("x-amazon-apigateway-authorizer"));
        assertEquals("jwt", authorizer.get("type"));
        assertEquals("$request.header.Authorization", authorizer.get("identitySource"));
        Map<String, Object> jwt = map(authorizer.get("jwtConfiguration"));
        assertEquals(Map.of("Fn::Sub", "https://cognito-idp.${AWS::Region}.amazonaws.com/${StaffUserPool}"),
                jwt.get("issuer"));
        assertEquals(Set.of("StaffConsoleClient", "StaffCliClient"),
                Set.copyOf(list(jwt.get("audience")).stream().map(DeployedTemplateIT::ref).toList()));

        Map<String, Object> paths = map(body.get("paths"));
        List<String> adminRoutes = new ArrayList<>();
        paths.forEach((path, operations) -> map(operations).forEach((method, operation) -> {
            Object security = map(operation).get("security");
            if (path.startsWith("/admin")) {
                adminRoutes.add(method + " " + path);
                assertEquals(List.of(Map.of("StaffAuthorizer", List.of())), security, method + " " + path);
            } else if (path.startsWith("/webhook/")) {
                assertEquals(List.of(Map.of("NONE", List.of())), security, method + " " + path);
            }
        }));
        assertFalse(adminRoutes.isEmpty(), "no /admin route in " + paths.keySet());
        assertTrue(paths.containsKey("/webhook/{municipalityId}"), paths.keySet().toString());
    }

    @Test
    void theDashboardCountsTheDayPerTownFromTheLinesTheFanOutAndSendersWrite() {
        String body = String.valueOf(map(properties("DeliveryDashboard").get("DashboardBody")).get("Fn::Sub"));
        Map<String, Object> dashboard = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(body));
        String query = String.valueOf(map(map(list(dashboard.get("widgets")).get(0)).get("properties")).get("query"));
        List<Pattern> parses = new ArrayList<>();
        Matcher parse = Pattern.compile("parse message /(.+?)/(?= \\|)").matcher(query);
        while (parse.find()) {
            parses.add(Pattern.compile(parse.group(1)));
        }
        // the lines as FanOutService and SqsJobBatch write them (field "message" of the JSON line)
        assertEquals(Map.of("enqTown", "demo", "enqDay", "2026-11-22", "jobs", "12"),
                captures(parses, "fan-out for municipality demo on 2026-11-22: 12 jobs"));
        assertEquals(Map.of("doneTown", "demo", "doneDay", "2026-11-22", "outcome", "SENT", "sent", "SENT"),
                captures(parses, "delivery to reader L0a1b of municipality demo for 2026-11-22: SENT"));
        assertEquals(Map.of("doneTown", "demo", "doneDay", "2026-11-22", "outcome", "SKIPPED", "skipped", "SKIPPED"),
                captures(parses, "delivery to reader L0a1b of municipality demo for 2026-11-22: SKIPPED"));
        assertEquals(Map.of("failTown", "demo", "failDay", "2026-11-22", "failure", "will be retried"),
                captures(parses, "delivery to reader L0a1b of municipality demo for 2026-11-22 will be retried: "
                        + "LINE push failed 3 times for municipality demo: SocketTimeoutException"));
        assertTrue(query.contains("by day, town"), query);
    }

    /** What the dashboard's parse commands extract from one log message, as Logs Insights' regex parse would. */
    private static Map<String, String> captures(List<Pattern> parses, String message) {
        Map<String, String> fields = new java.util.TreeMap<>();
        Pattern group = Pattern.compile("\\(\\?<([A-Za-z]+)>");
        for (Pattern pattern : parses) {
            Matcher m = pattern.matcher(message);
            if (m.find()) {
                Matcher names = group.matcher(pattern.pattern());
                while (names.find()) {
                    fields.put(names.group(1), m.group(names.group(1)));
                }
            }
        }
        return fields;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void assertTopicIsDeliverable(String topic) {
        Object keyId = properties(topic).get("KmsMasterKeyId");
        assertTrue(keyId instanceof Map, topic + " is not encrypted with a key of this stack: " + keyId
                + " (CloudWatch cannot use alias/aws/sns)");
        String key = ref(keyId);
        assertEquals("AWS::KMS::Key", type(key), topic + " is not encrypted with a key of this stack");
        Map<String, Object> keyProps = properties(key);
        assertEquals(Boolean.TRUE, keyProps.get("EnableKeyRotation"), key + " does not rotate");
        boolean cloudWatchMayUse = list(map(keyProps.get("KeyPolicy")).get("Statement")).stream()
                .map(DeployedTemplateIT::map)
                .filter(s -> "Allow".equals(s.get("Effect")))
                .filter(s -> list(map(s.get("Principal")).get("Service")).contains("cloudwatch.amazonaws.com"))
                .anyMatch(s -> list(s.get("Action")).containsAll(List.of("kms:Decrypt", "kms:GenerateDataKey*")));
        assertTrue(cloudWatchMayUse, key + "'s policy does not let CloudWatch publish alarms to " + topic);
        boolean mailed = ids("AWS::SNS::Subscription").stream()
                .map(DeployedTemplateIT::properties)
                .anyMatch(s -> topic.equals(ref(s.get("TopicArn"))) && "email".equals(s.get("Protocol")));
        assertTrue(mailed, topic + " has no e-mail subscription");
    }

    private static void assertEncryptedQueue(String queue) {
        Map<String, Object> props = properties(queue);
        assertTrue(Boolean.TRUE.equals(props.get("SqsManagedSseEnabled")) || props.get("KmsMasterKeyId") != null,
                queue + " is not encrypted");
    }

    private static Set<String> alarmedQueues() {
        Set<String> queues = new TreeSet<>();
        for (String alarm : ids("AWS::CloudWatch::Alarm")) {
            for (Object dimension : list(properties(alarm).get("Dimensions"))) {
                if ("QueueName".equals(map(dimension).get("Name"))) {
                    queues.add(ref(map(dimension).get("Value")));
                }
            }
        }
        return queues;
    }

    private static Set<String> grants(String role) {
        Set<String> grants = new TreeSet<>();
        for (Object arn : list(properties(role).get("ManagedPolicyArns"))) {
            String name = String.valueOf(arn);
            grants.add("managed:" + name.substring(name.lastIndexOf('/') + 1));
        }
        for (Object policy : list(properties(role).get("Policies"))) {
            for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> s = map(statement);
                boolean deny = "Deny".equals(s.get("Effect"));
                for (Object action : list(s.get("Action"))) {
                    if (deny) {
                        for (Object resource : list(s.get("NotResource"))) {
                            grants.add("deny " + action + " outside " + resource(resource));
                        }
                    } else {
                        for (Object resource : list(s.get("Resource"))) {
                            grants.add(action + " " + resource(resource));
                        }
                    }
                }
            }
        }
        return grants;
    }

    /** A resource of a policy statement, short: a logical id, or the ARN after its account. */
    private static String resource(Object resource) {
        if (resource instanceof String arn) {
            return arn.replaceFirst("^arn:\\$\\{AWS::Partition}:[a-z0-9-]+:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:", "");
        }
        Map<String, Object> function = map(resource);
        if (function.containsKey("Fn::Sub")) {
            Object sub = function.get("Fn::Sub");
            String text = sub instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(sub);
            return resource(text.replaceAll("\\$\\{([A-Za-z0-9]+)\\.Arn}", "$1"));
        }
        return ref(resource);
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt [Id, Arn|QueueName]} points at. */
    private static String ref(Object value) {
        Map<String, Object> function = map(value);
        if (function.get("Ref") instanceof String id) {
            return id;
        }
        if (function.get("Fn::GetAtt") instanceof List<?> getAtt) {
            return String.valueOf(getAtt.get(0));
        }
        throw new AssertionError("not a reference to a resource of the stack: " + value);
    }

    private static List<String> ids(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String type(String id) {
        Map<String, Object> resource = resources.get(id);
        return resource == null ? null : String.valueOf(resource.get("Type"));
    }

    private static Map<String, Object> properties(String id) {
        Map<String, Object> resource = resources.get(id);
        assertTrue(resource != null, "no resource " + id);
        return resource.get("Properties") == null ? Map.of() : map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new AssertionError("expected an object, found " + value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> translated() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("scripts/sam-translate"))) {
            root = root.getParent();
        }
        assertTrue(root != null, "scripts/sam-translate not found above " + System.getProperty("user.dir"));
        Path out = Files.createTempFile("translated-template", ".json");
        Path err = Files.createTempFile("sam-translate", ".err");
        try {
            Process process = new ProcessBuilder("python3", root.resolve("scripts/sam-translate").toString(),
                    root.resolve("template.yaml").toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("scripts/sam-translate did not finish");
            }
            assertEquals(0, process.exitValue(), "scripts/sam-translate failed (python3 with samtranslator, "
                    + "installed with cfn-lint):\n" + Files.readString(err, StandardCharsets.UTF_8));
            Map<String, Object> template = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(out, StandardCharsets.UTF_8));
            return (Map<String, Map<String, Object>>) template.get("Resources");
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
