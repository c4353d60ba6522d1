package jp.yorisoi.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * Checks a town's content before its readers get it, for the town's plan and languages:
 * <ul>
 *   <li>{@link Check#NO_BASE_TEXT}: a pregnancy day with no base text in any language (the pregnancy cadence is
 *   daily), or a day the town has its own text on while the base has none (the reader gets the town's text
 *   alone);</li>
 *   <li>{@link Check#OUTSIDE_WINDOW}: the town's texts that are never sent: child days after the town's program
 *   end, birthday messages past it, calendar audiences entirely outside the tracks, and on the {@code base-only}
 *   plan every local and calendar text;</li>
 *   <li>{@link Check#OVER_LINE_LIMITS}: a day of one child (twins alike) that, composed by {@link DayComposer} and
 *   packed by {@link LinePacking}, needs more than LINE's {@value LinePacking#MAX_OBJECTS} message objects of
 *   {@value LinePacking#MAX_LENGTH} UTF-16 units part by part (packed densely instead), or more than all five
 *   hold (cut). Days are composed on {@code today} and on each coming calendar date, so calendar messages count;
 *   siblings at two positions can add up beyond what is checked here;</li>
 *   <li>{@link Check#MISSING_EDITION}: a text in {@code ja} with no edition in another language the town offers
 *   ({@code ja-easy}, {@code en}, …), which its readers get in Japanese instead.</li>
 * </ul>
 * Pure: the texts, the town and the day are passed in.
 */
public final class ContentLint {

    /** Calendar dates composed at most: the coming ones, nearest first. */
    static final int MAX_CALENDAR_DATES = 12;

    public enum Check { NO_BASE_TEXT, OUTSIDE_WINDOW, OVER_LINE_LIMITS, MISSING_EDITION }

    public enum Severity {
        /** Readers miss something or get something cut. */
        ERROR,
        /** Worth a look; readers still get a sensible day. */
        WARNING
    }

    /**
     * One finding over a run of days of one track (or one calendar message).
     *
     * @param owner    {@link ContentOwner#BASE} or the town
     * @param track    null for birthday and calendar findings
     * @param days     the days (pregnancy day, child age in days, or birthday years), ascending; empty for calendar
     * @param date     the day composed (over-limit findings) or the calendar message's date; else null
     */
    public record Finding(Check check, Severity severity, String owner, String language, Track track,
            List<Integer> days, LocalDate date, String message) {

        public Finding {
            days = List.copyOf(days);
        }
    }

    private ContentLint() {}

    public static List<Finding> check(Municipality town, Collection<ContentEntry> base, Collection<ContentEntry> local,
            Collection<CalendarMessage> calendar, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        Texts baseTexts = new Texts(base);
        Texts localTexts = new Texts(local);
        boolean full = town.plan().includesLocalContent();
        int lastChildDay = lastChildDay(town.endBirthday());

        noBaseText(findings, town, baseTexts, full ? localTexts : new Texts(List.of()), lastChildDay);
        outsideWindow(findings, town, localTexts, calendar, full, lastChildDay);
        overLineLimits(findings, town, base, full ? local : localBirthdays(local), full ? calendar : List.of(),
                today, lastChildDay);
        for (String language : town.languages()) {
            if (!language.equals(Reader.DEFAULT_LANGUAGE)) {
                missingEditions(findings, ContentOwner.BASE, baseTexts, language);
                if (full) {
                    missingEditions(findings, town.municipalityId(), localTexts, language);
                    calendar.stream().filter(m -> !m.texts().containsKey(language)).forEach(m -> findings.add(
                            new Finding(Check.MISSING_EDITION, Severity.WARNING, town.municipalityId(), language, null,
                                    List.of(), m.date(), "the calendar message " + m.messageId() + " has no "
                                    + language + " text; its " + language + " readers get it in ja")));
                } else {
                    missingEditions(findings, town.municipalityId(), new Texts(localBirthdays(local)), language);
                }
            }
        }
        return findings;
    }

    /**
     * The last child day of a program ending on the {@code endBirthday}, for the child born so that the most days
     * (and 29 Februaries) lie before that birthday: a local text after it is never sent.
     */
    static int lastChildDay(int endBirthday) {
        int last = 0;
        LocalDate born = LocalDate.of(2024, 1, 1);
        // every birth date of a four-year cycle meets each way the leap days can fall
        for (int i = 0; i < 4 * 366; i++, born = born.plusDays(1)) {
            last = Math.max(last, ProgramSchedule.ageInDays(born, ProgramSchedule.lastProgramDay(born, endBirthday)));
        }
        return last;
    }

    private static void noBaseText(List<Finding> findings, Municipality town, Texts base, Texts local,
            int lastChildDay) {
        Set<Integer> pregnancy = new TreeSet<>();
        for (int day = ProgramSchedule.FIRST_PREGNANCY_DAY; day <= ProgramSchedule.LAST_PREGNANCY_DAY; day++) {
            if (!base.hasDay(Track.PREGNANCY, day)) {
                pregnancy.add(day);
            }
        }
        if (!pregnancy.isEmpty()) {
            findings.add(new Finding(Check.NO_BASE_TEXT, Severity.ERROR, ContentOwner.BASE, null, Track.PREGNANCY,
                    List.copyOf(pregnancy), null, "pregnancy days without a base text in any language: readers at "
                    + "these days get nothing from the base"));
        }
        Set<Integer> childAlone = new TreeSet<>();
        for (int day : local.days(Track.CHILD)) {
            if (day <= lastChildDay && !base.hasDay(Track.CHILD, day)) {
                childAlone.add(day);
            }
        }
        if (!childAlone.isEmpty()) {
            findings.add(new Finding(Check.NO_BASE_TEXT, Severity.WARNING, town.municipalityId(), null, Track.CHILD,
                    List.copyOf(childAlone), null, "child days with a local text but no base text: readers get the "
                    + "town's text alone on these days"));
        }
    }

    private static void outsideWindow(List<Finding> findings, Municipality town, Texts local,
            Collection<CalendarMessage> calendar, boolean full, int lastChildDay) {
        String id = town.municipalityId();
        if (!full) {
            for (Track track : Track.values()) {
                List<Integer> days = List.copyOf(local.days(track));
                if (!days.isEmpty()) {
                    findings.add(new Finding(Check.OUTSIDE_WINDOW, Severity.WARNING, id, null, track, days, null,
                            "local texts are never sent on the base-only plan"));
                }
            }
            calendar.forEach(m -> findings.add(new Finding(Check.OUTSIDE_WINDOW, Severity.WARNING, id, null, null,
                    List.of(), m.date(), "calendar message " + m.messageId() + " is never sent on the base-only plan")));
        } else {
            List<Integer> late = local.days(Track.CHILD).stream().filter(day -> day > lastChildDay).toList();
            if (!late.isEmpty()) {
                findings.add(new Finding(Check.OUTSIDE_WINDOW, Severity.ERROR, id, null, Track.CHILD, late, null,
                        "child days after the program's end (the day before the " + town.endBirthday()
                                + ". birthday, day " + lastChildDay + " at most): never sent"));
            }
            for (CalendarMessage message : calendar) {
                if (neverIncluded(message.audience(), lastChildDay, town.endBirthday())) {
                    findings.add(new Finding(Check.OUTSIDE_WINDOW, Severity.ERROR, id, null, message.audience().track(),
                            List.of(), message.date(), "calendar message " + message.messageId()
                            + " is for an age no reader of the program has: never sent"));
                }
            }
        }
        List<Integer> birthdays = local.birthdayYears().stream().filter(y -> y > town.endBirthday()).toList();
        if (!birthdays.isEmpty()) {
            findings.add(new Finding(Check.OUTSIDE_WINDOW, Severity.ERROR, id, null, null, birthdays, null,
                    "birthday messages after the program's end birthday (" + town.endBirthday() + "): never sent"));
        }
    }

    private static boolean neverIncluded(Audience audience, int lastChildDay, int endBirthday) {
        if (audience.track() == null || audience.fromDay() == null) {
            return false;
        }
        int first = audience.fromDay();
        int last = audience.toDay() == null ? Integer.MAX_VALUE : audience.toDay();
        return switch (audience.track()) {
            case PREGNANCY -> first > ProgramSchedule.LAST_PREGNANCY_DAY || last < ProgramSchedule.FIRST_PREGNANCY_DAY;
            case CHILD -> audience.unit() == Audience.Unit.MONTHS ? first >= endBirthday * 12 : first > lastChildDay;
        };
    }

    private static void overLineLimits(List<Finding> findings, Municipality town, Collection<ContentEntry> base,
            Collection<ContentEntry> local, Collection<CalendarMessage> calendar, LocalDate today, int lastChildDay) {
        MemoryCatalogue catalogue = new MemoryCatalogue(base, local, calendar);
        DayComposer composer = new DayComposer(catalogue);
        List<LocalDate> dates = new ArrayList<>();
        dates.add(today);
        calendar.stream().map(CalendarMessage::date).filter(d -> d.isAfter(today)).distinct().sorted()
                .limit(MAX_CALENDAR_DATES).forEach(dates::add);
        Texts texts = new Texts(union(base, local));
        Map<String, Over> over = new LinkedHashMap<>();
        for (String language : town.languages()) {
            for (LocalDate date : dates) {
                List<CalendarMessage> onDate = calendar.stream().filter(m -> m.date().equals(date)).toList();
                Map<String, LinePacking.Fit> calendarOnly = new HashMap<>();
                for (int day = ProgramSchedule.FIRST_PREGNANCY_DAY; day <= ProgramSchedule.LAST_PREGNANCY_DAY; day++) {
                    Child child = Child.expected("c1", date.plusDays(ProgramSchedule.DUE_DAY - day));
                    LinePacking.Fit fit = fit(composer, town, language, date, child, texts.hasDay(Track.PREGNANCY, day),
                            onDate, calendarOnly);
                    record(over, fit, language, date, Track.PREGNANCY, day);
                }
                for (int day = 0; day <= lastChildDay; day++) {
                    Child child = Child.born("c1", date.minusDays(day));
                    boolean ownTexts = texts.hasDay(Track.CHILD, day)
                            || ProgramSchedule.birthdayYearsOn(child.birthDate(), date) > 0;
                    LinePacking.Fit fit = fit(composer, town, language, date, child, ownTexts, onDate, calendarOnly);
                    record(over, fit, language, date, Track.CHILD, day);
                }
            }
        }
        over.values().forEach(o -> findings.add(new Finding(Check.OVER_LINE_LIMITS,
                o.cut ? Severity.ERROR : Severity.WARNING, town.municipalityId(), o.language, o.track,
                List.copyOf(o.days), o.date, o.cut
                        ? "composed days longer than one LINE push holds (5 objects of 5,000 UTF-16 units): cut"
                        : "composed days needing more than 5 LINE objects part by part: sent packed densely, "
                                + "texts split mid-way")));
    }

    /**
     * The fit of one child's day. A day with no daily or birthday text of its own holds only the calendar messages
     * its position matches, so it is composed once per set of matching messages, not once per position.
     */
    private static LinePacking.Fit fit(DayComposer composer, Municipality town, String language, LocalDate date,
            Child child, boolean ownTexts, List<CalendarMessage> onDate, Map<String, LinePacking.Fit> calendarOnly) {
        Reader reader = new Reader(town.municipalityId(), "lint", Channel.LINE, "lint", null, language,
                ReaderStatus.ACTIVE, List.of(child), Map.of(), Instant.EPOCH, Instant.EPOCH, 0);
        if (ownTexts) {
            return LinePacking.fit(composer.compose(reader, town, date));
        }
        var position = child.position(date, town.endBirthday());
        StringBuilder matching = new StringBuilder();
        for (int i = 0; i < onDate.size(); i++) {
            matching.append(onDate.get(i).audience().includes(position) ? '1' : '0');
        }
        return calendarOnly.computeIfAbsent(matching.toString(),
                k -> LinePacking.fit(composer.compose(reader, town, date)));
    }

    private static void record(Map<String, Over> over, LinePacking.Fit fit, String language, LocalDate date,
            Track track, int day) {
        if (!fit.packedDensely() && !fit.cut()) {
            return;
        }
        String key = fit.cut() + "|" + language + "|" + track + "|" + date;
        over.computeIfAbsent(key, k -> new Over(fit.cut(), language, track, date)).days.add(day);
    }

    private static final class Over {
        final boolean cut;
        final String language;
        final Track track;
        final LocalDate date;
        final Set<Integer> days = new TreeSet<>();

        Over(boolean cut, String language, Track track, LocalDate date) {
            this.cut = cut;
            this.language = language;
            this.track = track;
            this.date = date;
        }
    }

    private static void missingEditions(List<Finding> findings, String owner, Texts texts, String language) {
        for (Track track : Track.values()) {
            List<Integer> missing = texts.days(track).stream()
                    .filter(day -> texts.has(track, day, Reader.DEFAULT_LANGUAGE) && !texts.has(track, day, language))
                    .toList();
            if (!missing.isEmpty()) {
                findings.add(new Finding(Check.MISSING_EDITION, Severity.WARNING, owner, language, track, missing, null,
                        track.name().toLowerCase(Locale.ROOT) + " days with a ja text but no " + language + " edition: its "
                                + language + " readers get ja"));
            }
        }
        List<Integer> birthdays = texts.birthdayYears().stream()
                .filter(y -> texts.hasBirthday(y, Reader.DEFAULT_LANGUAGE) && !texts.hasBirthday(y, language))
                .toList();
        if (!birthdays.isEmpty()) {
            findings.add(new Finding(Check.MISSING_EDITION, Severity.WARNING, owner, language, null, birthdays, null,
                    "birthday messages with a ja text but no " + language + " edition"));
        }
    }

    private static List<ContentEntry> union(Collection<ContentEntry> a, Collection<ContentEntry> b) {
        List<ContentEntry> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<ContentEntry> localBirthdays(Collection<ContentEntry> local) {
        return local.stream().filter(e -> e.kind() == ContentKind.BIRTHDAY).toList();
    }

    /** One owner's texts by kind, track, day and language. */
    private static final class Texts {
        private final Map<String, Set<String>> languages = new HashMap<>();
        private final Map<Track, TreeSet<Integer>> days = new HashMap<>();
        private final TreeSet<Integer> birthdayYears = new TreeSet<>();

        Texts(Collection<ContentEntry> entries) {
            for (ContentEntry e : entries) {
                languages.computeIfAbsent(key(e.kind(), e.track(), e.day()), k -> new HashSet<>())
                        .add(e.language());
                if (e.kind() == ContentKind.DAILY) {
                    days.computeIfAbsent(e.track(), t -> new TreeSet<>()).add(e.day());
                } else {
                    birthdayYears.add(e.day());
                }
            }
        }

        Set<Integer> days(Track track) {
            return days.getOrDefault(track, new TreeSet<>());
        }

        Set<Integer> birthdayYears() {
            return birthdayYears;
        }

        boolean hasDay(Track track, int day) {
            return languages.containsKey(key(ContentKind.DAILY, track, day));
        }

        boolean has(Track track, int day, String language) {
            return languages.getOrDefault(key(ContentKind.DAILY, track, day), Set.of()).contains(language);
        }

        boolean hasBirthday(int years, String language) {
            return languages.getOrDefault(key(ContentKind.BIRTHDAY, null, years), Set.of()).contains(language);
        }

        private static String key(ContentKind kind, Track track, int day) {
            return kind + "#" + track + "#" + day;
        }
    }

    /** The texts in memory, read by the real composer as a sender reads the stored ones. */
    private static final class MemoryCatalogue implements Catalogue {
        private final Map<String, String> texts = new HashMap<>();
        private final Map<LocalDate, List<CalendarMessage>> calendar = new HashMap<>();

        MemoryCatalogue(Collection<ContentEntry> base, Collection<ContentEntry> local,
                Collection<CalendarMessage> messages) {
            importAll(base);
            importAll(local);
            messages.forEach(this::saveCalendar);
        }

        @Override
        public Optional<String> daily(String owner, Track track, int day, String language) {
            return Optional.ofNullable(texts.get(owner(owner) + "#" + track + "#" + day + "#" + language));
        }

        @Override
        public Optional<String> birthday(String municipalityId, int years, String language) {
            return Optional.ofNullable(texts.get(owner(municipalityId) + "#BIRTHDAY#" + years + "#" + language));
        }

        @Override
        public List<CalendarMessage> calendar(String municipalityId, LocalDate date) {
            return calendar.getOrDefault(date, List.of());
        }

        @Override
        public void importAll(Collection<ContentEntry> entries) {
            for (ContentEntry e : entries) {
                String kind = e.kind() == ContentKind.DAILY ? e.track().toString() : "BIRTHDAY";
                texts.put(owner(e.owner()) + "#" + kind + "#" + e.day() + "#" + e.language(), e.text());
            }
        }

        @Override
        public void saveCalendar(CalendarMessage message) {
            calendar.computeIfAbsent(message.date(), d -> new ArrayList<>()).add(message);
        }

        /** Base or the town: the lint checks one town, so any other owner is the town. */
        private static String owner(String owner) {
            return Objects.equals(owner, ContentOwner.BASE) ? ContentOwner.BASE : "town";
        }
    }
}
