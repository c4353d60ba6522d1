package jp.yorisoi.stats;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.ChildStatus;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;

/**
 * What one reader adds to their town's counters, as counter name → amount. Only what changes when the reader is
 * written: the registration month, the status, and for an active reader the channel, role, language and each active
 * child's due or birth month (track and age band are derived from the months when the counters are read, so they
 * need no write as days pass), and the children lost. Counts only: no id, no date finer than a month.
 */
public final class ReaderTally {

    static final String REGISTERED = "registered#";
    static final String STATUS = "status#";
    static final String CHANNEL = "channel#";
    static final String ROLE = "role#";
    static final String LANGUAGE = "language#";
    static final String DUE = "due#";
    static final String BORN = "born#";
    static final String LOSSES = "losses";
    static final String NO_ROLE = "NONE";

    private ReaderTally() {}

    /** The counters of one reader as stored; empty for no reader. */
    public static Map<String, Integer> of(Reader reader) {
        Map<String, Integer> tally = new TreeMap<>();
        if (reader == null) {
            return tally;
        }
        if (reader.registeredOn() != null) {
            tally.put(REGISTERED + YearMonth.from(reader.registeredOn()), 1);
        }
        tally.put(STATUS + reader.status().name(), 1);
        if (reader.status() == ReaderStatus.ACTIVE) {
            tally.put(CHANNEL + reader.channel().name(), 1);
            tally.put(ROLE + (reader.role() == null ? NO_ROLE : reader.role().name()), 1);
            tally.put(LANGUAGE + reader.language(), 1);
            for (Child child : reader.activeChildren()) {
                String key = child.birthDate() != null ? BORN + YearMonth.from(child.birthDate())
                        : DUE + YearMonth.from(child.dueDate());
                tally.merge(key, 1, Integer::sum);
            }
        }
        int lost = (int) reader.children().stream().filter(c -> c.status() == ChildStatus.LOST).count();
        if (lost > 0) {
            tally.put(LOSSES, lost);
        }
        return tally;
    }

    /** What the counters change by when {@code before} becomes {@code after}; counters that stay are left out. */
    public static Map<String, Integer> delta(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> delta = new TreeMap<>(after);
        before.forEach((key, amount) -> delta.merge(key, -amount, Integer::sum));
        delta.values().removeIf(amount -> amount == 0);
        return delta;
    }
}
