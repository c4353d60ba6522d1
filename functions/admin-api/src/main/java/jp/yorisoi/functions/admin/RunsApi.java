package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.FanOutService.FanOutResult;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * Catch-up runs: {@code POST /admin/runs {"date": "YYYY-MM-DD", "municipalityId": "…"}} fans out that day for that
 * town now. The ledger makes a second run of the same day send nothing new.
 */
public final class RunsApi {

    /** The ledger keeps a day for about 400 days; a run of an older day could send it a second time. */
    static final int MAX_DAYS_BACK = 365;

    /**
     * A day run ahead of time is sent now and then not on the day. A few weeks ahead are allowed for the local
     * runner, whose pinned TODAY is moved through the calendar by running the following days.
     */
    static final int MAX_DAYS_AHEAD = 31;

    private final FanOutService fanOut;
    private final Clock clock;

    public RunsApi(FanOutService fanOut, Clock clock) {
        this.fanOut = fanOut;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("POST", "/admin/runs", this::run);
    }

    ApiResponse run(ApiRequest request) {
        JsonNode body = request.jsonBody();
        String municipalityId = text(body, "municipalityId");
        LocalDate date;
        try {
            date = LocalDate.parse(text(body, "date"));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date must be YYYY-MM-DD");
        }
        LocalDate today = LocalDate.now(clock.withZone(ProgramSchedule.ZONE));
        if (date.isBefore(today.minusDays(MAX_DAYS_BACK)) || date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw ApiException.badRequest("date must be within " + MAX_DAYS_BACK + " days before and "
                    + MAX_DAYS_AHEAD + " days after today (" + today + ")");
        }
        FanOutResult result;
        try {
            result = fanOut.run(date, Optional.of(municipalityId), -1);
        } catch (FanOutService.UnknownMunicipalityException e) {
            throw ApiException.notFound("no active municipality " + municipalityId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("date", date.toString());
        answer.put("municipalityId", municipalityId);
        answer.put("enqueued", result.enqueuedByMunicipality().getOrDefault(municipalityId, 0));
        return ApiResponse.accepted(answer);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(field + " is required");
        }
        return value.asText();
    }
}
