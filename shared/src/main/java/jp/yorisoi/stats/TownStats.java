package jp.yorisoi.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * A town's statistics for the council report, read from its counters ({@link ReaderTally}) on a given day. Counts
 * only. Track and age band come from each active child's due or birth month: a child born in a month is counted in
 * the band of its age in whole months from that month to this one, so a band's edge is exact to the month, not the day.
 *
 * @param registrationsPerMonth readers who finished registering, by month (yyyy-MM), whatever they did since
 * @param activeByTrack         active children by track (PREGNANCY, CHILD)
 * @param activeByAgeBand       active children by band: pregnancy by months to the due date, children by age
 * @param stopped               readers who stopped (PAUSED) or unsubscribed from e-mail
 * @param blocked               readers who blocked the account or whose address the channel refuses
 * @param losses                children whose loss was reported
 */
public record TownStats(Map<String, Long> registrationsPerMonth, long activeReaders, Map<String, Long> activeByChannel,
        Map<String, Long> activeByRole, Map<String, Long> activeByLanguage, Map<String, Long> activeByTrack,
        Map<String, Long> activeByAgeBand, long stopped, long blocked, long losses) {

    public static TownStats from(Map<String, Long> counters, LocalDate today) {
        Map<String, Long> registrations = new TreeMap<>();
        Map<String, Long> channel = new TreeMap<>();
        Map<String, Long> role = new TreeMap<>();
        Map<String, Long> language = new TreeMap<>();
        Map<String, Long> track = new TreeMap<>();
        Map<String, Long> ageBand = new TreeMap<>();
        YearMonth now = YearMonth.from(today);
        counters.forEach((key, count) -> {
            if (count == 0) {
                return;
            }
            if (key.startsWith(ReaderTally.REGISTERED)) {
                registrations.merge(key.substring(ReaderTally.REGISTERED.length()), count, Long::sum);
            } else if (key.startsWith(ReaderTally.CHANNEL)) {
                channel.merge(key.substring(ReaderTally.CHANNEL.length()), count, Long::sum);
            } else if (key.startsWith(ReaderTally.ROLE)) {
                role.merge(key.substring(ReaderTally.ROLE.length()), count, Long::sum);
            } else if (key.startsWith(ReaderTally.LANGUAGE)) {
                language.merge(key.substring(ReaderTally.LANGUAGE.length()), count, Long::sum);
            } else if (key.startsWith(ReaderTally.DUE)) {
                track.merge("PREGNANCY", count, Long::sum);
                long monthsToDue = now.until(YearMonth.parse(key.substring(ReaderTally.DUE.length())), ChronoUnit.MONTHS);
                ageBand.merge(monthsToDue >= 6 ? "pregnancy-early" : monthsToDue >= 3 ? "pregnancy-middle"
                        : "pregnancy-late", count, Long::sum);
            } else if (key.startsWith(ReaderTally.BORN)) {
                track.merge("CHILD", count, Long::sum);
                long months = YearMonth.parse(key.substring(ReaderTally.BORN.length())).until(now, ChronoUnit.MONTHS);
                ageBand.merge(months < 6 ? "0-5m" : months < 12 ? "6-11m" : months < 24 ? "1y" : months < 36 ? "2y"
                        : "3y+", count, Long::sum);
            }
        });
        return new TownStats(registrations, counters.getOrDefault(ReaderTally.STATUS + "ACTIVE", 0L), channel, role,
                language, track, ageBand,
                counters.getOrDefault(ReaderTally.STATUS + "PAUSED", 0L)
                        + counters.getOrDefault(ReaderTally.STATUS + "UNSUBSCRIBED", 0L),
                counters.getOrDefault(ReaderTally.STATUS + "BLOCKED", 0L)
                        + counters.getOrDefault(ReaderTally.STATUS + "UNREACHABLE", 0L),
                counters.getOrDefault(ReaderTally.LOSSES, 0L));
    }
}
