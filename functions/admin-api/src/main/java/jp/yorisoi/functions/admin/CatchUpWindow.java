package jp.yorisoi.functions.admin;

import java.time.LocalDate;
import java.util.Map;

/**
 * Which days a catch-up run ({@code POST /admin/runs}) may fan out: today and the {@code daysBack} days before it
 * (setting CATCH_UP_DAYS, default 7). Deployed, never a future day: it would be sent now and then not on its day.
 * The local runner also runs days ahead, because a simulation moves its pinned TODAY through the calendar by
 * running the following days.
 *
 * @param daysBack    how many days before today may still be run
 * @param daysAhead   how many days after today may be run (0 when deployed)
 */
public record CatchUpWindow(int daysBack, int daysAhead) {

    public static final int DEFAULT_DAYS_BACK = 7;

    /**
     * The ledger remembers a (reader, day) for about 400 days; beyond that a second run could send a day twice.
     * The same bound keeps a local simulation's run inside dates the fan-out can handle.
     */
    static final int MAX_DAYS = 365;

    /** Days ahead the local runner allows: a month of simulated days at a time. */
    static final int LOCAL_DAYS_AHEAD = 31;

    public CatchUpWindow {
        if (daysBack < 0 || daysBack > MAX_DAYS) {
            throw new IllegalArgumentException("CATCH_UP_DAYS must be 0 to " + MAX_DAYS + ", was " + daysBack);
        }
        if (daysAhead < 0 || daysAhead > MAX_DAYS) {
            throw new IllegalArgumentException("days ahead must be 0 to " + MAX_DAYS + ", was " + daysAhead);
        }
    }

    /** The deployed window: CATCH_UP_DAYS back (default 7), no future day. */
    public static CatchUpWindow deployed(Map<String, String> env) {
        return new CatchUpWindow(daysBack(env), 0);
    }

    /** The local runner's window: CATCH_UP_DAYS back (default 7) and a month ahead. */
    public static CatchUpWindow local(Map<String, String> env) {
        return new CatchUpWindow(daysBack(env), LOCAL_DAYS_AHEAD);
    }

    /** CATCH_UP_DAYS, or the default when unset or blank. */
    public static int daysBack(Map<String, String> env) {
        String value = env.get("CATCH_UP_DAYS");
        if (value == null || value.isBlank()) {
            return DEFAULT_DAYS_BACK;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CATCH_UP_DAYS must be a number of days, was '" + value + "'", e);
        }
    }

    /** @throws ApiException 400 naming the window when {@code date} lies outside it */
    void check(LocalDate date, LocalDate today) {
        LocalDate first = today.minusDays(daysBack);
        if (date.isBefore(first)) {
            throw ApiException.badRequest("date " + date + " is older than the catch-up window of " + daysBack
                    + " days (" + first + " to " + today + ")");
        }
        if (date.isAfter(today.plusDays(daysAhead))) {
            throw ApiException.badRequest(daysAhead == 0
                    ? "date " + date + " is in the future: the schedule sends it on its day (today is " + today + ")"
                    : "date " + date + " is more than " + daysAhead + " days after today (" + today + ")");
        }
    }
}
