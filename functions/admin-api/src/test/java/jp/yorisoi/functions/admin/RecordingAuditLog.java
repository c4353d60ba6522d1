package jp.yorisoi.functions.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The audit records a route made, for unit tests of what a change records. */
final class RecordingAuditLog implements AuditLog {

    record Entry(String subject, String municipalityId, String action, Map<String, Object> details) {}

    final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(Caller who, String municipalityId, String action, Map<String, Object> details) {
        entries.add(new Entry(who.subject(), municipalityId, action, Map.copyOf(details)));
    }
}
