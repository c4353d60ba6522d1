package jp.yorisoi.functions.admin;

import java.util.Map;

/**
 * Every change made through the admin API, recorded with who made it (the token's subject), what, when and for
 * which town; readable by that town's staff and by operators. Details hold ids and counts, never personal data.
 */
public interface AuditLog {

    /**
     * @param municipalityId the town the change concerns, or null for a change outside any town
     * @param action         the operationId, e.g. "updateMunicipality"
     * @param details        small, non-personal facts about the change (ids, counts)
     */
    void record(Caller who, String municipalityId, String action, Map<String, Object> details);
}
