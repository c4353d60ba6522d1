package jp.yorisoi.reader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * Why and since when a reader might be kept no longer, as a fact about the reader alone (no town setting, no
 * clock): the retention job compares it with the town's periods. The readers table indexes it (the sparse
 * {@code Retention} index) so the job queries who is due instead of scanning everyone.
 *
 * @param kind  which retention period applies
 * @param since the day that period counts from
 */
public record Dormancy(Kind kind, LocalDate since) {

    public enum Kind {
        /** Registration never finished; since the reader first wrote. */
        UNFINISHED,
        /** Blocked the account, unreachable or unsubscribed; since that last change. */
        CUT_OFF,
        /** Every child was reported lost; since that last change. */
        ENDED,
        /** Every active child is born; since the youngest birth (the program ends on a birthday of it). */
        GROWN
    }

    /** Empty for a reader still expecting a baby, or with no date to count from. */
    public static Optional<Dormancy> of(Reader reader) {
        return switch (reader.status()) {
            case REGISTERING -> day(reader.createdAt()).map(d -> new Dormancy(Kind.UNFINISHED, d));
            case BLOCKED, UNREACHABLE, UNSUBSCRIBED -> lastChange(reader).map(d -> new Dormancy(Kind.CUT_OFF, d));
            case ACTIVE, PAUSED -> inProgram(reader);
        };
    }

    private static Optional<Dormancy> inProgram(Reader reader) {
        List<Child> active = reader.activeChildren();
        if (active.isEmpty()) {
            return reader.children().isEmpty() ? Optional.empty()
                    : lastChange(reader).map(d -> new Dormancy(Kind.ENDED, d));
        }
        if (active.stream().anyMatch(child -> child.birthDate() == null)) {
            return Optional.empty();
        }
        return active.stream().map(Child::birthDate).max(Comparator.naturalOrder())
                .map(d -> new Dormancy(Kind.GROWN, d));
    }

    private static Optional<LocalDate> lastChange(Reader reader) {
        return day(reader.updatedAt() != null ? reader.updatedAt() : reader.createdAt());
    }

    private static Optional<LocalDate> day(Instant at) {
        return Optional.ofNullable(at).map(i -> LocalDate.ofInstant(i, ProgramSchedule.ZONE));
    }
}
