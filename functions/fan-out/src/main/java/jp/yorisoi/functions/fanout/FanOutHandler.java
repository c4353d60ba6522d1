package jp.yorisoi.functions.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.aws.HandlerLogging;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryWiring;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.FanOutService.FanOutResult;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * Runs the hourly fan-out for the towns whose delivery hour has come (Asia/Tokyo). The hour is taken from the
 * schedule's own time ({@code scheduledTime}, or a ScheduledEvent's {@code time}) so a retried invocation still
 * serves the hour it was scheduled for; {@code {"hour": "auto"}} uses the clock, {@code {"hour": 8}} names the hour.
 */
public final class FanOutHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final FanOutService fanOut;
    private final Clock clock;

    public FanOutHandler() {
        this(DeliveryWiring.fromEnvironment(System.getenv(), DeliveryMetrics.NONE).fanOut(), Clock.systemUTC());
    }

    public FanOutHandler(FanOutService fanOut, Clock clock) {
        this.fanOut = fanOut;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return HandlerLogging.withLogging(context, context == null ? null : context.getAwsRequestId(),
                () -> run(event));
    }

    private Map<String, Object> run(Map<String, Object> event) {
        Map<String, Object> input = event == null ? Map.of() : event;
        ZonedDateTime at = scheduledAt(input).orElseGet(() -> clock.instant()).atZone(ProgramSchedule.ZONE);
        LocalDate date = Optional.ofNullable(input.get("date")).map(Object::toString).map(LocalDate::parse)
                .orElse(at.toLocalDate());
        Optional<String> municipalityId = Optional.ofNullable(input.get("municipalityId")).map(Object::toString);
        int hour = input.get("hour") instanceof Number n ? n.intValue() : at.getHour();
        FanOutResult result = fanOut.run(date, municipalityId, hour);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("date", result.date().toString());
        response.put("hour", hour);
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
