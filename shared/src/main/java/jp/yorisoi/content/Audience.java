package jp.yorisoi.content;

import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.Track;

/**
 * Who a calendar message or broadcast is for: everyone (track null), or one track with an optional range, both
 * ends inclusive: pregnancy days or child age in days, or for the child track the completed months of age
 * ({@link Unit#MONTHS}), as staff plan events ("4か月から6か月の赤ちゃん").
 */
public record Audience(Track track, Integer fromDay, Integer toDay, Unit unit) {

    public static final Audience EVERYONE = new Audience(null, null, null);

    /** What {@code fromDay} and {@code toDay} count. */
    public enum Unit { DAYS, MONTHS }

    /** A range in days (pregnancy day or child age in days). */
    public Audience(Track track, Integer fromDay, Integer toDay) {
        this(track, fromDay, toDay, Unit.DAYS);
    }

    public Audience {
        unit = unit == null ? Unit.DAYS : unit;
        if (unit == Unit.MONTHS && track != Track.CHILD) {
            throw new IllegalArgumentException("an age range in months is for the child track only");
        }
    }

    /** Whether a child at {@code position} belongs to this audience. */
    public boolean includes(Position position) {
        int day;
        Track positionTrack;
        if (position instanceof Position.Pregnancy p) {
            day = p.day();
            positionTrack = Track.PREGNANCY;
        } else if (position instanceof Position.Child c) {
            day = unit == Unit.MONTHS ? c.years() * 12 + c.months() : c.ageDays();
            positionTrack = Track.CHILD;
        } else {
            return false;
        }
        if (track == null) {
            return true;
        }
        return track == positionTrack
                && (fromDay == null || day >= fromDay)
                && (toDay == null || day <= toDay);
    }
}
