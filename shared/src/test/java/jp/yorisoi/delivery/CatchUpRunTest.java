package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatchUpRunTest {

    @Test
    void theEventCarriesTheRunAndReadsBackAsIt() {
        CatchUpRun run = new CatchUpRun("demo", LocalDate.of(2026, 11, 22));

        assertEquals(Map.of("catchUp", Map.of("municipalityId", "demo", "date", "2026-11-22")), run.toEvent());
        assertEquals(Optional.of(run), CatchUpRun.fromEvent(run.toEvent()));
    }

    @Test
    void theHourlyScheduleIsNoCatchUp() {
        assertEquals(Optional.empty(), CatchUpRun.fromEvent(Map.of("scheduledTime", "2026-11-21T23:00:00Z")));
    }

    @Test
    void aCatchUpWithoutATownOrWithABadDateIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CatchUpRun.fromEvent(Map.of("catchUp", Map.of("date", "2026-11-22"))));
        assertThrows(IllegalArgumentException.class,
                () -> CatchUpRun.fromEvent(Map.of("catchUp", Map.of("municipalityId", "demo", "date", "22.11.2026"))));
        assertThrows(IllegalArgumentException.class, () -> CatchUpRun.fromEvent(Map.of("catchUp", "demo")));
    }
}
