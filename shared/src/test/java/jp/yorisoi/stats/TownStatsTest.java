package jp.yorisoi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TownStatsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void childrenFallIntoTheBandOfTheirAgeInMonthsAndPregnanciesByMonthsToTheDueDate() {
        TownStats stats = TownStats.from(Map.of(
                "born#2026-11", 2L, "born#2026-06", 1L, "born#2026-05", 1L, "born#2025-11", 3L, "born#2024-11", 1L,
                "born#2023-10", 1L, "due#2027-05", 4L, "due#2027-02", 1L, "due#2027-01", 2L), TODAY);

        assertEquals(Map.of("0-5m", 3L, "6-11m", 1L, "1y", 3L, "2y", 1L, "3y+", 1L, "pregnancy-early", 4L,
                "pregnancy-middle", 1L, "pregnancy-late", 2L), stats.activeByAgeBand());
        assertEquals(Map.of("CHILD", 9L, "PREGNANCY", 7L), stats.activeByTrack());
    }

    @Test
    void stoppedAndBlockedGatherTheirStatusesAndZeroCountersAreLeftOut() {
        TownStats stats = TownStats.from(Map.of("status#PAUSED", 2L, "status#UNSUBSCRIBED", 1L, "status#BLOCKED", 4L,
                "status#UNREACHABLE", 1L, "status#ACTIVE", 7L, "losses", 1L, "role#PARTNER", 0L, "role#MOTHER", 5L,
                "registered#2026-10", 3L, "registered#2026-11", 9L), TODAY);

        assertEquals(3, stats.stopped());
        assertEquals(5, stats.blocked());
        assertEquals(7, stats.activeReaders());
        assertEquals(1, stats.losses());
        assertEquals(Map.of("MOTHER", 5L), stats.activeByRole());
        assertEquals(Map.of("2026-10", 3L, "2026-11", 9L), stats.registrationsPerMonth());
    }
}
