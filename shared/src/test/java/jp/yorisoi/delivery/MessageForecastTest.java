package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessageForecastTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aChannelWithoutLimitNeverRunsOver() {
        MessageForecast forecast = MessageForecast.of(TODAY, TODAY.plusDays(1), 1_000_000,
                new LineQuota.Quota(OptionalLong.empty(), 5_000_000));

        assertFalse(forecast.runsOver());
        assertTrue(forecast.remaining().isEmpty());
    }

    @Test
    void tomorrowsMessagesBeyondWhatTheAllowanceLeavesRunOverByTheDifference() {
        MessageForecast forecast = MessageForecast.of(TODAY, TODAY.plusDays(1), 300,
                new LineQuota.Quota(OptionalLong.of(5_000), 4_800));

        assertTrue(forecast.runsOver());
        assertEquals(OptionalLong.of(200), forecast.remaining());
        assertEquals(100, forecast.overBy());
    }

    @Test
    void exactlyWhatIsLeftFits() {
        MessageForecast forecast = MessageForecast.of(TODAY, TODAY.plusDays(1), 200,
                new LineQuota.Quota(OptionalLong.of(5_000), 4_800));

        assertFalse(forecast.runsOver());
    }

    @Test
    void theFirstOfAMonthStartsFromNothingUsed() {
        LocalDate lastDay = LocalDate.of(2026, 11, 30);

        MessageForecast forecast = MessageForecast.of(lastDay, lastDay.plusDays(1), 300,
                new LineQuota.Quota(OptionalLong.of(5_000), 4_990));

        assertEquals(0, forecast.used());
        assertFalse(forecast.runsOver());
    }

    @Test
    void usageBeyondTheLimitLeavesNothing() {
        MessageForecast forecast = MessageForecast.of(TODAY, TODAY.plusDays(1), 1,
                new LineQuota.Quota(OptionalLong.of(5_000), 5_100));

        assertEquals(OptionalLong.of(0), forecast.remaining());
        assertEquals(1, forecast.overBy());
    }
}
