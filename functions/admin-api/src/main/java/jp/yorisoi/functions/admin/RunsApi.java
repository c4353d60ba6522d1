package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.yorisoi.delivery.CatchUpRun;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * Catch-up runs: {@code POST /admin/runs {"date": "YYYY-MM-DD", "municipalityId": "…"}} checks the date against the
 * {@link CatchUpWindow} and the town, counts the readers the run reaches, hands the run to the fan-out
 * ({@link FanOutTrigger}) and answers 202 with that count. The fan-out itself runs after the answer: a large town
 * takes minutes, and an HTTP API request at most 30 seconds. The ledger makes a second run of the same day send
 * nothing new.
 */
public final class RunsApi {

    private final DueReaders dueReaders;
    private final FanOutTrigger trigger;
    private final AuditLog audit;
    private final Clock clock;
    private final CatchUpWindow window;

    public RunsApi(DueReaders dueReaders, FanOutTrigger trigger, AuditLog audit, Clock clock, CatchUpWindow window) {
        this.dueReaders = dueReaders;
        this.trigger = trigger;
        this.audit = audit;
        this.clock = clock;
        this.window = window;
    }

    public void register(Router router) {
        router.add("POST", "/admin/runs", this::run);
    }

    ApiResponse run(ApiRequest request) {
        request.caller().requireOperator();
        JsonNode body = request.jsonBody();
        String municipalityId = text(body, "municipalityId");
        LocalDate date;
        try {
            date = LocalDate.parse(text(body, "date"));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date must be YYYY-MM-DD");
        }
        window.check(date, LocalDate.now(clock.withZone(ProgramSchedule.ZONE)));
        int readers;
        try {
            // the readers the fan-out will enqueue: one job each, each sent at most once by the ledger
            readers = dueReaders.count(municipalityId, date);
        } catch (FanOutService.UnknownMunicipalityException e) {
            throw ApiException.notFound("no active municipality " + municipalityId);
        }
        try {
            trigger.start(new CatchUpRun(municipalityId, date));
        } catch (RuntimeException e) {
            // Lambda did not take the event (throttled, unreachable, refused): nothing was enqueued, so a retry is safe
            throw new ApiException(503, "unavailable", "the catch-up run could not be started; nothing was "
                    + "enqueued, please try again");
        }
        audit.record(request.caller(), municipalityId, "createRun", Map.of("date", date.toString(), "readers", readers));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("date", date.toString());
        answer.put("municipalityId", municipalityId);
        answer.put("readers", readers);
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
