package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A catch-up run of one town for one day, as the admin API hands it to the fan-out function:
 * {@code {"catchUp": {"municipalityId": "demo", "date": "2026-11-22"}}} (events/fan-out-catch-up.json). The fan-out
 * tells it from the hourly schedule's payload by its {@code catchUp} field.
 */
public record CatchUpRun(String municipalityId, LocalDate date) {

    public static final String FIELD = "catchUp";

    public CatchUpRun {
        if (municipalityId == null || municipalityId.isBlank() || date == null) {
            throw new IllegalArgumentException("a catch-up run names a municipality and a date");
        }
    }

    /** The invocation payload. */
    public Map<String, Object> toEvent() {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("municipalityId", municipalityId);
        run.put("date", date.toString());
        return Map.of(FIELD, run);
    }

    /** The run an event carries, if it is a catch-up event; a malformed one is an {@link IllegalArgumentException}. */
    public static Optional<CatchUpRun> fromEvent(Map<String, Object> event) {
        Object value = event.get(FIELD);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> run) || !(run.get("municipalityId") instanceof String id)
                || !(run.get("date") instanceof String date)) {
            throw new IllegalArgumentException("a catch-up event needs catchUp.municipalityId and catchUp.date");
        }
        try {
            return Optional.of(new CatchUpRun(id, LocalDate.parse(date)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("catchUp.date must be YYYY-MM-DD", e);
        }
    }
}
