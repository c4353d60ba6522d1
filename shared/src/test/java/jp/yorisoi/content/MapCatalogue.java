package jp.yorisoi.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.schedule.Track;

/** A catalogue held in maps, for pure unit tests of composing a day. */
public final class MapCatalogue implements Catalogue {

    private final Map<String, String> texts = new HashMap<>();
    private final List<CalendarMessage> calendar = new ArrayList<>();

    public MapCatalogue withDaily(String owner, Track track, int day, String language, String text) {
        texts.put(dailyKey(owner, track, day, language), text);
        return this;
    }

    public MapCatalogue withBirthday(String municipalityId, int years, String language, String text) {
        texts.put(birthdayKey(municipalityId, years, language), text);
        return this;
    }

    public MapCatalogue withCalendar(CalendarMessage message) {
        calendar.add(message);
        return this;
    }

    @Override
    public Optional<String> daily(String owner, Track track, int day, String language) {
        return Optional.ofNullable(texts.get(dailyKey(owner, track, day, language)));
    }

    @Override
    public Optional<String> birthday(String municipalityId, int years, String language) {
        return Optional.ofNullable(texts.get(birthdayKey(municipalityId, years, language)));
    }

    @Override
    public List<CalendarMessage> calendar(String municipalityId, LocalDate date) {
        return calendar.stream()
                .filter(m -> m.municipalityId().equals(municipalityId) && m.date().equals(date))
                .toList();
    }

    @Override
    public void importAll(Collection<ContentEntry> entries) {
        for (ContentEntry e : entries) {
            switch (e.kind()) {
                case DAILY -> withDaily(e.owner(), e.track(), e.day(), e.language(), e.text());
                case BIRTHDAY -> withBirthday(e.owner(), e.day(), e.language(), e.text());
            }
        }
    }

    @Override
    public void saveCalendar(CalendarMessage message) {
        calendar.removeIf(m -> m.municipalityId().equals(message.municipalityId())
                && m.messageId().equals(message.messageId()));
        calendar.add(message);
    }

    private static String dailyKey(String owner, Track track, int day, String language) {
        return owner + "#DAILY#" + track + "#" + language + "#" + day;
    }

    private static String birthdayKey(String municipalityId, int years, String language) {
        return municipalityId + "#BIRTHDAY#" + language + "#" + years;
    }
}
