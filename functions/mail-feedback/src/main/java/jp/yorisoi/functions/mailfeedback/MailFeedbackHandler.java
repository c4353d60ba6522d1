package jp.yorisoi.functions.mailfeedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.aws.Priming;
import jp.yorisoi.mail.DynamoCounters;
import jp.yorisoi.mail.MailFeedback;
import jp.yorisoi.reader.DynamoReaderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SES bounce and complaint events from the configuration set's SNS topic: each record to {@link MailFeedback}. A
 * record that is not JSON is logged and dropped; a store failure fails the invocation, which Lambda retries
 * (SNS invokes asynchronously) and finally hands to the function's failure queue.
 */
public final class MailFeedbackHandler implements RequestHandler<SNSEvent, List<String>> {

    /** SnapStart's priming hook: warms the SDK and Jackson classes before the snapshot (Priming). */
    static {
        Priming.register(MailFeedbackHandler.class);
    }

    private static final Logger log = LoggerFactory.getLogger(MailFeedbackHandler.class);

    private final MailFeedback feedback;

    public MailFeedbackHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    private MailFeedbackHandler(Map<String, String> env, Clock clock) {
        this(fromEnvironment(env, clock));
    }

    public MailFeedbackHandler(MailFeedback feedback) {
        this.feedback = feedback;
    }

    private static MailFeedback fromEnvironment(Map<String, String> env, Clock clock) {
        DynamoDbClient dynamo = AwsClients.fromEnvironment(env).dynamoDb();
        return new MailFeedback(new DynamoReaderStore(dynamo, Environment.required(env, "READERS_TABLE")),
                new DynamoCounters(dynamo, Environment.required(env, "COUNTERS_TABLE")), clock);
    }

    /** @return each record's outcome, in order */
    @Override
    public List<String> handleRequest(SNSEvent event, Context context) {
        return HandlerLogging.withLogging(context, null, () -> {
            List<String> outcomes = new ArrayList<>();
            for (SNSEvent.SNSRecord record : event.getRecords()) {
                try {
                    outcomes.add(feedback.handle(record.getSNS().getMessage()).name());
                } catch (IllegalArgumentException malformed) {
                    log.warn("SNS message {} is not an SES event: dropped", record.getSNS().getMessageId());
                    outcomes.add("MALFORMED");
                }
            }
            return outcomes;
        });
    }
}
