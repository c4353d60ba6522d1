package jp.yorisoi.functions.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.aws.Priming;
import jp.yorisoi.delivery.CatchUpRun;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryReconciliation;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.EmfDeliveryMetrics;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.FanOutService.FanOutResult;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * Runs the hourly fan-out for the towns whose delivery hour has come (Asia/Tokyo), then reconciles the towns of
 * the hour before. The hour is taken from the schedule's own time ({@code scheduledTime}, or a ScheduledEvent's
 * {@code time}) so a retried invocation still serves the hour it was scheduled for; {@code {"hour": "auto"}} uses
 * the clock, {@code {"hour": 8}} names the hour. Metrics are flushed even when the run fails.
 *
 * <p>A catch-up event from the admin API, {@code {"catchUp": {"municipalityId": "…", "date": "YYYY-MM-DD"}}}
 * ({@link CatchUpRun}), runs that town for that day whatever its hour, within the invocation's time: when time runs
 * short the invocation fails with FanOutContinuesException and Lambda's asynchronous retry runs the event again
 * (the ledger skips whoever was served already).
 */
public final class FanOutHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** SnapStart's priming hook: warms the SDK, Jackson and LINE classes before the snapshot (Priming). */
    static {
        Priming.register(FanOutHandler.class);
    }

    private final FanOutService fanOut;
    private final Optional<DeliveryReconciliation> reconciliation;
    private final Clock clock;
    private final Runnable flushMetrics;

    public FanOutHandler() {
        this(new EmfDeliveryMetrics());
    }

    private FanOutHandler(EmfDeliveryMetrics metrics) {
        this(DeliveryWiring.fromEnvironment(System.getenv(), DeliveryMetrics.NONE), metrics);
    }

    private FanOutHandler(DeliveryWiring wiring, EmfDeliveryMetrics metrics) {
        this(wiring.hourlyFanOut(metrics), Optional.of(wiring.reconciliation(metrics)), Clock.systemUTC(),
                metrics::flush);
    }

    /** Without reconciliation or metrics (the local runner). */
    public FanOutHandler(FanOutService fanOut, Clock clock) {
        this(fanOut, Optional.empty(), clock, () -> {});
    }

    public FanOutHandler(FanOutService fanOut, Optional<DeliveryReconciliation> reconciliation, Clock clock,
            Runnable flushMetrics) {
        this.fanOut = fanOut;
        this.reconciliation = reconciliation;
        this.clock = clock;
        this.flushMetrics = flushMetrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return HandlerLogging.withLogging(context, context == null ? null : context.getAwsRequestId(), () -> {
            try {
                return run(event == null ? Map.of() : event, context);
            } finally {
                flushMetrics.run();
            }
        });
    }

    private Map<String, Object> run(Map<String, Object> input, Context context) {
        LongSupplier remainingMillis = context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis;
        Optional<CatchUpRun> catchUp = CatchUpRun.fromEvent(input);
        if (catchUp.isPresent()) {
            return catchUp(catchUp.get(), remainingMillis);
        }
        ZonedDateTime at = scheduledAt(input).orElseGet(() -> clock.instant()).atZone(ProgramSchedule.ZONE);
        LocalDate date = Optional.ofNullable(input.get("date")).map(Object::toString).map(LocalDate::parse)
                .orElse(at.toLocalDate());
        Optional<String> municipalityId = Optional.ofNullable(input.get("municipalityId")).map(Object::toString);
        int hour = input.get("hour") instanceof Number n ? n.intValue() : at.getHour();
        FanOutResult result = fanOut.run(date, municipalityId, hour, remainingMillis);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("date", result.date().toString());
        response.put("hour", hour);
        response.put("enqueued", result.enqueuedByMunicipality());
        response.put("total", result.total());
        if (municipalityId.isEmpty() && reconciliation.isPresent()) {
            // the towns of the hour before: their senders had an hour
            LocalDateTime previous = date.atTime(hour, 0).minusHours(1);
            reconciliation.get().reconcile(previous.toLocalDate(), previous.getHour());
        }
        return response;
    }

    private Map<String, Object> catchUp(CatchUpRun run, LongSupplier remainingMillis) {
        // FanOutService logs the town's count, as for the hourly run
        FanOutResult result = fanOut.run(run.date(), Optional.of(run.municipalityId()), -1, remainingMillis);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("date", result.date().toString());
        response.put("catchUp", run.municipalityId());
        response.put("enqueued", result.enqueuedByMunicipality());
        response.put("total", result.total());
        return response;
    }

    private static Optional<Instant> scheduledAt(Map<String, Object> input) {
        for (String field : new String[] {"scheduledTime", "time"}) {
            Object value = input.get(field);
            if (value != null && !value.toString().isBlank() && !value.toString().startsWith("<")) {
                try {
                    return Optional.of(Instant.parse(value.toString()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("unreadable " + field + " in the schedule payload", e);
                }
            }
        }
        return Optional.empty();
    }
}
