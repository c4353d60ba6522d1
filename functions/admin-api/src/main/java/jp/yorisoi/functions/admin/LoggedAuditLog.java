package jp.yorisoi.functions.admin;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as structured log lines of the admin function (one per change: who, which town, what, details),
 * kept with the function's log group. Details are ids and counts by contract, so the line holds no personal data.
 */
public final class LoggedAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("audit");

    @Override
    public void record(Caller who, String municipalityId, String action, Map<String, Object> details) {
        LOG.info("audit: {} by {} in municipality {}: {}", action, who.subject(), municipalityId, details);
    }
}
