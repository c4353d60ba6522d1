package jp.yorisoi.content;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.yorisoi.schedule.Track;

/**
 * Read access to the texts; the DynamoDB adapter is {@code DynamoCatalogue}. An owner's texts are read through its
 * active set ({@link #activeSet}), so that every read of one composed day sees the same import of that owner.
 */
public interface Catalogue {

    /**
     * The owner to read {@code owner}'s texts under: the set its last import made active ("demo@v…"), or
     * {@code owner} itself where texts are not kept in sets. Calendar reads take the set of the town.
     */
    default String activeSet(String owner) {
        return owner;
    }

    Optional<String> daily(String owner, Track track, int day, String language);

    Optional<String> birthday(String municipalityId, int years, String language);

    List<CalendarMessage> calendar(String municipalityId, LocalDate date);

    /**
     * Writes validated entries. Puts are idempotent (same key, same text), so an import that failed half-way
     * is completed by running it again; validation happens before anything is written.
     */
    void importAll(Collection<ContentEntry> entries);

    void saveCalendar(CalendarMessage message);
}
