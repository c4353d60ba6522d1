package jp.yorisoi.content;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import jp.yorisoi.cache.TtlCache;
import jp.yorisoi.schedule.Track;

/**
 * Content texts kept per container for {@link #CACHE_FOR}: readers on the same pregnancy day or child age share
 * one read of their text, and a town's calendar for a date is read once per container, not once per reader.
 * Texts change by an import a few times a year; a message composed within five minutes of an import may still
 * use the previous set, whole (texts are kept under the set they were read from), as channel secrets from SSM
 * already may. Absent texts (a town without a local text for
 * that day, the usual case) are kept too. Writes go straight through and clear what this container kept.
 */
public final class CachedCatalogue implements Catalogue {

    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    /**
     * A run touches at most one text per track, day and language for the base and each town due that hour; a
     * text is at most a few kilobytes, so this bounds the memory at a few tens of megabytes.
     */
    static final int MAX_TEXTS = 10_000;

    private final Catalogue catalogue;
    private final TtlCache<TextKey, Optional<String>> texts;
    private final TtlCache<CalendarKey, List<CalendarMessage>> calendars;
    private final TtlCache<String, String> activeSets;

    public CachedCatalogue(Catalogue catalogue) {
        this(catalogue, System::nanoTime);
    }

    public CachedCatalogue(Catalogue catalogue, LongSupplier ticker) {
        this.catalogue = catalogue;
        this.texts = new TtlCache<>(CACHE_FOR, MAX_TEXTS, ticker);
        this.calendars = new TtlCache<>(CACHE_FOR, MAX_TEXTS, ticker);
        this.activeSets = new TtlCache<>(CACHE_FOR, MAX_TEXTS, ticker);
    }

    /**
     * Kept like the texts: an import becomes visible to this container within {@link #CACHE_FOR}, whole, because
     * the texts are kept under the set they were read from.
     */
    @Override
    public String activeSet(String owner) {
        return activeSets.get(owner, catalogue::activeSet);
    }

    @Override
    public Optional<String> daily(String owner, Track track, int day, String language) {
        return texts.get(new TextKey(owner, ContentKind.DAILY, track, day, language),
                key -> catalogue.daily(owner, track, day, language));
    }

    @Override
    public Optional<String> birthday(String municipalityId, int years, String language) {
        return texts.get(new TextKey(municipalityId, ContentKind.BIRTHDAY, null, years, language),
                key -> catalogue.birthday(municipalityId, years, language));
    }

    @Override
    public List<CalendarMessage> calendar(String municipalityId, LocalDate date) {
        return calendars.get(new CalendarKey(municipalityId, date),
                key -> List.copyOf(catalogue.calendar(municipalityId, date)));
    }

    @Override
    public void importAll(Collection<ContentEntry> entries) {
        catalogue.importAll(entries);
        texts.clear();
        activeSets.clear();
    }

    @Override
    public void saveCalendar(CalendarMessage message) {
        catalogue.saveCalendar(message);
        calendars.clear();
    }

    private record TextKey(String owner, ContentKind kind, Track track, int number, String language) {}

    private record CalendarKey(String municipalityId, LocalDate date) {}
}
