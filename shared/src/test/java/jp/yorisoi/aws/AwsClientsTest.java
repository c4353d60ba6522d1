package jp.yorisoi.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The clients as built, read back from their own configuration (nothing is called). */
class AwsClientsTest {

    /** The shortest time-out of a function that builds these clients (the webhook's, template.yaml). */
    static final Duration SHORTEST_FUNCTION_TIMEOUT = Duration.ofSeconds(20);

    final AwsClients aws = AwsClients.forEmulator(URI.create("http://localhost:8000"));

    @Test
    void everyClientBoundsEachAttemptAndTheWholeCallWellUnderTheFunctionTimeOut() {
        try (DynamoDbClient dynamo = aws.dynamoDb(); SqsClient sqs = aws.sqs(); SesV2Client ses = aws.ses()) {
            for (SdkClient client : List.<SdkClient>of(dynamo, sqs, ses)) {
                ClientOverrideConfiguration config = client.serviceClientConfiguration().overrideConfiguration();
                Duration call = config.apiCallTimeout().orElseThrow();
                Duration attempt = config.apiCallAttemptTimeout().orElseThrow();

                assertTrue(call.compareTo(SHORTEST_FUNCTION_TIMEOUT.dividedBy(2)) <= 0, client.serviceName() + " " + call);
                assertTrue(attempt.compareTo(call) < 0, client.serviceName() + " " + attempt);
            }
        }
    }

    @Test
    void parameterStoreReadsWithAllTheirRetriesStayWellUnderTheFunctionTimeOut() {
        Duration pauses = SsmParameters.FIRST_PAUSE.multipliedBy((1L << (SsmParameters.ATTEMPTS - 1)) - 1);
        Duration worst = AwsClients.API_CALL_ATTEMPT_TIMEOUT.multipliedBy(SsmParameters.ATTEMPTS).plus(pauses);

        assertTrue(worst.compareTo(SHORTEST_FUNCTION_TIMEOUT.dividedBy(2)) <= 0, "SSM worst case " + worst);
    }

    @Test
    void sesMakesOneAttemptPerSendSoATimedOutSendIsNeverRepeatedByTheSdk() {
        try (SesV2Client ses = aws.ses(); DynamoDbClient dynamo = aws.dynamoDb()) {
            assertEquals(1, ses.serviceClientConfiguration().overrideConfiguration().retryStrategy()
                    .orElseThrow().maxAttempts());
            assertEquals(Optional.empty(), dynamo.serviceClientConfiguration().overrideConfiguration().retryStrategy()
                    .filter(strategy -> strategy.maxAttempts() == 1));
        }
    }
}
