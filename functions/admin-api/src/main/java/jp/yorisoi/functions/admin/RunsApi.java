package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.delivery.FanOutService.FanOutResult;

/**
 * Catch-up runs: {@code POST /admin/runs {"date": "YYYY-MM-DD", "municipalityId": "…"}} fans out that day for that
 * town now. The ledger makes a second run of the same day send nothing new.
 */
public final class RunsApi {

    private final FanOutService fanOut;

    public RunsApi(FanOutService fanOut) {
        this.fanOut = fanOut;
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
