package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.OptionalLong;

/**
 * Whether tomorrow's LINE messages fit the channel's allowance. Pure: the counts and the quota are read elsewhere.
 * LINE counts a month's messages from its first day, so a forecast for the 1st starts from nothing used.
 *
 * @param lineMessages one per LINE reader due (a push is billed as one message whatever it carries)
 * @param remaining    what the allowance leaves for the day, empty when the channel has no limit
 * @param overBy       how many messages would not be sent, 0 when they fit
 */
public record MessageForecast(LocalDate day, int lineMessages, OptionalLong limit, long used, OptionalLong remaining,
        long overBy) {

    public static MessageForecast of(LocalDate today, LocalDate day, int lineMessages, LineQuota.Quota quota) {
        long used = YearMonth.from(day).equals(YearMonth.from(today)) ? quota.used() : 0;
        if (quota.limit().isEmpty()) {
            return new MessageForecast(day, lineMessages, quota.limit(), used, OptionalLong.empty(), 0);
        }
        long remaining = Math.max(0, quota.limit().getAsLong() - used);
        return new MessageForecast(day, lineMessages, quota.limit(), used, OptionalLong.of(remaining),
                Math.max(0, lineMessages - remaining));
    }

    public boolean runsOver() {
        return overBy > 0;
    }
}
