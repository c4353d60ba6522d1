package jp.yorisoi.functions.admin;

import java.util.List;
import java.util.Optional;

/** Reads the audit records back, newest first, a page at a time. */
public interface AuditTrail {

    /** One page and, when more follow, the opaque cursor that continues after it. */
    record Page(List<AuditRecord> records, Optional<String> next) {}

    /**
     * @param municipalityId one town's records, or empty for every town's (operators)
     * @param limit          at most this many records
     * @param after          the cursor a previous page returned, or empty for the newest
     * @throws IllegalArgumentException when the cursor is not one this trail returned
     */
    Page page(Optional<String> municipalityId, int limit, Optional<String> after);
}
