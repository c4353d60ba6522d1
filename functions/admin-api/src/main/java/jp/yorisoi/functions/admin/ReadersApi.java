package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.privacy.ReaderErasure;
import jp.yorisoi.reader.Channel;

/**
 * A reader's data, as operators handle it. {@code POST /admin/municipalities/{municipalityId}/reader-deletions}
 * with {@code {"lineUserId": "U…"}} or {@code {"email": "…"}} erases that reader of the town (operationId
 * deleteReader): the address travels in the body, never in the path, so no access log or route carries it. The
 * answer and the audit record carry the reader id and counts only.
 */
public final class ReadersApi {

    static final String DELETE_READER = "deleteReader";

    private final ReaderErasure erasure;
    private final AuditLog audit;

    public ReadersApi(ReaderErasure erasure, AuditLog audit) {
        this.erasure = erasure;
        this.audit = audit;
    }

    public void register(Router router) {
        router.add("POST", "/admin/municipalities/{municipalityId}/reader-deletions", this::deleteReader);
    }

    ApiResponse deleteReader(ApiRequest request) {
        request.caller().requireOperator();
        String municipalityId = request.pathParameters().get("municipalityId");
        JsonNode body = request.jsonBody();
        String lineUserId = optionalText(body, "lineUserId");
        String email = optionalText(body, "email");
        if ((lineUserId == null) == (email == null)) {
            throw ApiException.badRequest("give exactly one of lineUserId and email");
        }
        if (email != null && !email.contains("@")) {
            throw ApiException.badRequest("email is not an e-mail address");
        }
        Channel channel = lineUserId != null ? Channel.LINE : Channel.EMAIL;
        Optional<ReaderErasure.Erased> erased = erasure.eraseByAddress(municipalityId, channel,
                lineUserId != null ? lineUserId : email);
        if (erased.isEmpty()) {
            throw ApiException.notFound("no reader with that address in town " + municipalityId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("municipalityId", municipalityId);
        answer.put("readerId", erased.get().readerId());
        answer.put("ledgerEntries", erased.get().ledgerEntries());
        audit.record(request.caller(), municipalityId, DELETE_READER, answer);
        return ApiResponse.ok(answer);
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 320) {
            throw ApiException.badRequest(field + " must be a non-empty string");
        }
        return value.asText().strip();
    }
}
