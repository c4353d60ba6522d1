package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import jp.yorisoi.delivery.FanOutService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A catch-up run only for days the delivery can stand behind: a far-off date cannot be fanned out at all (its ledger
 * entry would never expire, the senders fail on it), a year-old one is no longer remembered by the ledger (a repeat
 * would send twice), and one weeks ahead would send that day's message now and nothing on the day.
 */
class RunsApiTest {

    /** 09:30 in Tokyo on 2026-11-22: the fan-out is never reached for a rejected date. */
    private final RunsApi runs = new RunsApi(new FanOutService(null, null, null),
            Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "9999-12-31", "2027-11-22", "2026-12-24",
            "2025-11-21", "1970-01-01"})
    void aDateOutsideTheCatchUpWindowIsABadRequestBeforeAnyJobIsEnqueued(String date) {
        ApiException e = assertThrows(ApiException.class, () -> runs.run(request(date)));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("date"), e.getMessage());
    }

    private static ApiRequest request(String date) {
        return new ApiRequest("POST", "/admin/runs", Map.of(), Map.of("content-type", "application/json"),
                "{\"date\":\"" + date + "\",\"municipalityId\":\"demo\"}");
    }
}
