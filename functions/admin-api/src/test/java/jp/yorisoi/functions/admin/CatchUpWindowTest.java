package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatchUpWindowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void deployedTheWindowIsTodayAndTheSevenDaysBeforeByDefault() {
        CatchUpWindow window = CatchUpWindow.deployed(Map.of());

        assertDoesNotThrow(() -> window.check(TODAY, TODAY));
        assertDoesNotThrow(() -> window.check(LocalDate.of(2026, 2, 22), TODAY));
        assertEquals(400, assertThrows(ApiException.class, () -> window.check(LocalDate.of(2026, 2, 21), TODAY)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> window.check(LocalDate.of(2026, 3, 2), TODAY)).status());
    }

    @Test
    void catchUpDaysWidensOrNarrowsThePastWindow() {
        CatchUpWindow wide = CatchUpWindow.deployed(Map.of("CATCH_UP_DAYS", "30"));
        CatchUpWindow none = CatchUpWindow.deployed(Map.of("CATCH_UP_DAYS", "0"));

        assertDoesNotThrow(() -> wide.check(LocalDate.of(2026, 1, 30), TODAY));
        assertThrows(ApiException.class, () -> wide.check(LocalDate.of(2026, 1, 29), TODAY));
        assertDoesNotThrow(() -> none.check(TODAY, TODAY));
        assertThrows(ApiException.class, () -> none.check(TODAY.minusDays(1), TODAY));
    }

    @Test
    void theLocalRunnerRunsFutureDaysUpToAMonthAhead() {
        CatchUpWindow window = CatchUpWindow.local(Map.of("CATCH_UP_DAYS", "14"));

        assertDoesNotThrow(() -> window.check(TODAY.plusDays(1), TODAY));
        assertDoesNotThrow(() -> window.check(TODAY.plusDays(31), TODAY));
        assertThrows(ApiException.class, () -> window.check(TODAY.plusDays(32), TODAY));
        assertDoesNotThrow(() -> window.check(TODAY.minusDays(14), TODAY));
        assertThrows(ApiException.class, () -> window.check(TODAY.minusDays(15), TODAY));
    }

    @Test
    void aMalformedOrUnboundedSettingIsRefusedWithItsName() {
        assertEquals("CATCH_UP_DAYS must be a number of days, was 'week'", assertThrows(IllegalArgumentException.class,
                () -> CatchUpWindow.deployed(Map.of("CATCH_UP_DAYS", "week"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CatchUpWindow.deployed(Map.of("CATCH_UP_DAYS", "-1")));
        assertThrows(IllegalArgumentException.class, () -> CatchUpWindow.deployed(Map.of("CATCH_UP_DAYS", "366")));
    }
}
