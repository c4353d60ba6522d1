package jp.yorisoi.content;

import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.Track;

/**
 * Who a calendar message or broadcast is for: everyone (track null), or one track with an optional day range
 * (pregnancy day or child age in days, both inclusive).
 */
public record Audience(Track track, Integer fromDay, Integer toDay) {

    public static final Audience EVERYONE = new Audience(null, null, null);

    /** Whether a child at {@code position} belongs to this audience. */
    public boolean includes(Position position) {
        int day;
        Track positionTrack;
        if (position instanceof Position.Pregnancy p) {
            day = p.day();
            positionTrack = Track.PREGNANCY;
        } else if (position instanceof Position.Child c) {
            day = c.ageDays();
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
