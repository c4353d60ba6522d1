package jp.yorisoi.functions.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit records, newest first, a page at a time ({@code ?limit=1..100}, default 50; {@code ?after=} the
 * previous page's {@code next}): {@code GET /admin/municipalities/{municipalityId}/audit} for a town's staff and
 * operators (listAudit), {@code GET /admin/audit} every town's, for operators (listAllAudit).
 */
public final class AuditApi {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final AuditTrail trail;

    public AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    public void register(Router router) {
        router.add("GET", "/admin/municipalities/{municipalityId}/audit", this::listAudit);
        router.add("GET", "/admin/audit", this::listAllAudit);
    }

    ApiResponse listAudit(ApiRequest request) {
        String town = request.pathParameter("municipalityId");
        request.caller().requireRead(town);
        return page(request, Optional.of(town));
    }

    ApiResponse listAllAudit(ApiRequest request) {
        request.caller().requireOperator();
        return page(request, Optional.empty());
    }

    private ApiResponse page(ApiRequest request, Optional<String> town) {
        int limit = limit(request.queryParameter("limit"));
        AuditTrail.Page page;
        try {
            page = trail.page(town, limit, request.queryParameter("after"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("after must be the next value of a previous page");
        }
        List<Map<String, Object>> records = page.records().stream().map(AuditApi::json).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("records", records);
        body.put("next", page.next().orElse(null));
        return ApiResponse.ok(body);
    }

    private static int limit(Optional<String> text) {
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit must be a number from 1 to " + MAX_LIMIT);
    }

    private static Map<String, Object> json(AuditRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", record.at().toString());
        json.put("subject", record.subject());
        json.put("municipalityId", record.municipalityId());
        json.put("action", record.action());
        json.put("details", record.details());
        return json;
    }
}
