package jp.yorisoi.functions.retention;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.Environment;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.aws.Priming;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.delivery.EmfDeliveryMetrics;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.privacy.DynamoRetentionSettings;
import jp.yorisoi.privacy.ReaderErasure;
import jp.yorisoi.privacy.RetentionJob;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.stats.CountingReaderStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The daily retention run ({@link RetentionJob}) for the day the schedule names ({@code scheduledTime}, Asia/Tokyo),
 * or today by the clock. Metrics are flushed even when the run fails; a failed run is an error Lambda retries and
 * the alarm reports.
 */
public final class RetentionHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** SnapStart's priming hook: warms the SDK, Jackson and LINE classes before the snapshot (Priming). */
    static {
        Priming.register(RetentionHandler.class);
    }

    private final RetentionJob job;
    private final Clock clock;
    private final Runnable flushMetrics;

    public RetentionHandler() {
        this(System.getenv(), AwsClients.fromEnvironment(System.getenv()).dynamoDb(), new EmfDeliveryMetrics());
    }

    private RetentionHandler(Map<String, String> env, DynamoDbClient dynamo, EmfDeliveryMetrics metrics) {
        this(job(env, dynamo, metrics), Clock.systemUTC(), metrics::flush);
    }

    public RetentionHandler(RetentionJob job, Clock clock, Runnable flushMetrics) {
        this.job = job;
        this.clock = clock;
        this.flushMetrics = flushMetrics;
    }

    /** The readers by id only (no address is resolved here), the towns, their settings and the ledger. */
    private static RetentionJob job(Map<String, String> env, DynamoDbClient dynamo, EmfDeliveryMetrics metrics) {
        String readersTable = Environment.required(env, "READERS_TABLE");
        String municipalitiesTable = Environment.required(env, "MUNICIPALITIES_TABLE");
        // through the counters, so an erased reader leaves the town's statistics with their tally
        CountingReaderStore readers = CountingReaderStore.inTable(dynamo, readersTable);
        return new RetentionJob(new DynamoMunicipalityStore(dynamo, municipalitiesTable,
                Environment.defaultDeliveryHour(env)), readers, new DynamoRetentionSettings(dynamo, municipalitiesTable),
                new ReaderErasure(readers, new DynamoLedger(dynamo, Environment.required(env, "LEDGER_TABLE"),
                        readersTable), Clock.systemUTC()), metrics::add);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return HandlerLogging.withLogging(context, context == null ? null : context.getAwsRequestId(), () -> {
            try {
                LocalDate today = LocalDate.ofInstant(scheduledAt(event == null ? Map.of() : event)
                        .orElseGet(clock::instant), ProgramSchedule.ZONE);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("date", today.toString());
                answer.put("erased", job.run(today));
                return answer;
            } finally {
                flushMetrics.run();
            }
        });
    }

    private static Optional<Instant> scheduledAt(Map<String, Object> input) {
        Object value = input.get("scheduledTime");
        if (value == null || value.toString().isBlank() || value.toString().startsWith("<")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable scheduledTime in the schedule payload", e);
        }
    }
}
