package jp.yorisoi.functions.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.LineQuota;
import jp.yorisoi.delivery.MessageForecast;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.schedule.ProgramSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code getForecast}: tomorrow's deliveries of a town, counted as the fan-out will enqueue them ({@link DueReaders}:
 * the active readers registered by then, by channel), beside its LINE channel's allowance and what it used this
 * month (LINE's quota API), with a warning when tomorrow's LINE messages would not fit.
 */
public final class ForecastApi {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastApi.class);

    private final DueReaders dueReaders;
    private final LineQuota quota;
    private final Clock clock;

    public ForecastApi(DueReaders dueReaders, LineQuota quota, Clock clock) {
        this.dueReaders = dueReaders;
        this.quota = quota;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("GET", "/admin/municipalities/{municipalityId}/forecast", this::forecast);
    }

    ApiResponse forecast(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireRead(municipalityId);
        LocalDate today = LocalDate.now(clock.withZone(ProgramSchedule.ZONE));
        LocalDate tomorrow = today.plusDays(1);
        Map<Channel, Integer> due;
        try {
            due = dueReaders.byChannel(municipalityId, tomorrow);
        } catch (FanOutService.UnknownMunicipalityException e) {
            throw ApiException.notFound("no active municipality " + municipalityId);
        }
        int line = due.getOrDefault(Channel.LINE, 0);
        int email = due.getOrDefault(Channel.EMAIL, 0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("municipalityId", municipalityId);
        answer.put("date", tomorrow.toString());
        answer.put("deliveries", Map.of("line", line, "email", email, "total", line + email));
        answer.put("lineMessages", line);
        try {
            MessageForecast forecast = MessageForecast.of(today, tomorrow, line, quota.quota(municipalityId));
            Map<String, Object> quotaView = new LinkedHashMap<>();
            quotaView.put("type", forecast.limit().isPresent() ? "limited" : "none");
            quotaView.put("limit", forecast.limit().isPresent() ? forecast.limit().getAsLong() : null);
            quotaView.put("used", forecast.used());
            quotaView.put("remaining", forecast.remaining().isPresent() ? forecast.remaining().getAsLong() : null);
            answer.put("quota", quotaView);
            answer.put("warning", forecast.runsOver()
                    ? "tomorrow's " + line + " LINE messages exceed what the channel has left this month ("
                            + forecast.remaining().getAsLong() + "): " + forecast.overBy() + " readers would get "
                            + "nothing; raise the LINE plan before the delivery hour"
                    : null);
        } catch (LineQuota.QuotaUnavailableException e) {
            LOG.warn("LINE quota of municipality {} unavailable: {}", municipalityId, e.getMessage());
            answer.put("quota", null);
            answer.put("warning", "LINE did not tell the channel's allowance just now; try again shortly");
        }
        return ApiResponse.ok(answer);
    }
}
