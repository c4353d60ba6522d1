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
 * town now, for a date inside the {@link CatchUpWindow}, and answers how many readers the run reaches. The ledger
 * makes a second run of the same day send nothing new.
 */
public final class RunsApi {

    private final FanOutService fanOut;
    private final Clock clock;
    private final CatchUpWindow window;

    public RunsApi(FanOutService fanOut, Clock clock, CatchUpWindow window) {
        this.fanOut = fanOut;
        this.clock = clock;
        this.window = window;
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
        window.check(date, LocalDate.now(clock.withZone(ProgramSchedule.ZONE)));
        FanOutResult result;
        try {
            result = fanOut.run(date, Optional.of(municipalityId), -1);
        } catch (FanOutService.UnknownMunicipalityException e) {
            throw ApiException.notFound("no active municipality " + municipalityId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("date", date.toString());
        answer.put("municipalityId", municipalityId);
        // the fan-out's own count: one job per reader due the day, each sent at most once by the ledger
        int readers = result.enqueuedByMunicipality().getOrDefault(municipalityId, 0);
        answer.put("readers", readers);
        answer.put("enqueued", readers);
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
