package jp.yorisoi.functions.admin;

import java.time.Instant;
import java.util.Map;

/**
 * One change made through the admin API: when, who (the token's subject), which town (null for none), which
 * operation, and its non-personal details (ids, counts).
 */
public record AuditRecord(Instant at, String subject, String municipalityId, String action,
        Map<String, Object> details) {

    public AuditRecord {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
