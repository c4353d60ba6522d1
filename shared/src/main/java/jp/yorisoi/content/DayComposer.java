package jp.yorisoi.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.content.DayMessage.PartKind;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * Composes everything one reader gets on one day (DOMAIN.md, "What one reader gets in one day"): per active
 * child the base text, the town's local text and the birthday message, then the town's calendar messages. A day
 * before the reader registered is empty, and a child added later is left out of the days before it was added.
 * Pure apart from catalogue reads: the day is passed in and the reader is not changed.
 *
 * <p>Children with the same anchor date (twins, triplets) share one position, so they get that day's texts
 * once under one heading; and no text is repeated within a day, so siblings who happen to share a birthday
 * text or a calendar message see it once.
 */
public final class DayComposer {

    private final Catalogue catalogue;

    public DayComposer(Catalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public DayMessage compose(Reader reader, Municipality municipality, LocalDate today) {
        Day day = new Day(reader.language(), signatureOf(municipality));
        boolean full = municipality.plan().includesLocalContent();
        // each owner's set once per day composed, so that an import switching meanwhile is not half in this day
        String base = catalogue.activeSet(ContentOwner.BASE);
        String town = catalogue.activeSet(municipality.municipalityId());
        int endBirthday = municipality.endBirthday();
        List<Position> positions = new ArrayList<>();
        // nothing for a day before the reader registered, nothing about a child before it was added
        List<Child> children = reader.activeChildrenOn(today);

        for (List<Child> sameAnchor : byAnchor(children).values()) {
            Child child = sameAnchor.getFirst();
            Position position = child.position(today, endBirthday);
            positions.add(position);
            if (position.receivesContent()) {
                addDailyTexts(day, child.childId(), position, base, full ? town : null);
            }
            if (child.birthDate() != null) {
                addBirthday(day, child, municipality, town, today,
                        othersContinue(children, sameAnchor, today, endBirthday));
            }
            if (position instanceof Position.PregnancyOverdue
                    && sameAnchor.stream().anyMatch(c -> asksAboutBirth(c, today, endBirthday))) {
                day.add(PartKind.NOTICE, child.childId(), null, ServiceNotices.birthQuestion(day.language));
            }
        }
        if (full) {
            addCalendar(day, town, today, positions);
        }
        return new DayMessage(day.parts);
    }

    /**
     * The ids of the children whose birth the day's message asks about. The sender records
     * {@link Child#askedAboutBirth(LocalDate)} on each before sending the day, so the question is asked once.
     */
    public static List<String> childrenAskedAboutBirth(Reader reader, Municipality municipality, LocalDate today) {
        return reader.activeChildrenOn(today).stream()
                .filter(c -> asksAboutBirth(c, today, municipality.endBirthday()))
                .map(Child::childId)
                .toList();
    }

    /**
     * Asked when the pregnancy is past 41w6d and nobody asked yet. A question recorded today still counts, so a
     * retry of today's delivery composed after the record is written carries the same parts.
     */
    private static boolean asksAboutBirth(Child child, LocalDate today, int endBirthday) {
        return child.position(today, endBirthday) instanceof Position.PregnancyOverdue
                && (child.birthAskedOn() == null || child.birthAskedOn().equals(today));
    }

    private void addDailyTexts(Day day, String childId, Position position, String base, String localOwner) {
        Track track = position instanceof Position.Pregnancy ? Track.PREGNANCY : Track.CHILD;
        int dayNumber = switch (position) {
            case Position.Pregnancy p -> p.day();
            case Position.Child c -> c.ageDays();
            default -> throw new IllegalStateException("no content at " + position.getClass().getSimpleName());
        };
        String heading = Headings.of(position, day.language);
        boolean baseAdded = day.inLanguage(lang -> catalogue.daily(base, track, dayNumber, lang))
                .map(text -> day.add(PartKind.BASE, childId, heading, text))
                .orElse(false);
        if (localOwner != null) {
            // The heading goes on the first part of the position: on the local text when no base text was added,
            // because the base has none that day or a sibling's section already carries the same text.
            day.inLanguage(lang -> catalogue.daily(localOwner, track, dayNumber, lang))
                    .ifPresent(text -> day.add(PartKind.LOCAL, childId, baseAdded ? null : heading,
                            day.signed(text)));
        }
    }

    /**
     * The town's birthday message, signed like its other texts, for years 1 to the end birthday, on both plans.
     * The end birthday is already past the child track, so its message comes with a short note that the daily
     * messages end here.
     */
    private void addBirthday(Day day, Child child, Municipality municipality, String town, LocalDate today,
            boolean othersContinue) {
        int years = ProgramSchedule.birthdayYearsOn(child.birthDate(), today);
        if (years < 1 || years > municipality.endBirthday()) {
            return;
        }
        day.inLanguage(lang -> catalogue.birthday(town, years, lang))
                .ifPresent(text -> day.add(PartKind.BIRTHDAY, child.childId(), Headings.birthday(years, day.language),
                        day.signed(text)));
        if (years == municipality.endBirthday()) {
            day.add(PartKind.NOTICE, child.childId(), null, othersContinue
                    ? ServiceNotices.childProgramEnded(day.language, years)
                    : ServiceNotices.programEnded(day.language, years));
        }
    }

    /**
     * True when an active child outside {@code group} still has messages to come after today: a pregnancy before
     * or inside its track, a child inside its track, or a birth date not reached yet. A pregnancy past 41w6d with no
     * birth reported has stopped, and a child whose program ends today has nothing to come either.
     */
    private static boolean othersContinue(List<Child> children, List<Child> group, LocalDate today, int endBirthday) {
        return children.stream()
                .filter(c -> !group.contains(c))
                .map(c -> c.position(today, endBirthday))
                .anyMatch(p -> p instanceof Position.BeforeStart || p instanceof Position.Pregnancy
                        || p instanceof Position.Child || p instanceof Position.NotYetBorn);
    }

    private void addCalendar(Day day, String municipalityId, LocalDate today, List<Position> positions) {
        for (CalendarMessage message : catalogue.calendar(municipalityId, today)) {
            if (positions.stream().anyMatch(message.audience()::includes)) {
                day.add(PartKind.CALENDAR, null, null, day.signed(message.textFor(day.language)));
            }
        }
    }

    /** Children anchored on the same date in the same track always stand at the same position. */
    private static Map<Anchor, List<Child>> byAnchor(List<Child> children) {
        Map<Anchor, List<Child>> groups = new LinkedHashMap<>();
        for (Child child : children) {
            Anchor anchor = child.birthDate() != null
                    ? new Anchor(Track.CHILD, child.birthDate())
                    : new Anchor(Track.PREGNANCY, child.dueDate());
            groups.computeIfAbsent(anchor, a -> new ArrayList<>()).add(child);
        }
        return groups;
    }

    private static String signatureOf(Municipality municipality) {
        String signature = municipality.signature();
        return signature == null || signature.isBlank() ? municipality.name() + "より" : signature;
    }

    private record Anchor(Track track, LocalDate date) {}

    /** The parts collected for one reader's day, in order, each text at most once. */
    private static final class Day {
        private final String language;
        private final String signature;
        private final List<Part> parts = new ArrayList<>();
        private final Set<String> texts = new HashSet<>();

        Day(String language, String signature) {
            this.language = language;
            this.signature = signature;
        }

        /** Adds the part unless its text is already in the day; true when it was added. */
        boolean add(PartKind kind, String childId, String heading, String text) {
            if (texts.add(kind + "\n" + text)) {
                parts.add(new Part(kind, childId, heading, text));
                return true;
            }
            return false;
        }

        /** The town's texts end with its signature on a line of its own, so the reader knows who speaks. */
        String signed(String text) {
            return text.stripTrailing() + "\n" + signature;
        }

        /** The text in the reader's language, else in Japanese: every kind of text falls back to "ja". */
        Optional<String> inLanguage(Function<String, Optional<String>> lookup) {
            Optional<String> text = lookup.apply(language).filter(t -> !t.isBlank());
            return text.isPresent() || Reader.DEFAULT_LANGUAGE.equals(language)
                    ? text
                    : lookup.apply(Reader.DEFAULT_LANGUAGE).filter(t -> !t.isBlank());
        }
    }
}
