package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.yorisoi.delivery.CatchUpRun;
import jp.yorisoi.delivery.DueReaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A catch-up run only for days the delivery can stand behind: a day older than the catch-up window (LINE forgets a
 * retry key after 24 hours, and an old day is news to nobody), a future day (it would be sent now and then not on
 * the day) and dates the fan-out cannot handle are refused before any run is started.
 */
class RunsApiTest {

    /** 09:30 in Tokyo on 2026-11-22; the count has no stores, so reaching it would fail the test. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);

    private final List<CatchUpRun> started = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private final AuditLog audit = (who, town, action, details) -> audited.add(action);
    private final RunsApi deployed = new RunsApi(new DueReaders(null, null), started::add, audit, CLOCK,
            new CatchUpWindow(7, 0));
    private final RunsApi local = new RunsApi(new DueReaders(null, null), started::add, audit, CLOCK,
            CatchUpWindow.local(Map.of()));

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "9999-12-31", "2027-11-22", "2026-12-24",
            "2026-11-23", "2026-11-14", "2025-11-21", "1970-01-01"})
    void aDateOutsideTheDeployedWindowIsABadRequestAndStartsNoRun(String date) {
        ApiException e = assertThrows(ApiException.class, () -> deployed.run(request(date)));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("date"), e.getMessage());
        assertEquals(List.of(), started);
        assertEquals(List.of(), audited);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "9999-12-31", "2026-12-24", "2026-11-14", "1970-01-01"})
    void theLocalRunnerAlsoRefusesDatesOutsideItsWindow(String date) {
        ApiException e = assertThrows(ApiException.class, () -> local.run(request(date)));

        assertEquals(400, e.status());
        assertEquals(List.of(), started);
    }

    private static ApiRequest request(String date) {
        return new ApiRequest("POST", "/admin/runs", Map.of(), Map.of("content-type", "application/json"),
                "{\"date\":\"" + date + "\",\"municipalityId\":\"demo\"}", Caller.operator("test"));
    }
}
