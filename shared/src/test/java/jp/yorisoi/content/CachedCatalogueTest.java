package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Test;

class CachedCatalogueTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-22");

    private final AtomicLong ticker = new AtomicLong();
    private final CountingCatalogue store = new CountingCatalogue(new MapCatalogue()
            .withDaily(ContentOwner.BASE, Track.PREGNANCY, 100, "ja", "基本の文")
            .withBirthday("demo", 1, "ja", "1歳おめでとう")
            .withCalendar(new CalendarMessage("demo", "m1", DAY, Audience.EVERYONE, Map.of("ja", "健診の日"))));
    private final CachedCatalogue catalogue = new CachedCatalogue(store, ticker::get);

    @Test
    void readersOnTheSameDayShareOneReadOfEachTextWithinFiveMinutes() {
        for (int reader = 0; reader < 3; reader++) {
            assertEquals(Optional.of("基本の文"), catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 100, "ja"));
            assertEquals(Optional.empty(), catalogue.daily("demo", Track.PREGNANCY, 100, "ja"));
            assertEquals(Optional.of("1歳おめでとう"), catalogue.birthday("demo", 1, "ja"));
            assertEquals(1, catalogue.calendar("demo", DAY).size());
            ticker.addAndGet(Duration.ofMinutes(2).toNanos() - 1);
        }

        assertEquals(List.of("daily base 100", "daily demo 100", "birthday demo 1", "calendar demo 2026-11-22"),
                store.reads);
    }

    @Test
    void afterFiveMinutesTheTextsAreReadAgain() {
        catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 100, "ja");
        catalogue.calendar("demo", DAY);
        ticker.addAndGet(CachedCatalogue.CACHE_FOR.toNanos());
        catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 100, "ja");
        catalogue.calendar("demo", DAY);

        assertEquals(List.of("daily base 100", "calendar demo 2026-11-22", "daily base 100",
                "calendar demo 2026-11-22"), store.reads);
    }

    @Test
    void anImportThroughTheCacheIsSeenAtOnce() {
        assertEquals(Optional.empty(), catalogue.daily("demo", Track.PREGNANCY, 100, "ja"));
        catalogue.importAll(List.of(new ContentEntry("demo", ContentKind.DAILY, Track.PREGNANCY, 100, "ja",
                "町の文")));

        assertEquals(Optional.of("町の文"), catalogue.daily("demo", Track.PREGNANCY, 100, "ja"));
    }

    @Test
    void daysTracksAndLanguagesAreKeptApart() {
        catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 100, "ja");
        catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 101, "ja");
        catalogue.daily(ContentOwner.BASE, Track.PREGNANCY, 100, "en");
        catalogue.birthday(ContentOwner.BASE, 100, "ja");

        assertEquals(4, store.reads.size());
    }

    @Test
    void theActiveSetIsKeptLikeTheTextsSoAnImportReachesAContainerWholeWithinFiveMinutes() {
        store.active.put("demo", "demo@v1");
        assertEquals("demo@v1", catalogue.activeSet("demo"));
        store.active.put("demo", "demo@v2");

        assertEquals("demo@v1", catalogue.activeSet("demo"), "still the set this container composes with");
        ticker.addAndGet(CachedCatalogue.CACHE_FOR.toNanos());
        assertEquals("demo@v2", catalogue.activeSet("demo"));
        assertEquals(List.of("set demo", "set demo"), store.reads);
    }

    /** Records each read that reaches the store. */
    private static final class CountingCatalogue implements Catalogue {
        final List<String> reads = new ArrayList<>();
        final Map<String, String> active = new HashMap<>();
        private final Catalogue catalogue;

        CountingCatalogue(Catalogue catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public String activeSet(String owner) {
            reads.add("set " + owner);
            return active.getOrDefault(owner, owner);
        }

        @Override
        public Optional<String> daily(String owner, Track track, int day, String language) {
            reads.add("daily " + owner + " " + day);
            return catalogue.daily(owner, track, day, language);
        }

        @Override
        public Optional<String> birthday(String municipalityId, int years, String language) {
            reads.add("birthday " + municipalityId + " " + years);
            return catalogue.birthday(municipalityId, years, language);
        }

        @Override
        public List<CalendarMessage> calendar(String municipalityId, LocalDate date) {
            reads.add("calendar " + municipalityId + " " + date);
            return catalogue.calendar(municipalityId, date);
        }

        @Override
        public void importAll(Collection<ContentEntry> entries) {
            catalogue.importAll(entries);
        }

        @Override
        public void saveCalendar(CalendarMessage message) {
            catalogue.saveCalendar(message);
        }
    }
}
