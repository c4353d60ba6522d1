package jp.yorisoi.local;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.yorisoi.aws.SecureParameters;
import jp.yorisoi.municipality.ChannelCredentials;
import jp.yorisoi.municipality.StaticChannelCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything the local runner hands the handlers it wires: one clock, AWS clients pointed at the emulators, the
 * tables and queues created from template.yaml, the towns' LINE channels and where the LINE API is.
 *
 * @param tables         template logical id → table name (e.g. "ReadersTable" → "ReadersTable")
 * @param queues         template logical id → queue URL (e.g. "LineJobQueue" → "http://…/LineJobQueue")
 * @param lineApiBaseUrl the runner itself (its fake LINE API) unless LINE_API_BASE_URL says otherwise
 * @param adminToken     the operator token the admin API accepts
 * @param parameters     SSM Parameter Store: the emulator's at AWS_ENDPOINT_URL, else the runner's own in memory
 */
public record LocalServices(
        Clock clock,
        DynamoDbClient dynamoDb,
        SqsClient sqs,
        SesV2Client ses,
        Map<String, String> tables,
        Map<String, String> queues,
        List<LocalChannel> channels,
        URI lineApiBaseUrl,
        String adminToken,
        SecureParameters parameters) {

    public LocalServices {
        tables = Map.copyOf(tables);
        queues = Map.copyOf(queues);
        channels = List.copyOf(channels);
    }

    /** The table template.yaml declares as {@code logicalId}. */
    public String table(String logicalId) {
        return lookup(tables, logicalId, "table");
    }

    /** The URL of the queue template.yaml declares as {@code logicalId}. */
    public String queueUrl(String logicalId) {
        return lookup(queues, logicalId, "queue");
    }

    public Optional<LocalChannel> channel(String municipalityId) {
        return channels.stream().filter(c -> c.municipalityId().equals(municipalityId)).findFirst();
    }

    /** The towns' channels as the handlers' port sees them. */
    public ChannelCredentials channelCredentials() {
        return new StaticChannelCredentials(channels.stream().collect(Collectors.toMap(LocalChannel::municipalityId,
                c -> new StaticChannelCredentials.Credentials(c.channelSecret(), c.accessToken()))));
    }

    static String lookup(Map<String, String> resources, String logicalId, String kind) {
        String value = resources.get(logicalId);
        if (value == null) {
            throw new IllegalStateException("template.yaml declares no " + kind + " " + logicalId
                    + "; it has " + resources.keySet());
        }
        return value;
    }
}
