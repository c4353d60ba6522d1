package jp.yorisoi.privacy;

import java.time.LocalDate;
import jp.yorisoi.reader.Dormancy;

/**
 * How long a town keeps readers who no longer receive anything. A town may set each period (town settings); the
 * defaults are the service's.
 *
 * @param unfinishedDays   a registration never finished, counted from the first message
 * @param cutOffDays       a reader who blocked the account, is unreachable or unsubscribed, from that change
 * @param afterProgramDays a reader whose last child left the program (grew past it, or every child was lost),
 *                         counted from the last message
 */
public record RetentionPolicy(int unfinishedDays, int cutOffDays, int afterProgramDays) {

    public static final RetentionPolicy DEFAULT = new RetentionPolicy(30, 183, 90);
    /** Bounds a town's setting: never an immediate removal, never beyond the ledger's own ~400-day life. */
    static final int MIN_DAYS = 7;
    static final int MAX_DAYS = 400;

    public RetentionPolicy {
        for (int days : new int[] {unfinishedDays, cutOffDays, afterProgramDays}) {
            if (days < MIN_DAYS || days > MAX_DAYS) {
                throw new IllegalArgumentException("a retention period is " + MIN_DAYS + " to " + MAX_DAYS + " days");
            }
        }
    }

    /**
     * The last {@code since} of a dormancy of {@code kind} that is due on {@code today}. For a grown child the last
     * message is the day before the town's end birthday, so the period counts from there.
     */
    public LocalDate dueSinceOnOrBefore(Dormancy.Kind kind, LocalDate today, int endBirthday) {
        return switch (kind) {
            case UNFINISHED -> today.minusDays(unfinishedDays);
            case CUT_OFF -> today.minusDays(cutOffDays);
            case ENDED -> today.minusDays(afterProgramDays);
            case GROWN -> today.minusDays(afterProgramDays - 1L).minusYears(endBirthday);
        };
    }

    /** True when the reader's dormancy has lasted its full period on {@code today}. */
    public boolean due(Dormancy dormancy, LocalDate today, int endBirthday) {
        if (dormancy.kind() == Dormancy.Kind.GROWN) {
            LocalDate lastMessage = dormancy.since().plusYears(endBirthday).minusDays(1);
            return !lastMessage.plusDays(afterProgramDays).isAfter(today);
        }
        return !dormancy.since().isAfter(dueSinceOnOrBefore(dormancy.kind(), today, endBirthday));
    }
}
