package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.content.DayMessage.PartKind;
import jp.yorisoi.content.MapCatalogue;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.ChildStatus;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.ReaderStore.ActiveReader;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.Track;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Years of daily deliveries to random readers, composed day by day through the senders' own content path
 * ({@link ComposedDeliveryContent} over {@link DayComposer}, with the gate the fan-out and the sender apply), against
 * rules stated here from DOMAIN.md without asking the code under test: the pregnancy day, the age, the headings and
 * the birthdays are computed independently below. Readers register, have pregnancies born early, late or never
 * reported, twins, siblings added later, losses, stops and restarts, due-date changes, in towns whose program ends at
 * 3 to 6, across the leap year 2028. A failure prints jqwik's seed and the shrunk scenario.
 */
class DeliverySimulationTest {

    /** The simulated calendar: from the first registrations to past the 2031 birthdays of children born in 2028. */
    static final LocalDate START = LocalDate.of(2026, 12, 1);
    static final LocalDate END = LocalDate.of(2031, 12, 31);
    static final LocalDate LEAP_DAY = LocalDate.of(2028, 2, 29);
    static final String TOWN_ID = "sim";

    static final MapCatalogue CATALOGUE = catalogue();
    static final ComposedDeliveryContent CONTENT = new ComposedDeliveryContent(new DayComposer(CATALOGUE));

    // ---------------------------------------------------------------- the rules, stated independently

    /** Pregnancy day: 280 at the due date, one more each calendar day. */
    static int pregnancyDay(LocalDate due, LocalDate day) {
        return 280 - (int) ChronoUnit.DAYS.between(day, due);
    }

    /** The n-th birthday; 29 February is celebrated on 28 February in common years. */
    static LocalDate birthdayOn(LocalDate birth, int n) {
        int year = birth.getYear() + n;
        if (birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29 && !Year.isLeap(year)) {
            return LocalDate.of(year, 2, 28);
        }
        return LocalDate.of(year, birth.getMonth(), birth.getDayOfMonth());
    }

    /** Whole months lived: month k is complete on the birth's day of month, or the month's last day if shorter. */
    static int monthsLived(LocalDate birth, LocalDate day) {
        int k = (day.getYear() * 12 + day.getMonthValue()) - (birth.getYear() * 12 + birth.getMonthValue());
        for (; k > 0; k--) {
            YearMonth month = YearMonth.from(birth).plusMonths(k);
            LocalDate complete = month.atDay(Math.min(birth.getDayOfMonth(), month.lengthOfMonth()));
            if (!complete.isAfter(day)) {
                return k;
            }
        }
        return 0;
    }

    /** Written out here, not read from the copy files, so that a wrong heading file fails. */
    static String expectedHeading(SimChild child, LocalDate day, String language) {
        if (child.birthOn(day) == null) {
            int p = pregnancyDay(child.dueOn(day), day);
            return switch (language) {
                case "en" -> "[Pregnancy week " + p / 7 + ", day " + p % 7 + "]";
                case "ja-easy" -> "【にんしん " + p / 7 + "しゅう " + p % 7 + "にち】";
                default -> "【妊娠" + p / 7 + "週" + p % 7 + "日】";
            };
        }
        LocalDate birth = child.birthOn(day);
        int months = monthsLived(birth, day);
        long days = ChronoUnit.DAYS.between(birth, day);
        int years = months / 12;
        int month = months % 12;
        return switch (language) {
            case "en" -> months < 12 ? "[Day " + days + " after birth]"
                    : "[Age " + years + (years == 1 ? " year " : " years ") + month + (month == 1 ? " month]" : " months]");
            case "ja-easy" -> months < 12 ? "【うまれて " + days + "にち】" : "【" + years + "さい " + month + "かげつ】";
            default -> months < 12 ? "【生後" + days + "日】" : "【" + years + "歳" + month + "か月】";
        };
    }

    /** True when the day lies in the child's track: 4w0d to 41w6d unborn, or birth to the day before the end birthday. */
    static boolean inTrack(SimChild child, LocalDate day, int endBirthday) {
        LocalDate birth = child.birthOn(day);
        if (birth == null) {
            int p = pregnancyDay(child.dueOn(day), day);
            return p >= 28 && p <= 293;
        }
        return !day.isBefore(birth) && day.isBefore(birthdayOn(birth, endBirthday));
    }

    /** True when the child has messages to come after {@code day}: a pregnancy up to 41w6d or a child before its end. */
    static boolean goesOnAfter(SimChild child, LocalDate day, int endBirthday) {
        LocalDate birth = child.birthOn(day);
        if (birth == null) {
            return pregnancyDay(child.dueOn(day), day) <= 293;
        }
        return day.isBefore(birthdayOn(birth, endBirthday));
    }

    enum Notice { FINAL_END, CHILD_END, BIRTH_QUESTION, UNKNOWN }

    /** Asked of the one-child wording first: in ja-easy it contains the words of the closing of all messages. */
    static Notice classify(String text) {
        if (text.contains("このお子さんへの毎日のメッセージは") || text.contains("この おこさん の まいにちの メッセージ")
                || text.contains("last daily message about this child")) {
            return Notice.CHILD_END;
        }
        if (text.contains("きょうで毎日のメッセージはおしまいです") || text.contains("まいにちの メッセージは きょうで おわりです")
                || text.contains("Today is the last of our daily messages")) {
            return Notice.FINAL_END;
        }
        if (text.contains("予定日を過ぎましたが") || text.contains("よていびを すぎました") || text.contains("Your due date has passed")) {
            return Notice.BIRTH_QUESTION;
        }
        return Notice.UNKNOWN;
    }

    // ---------------------------------------------------------------- the property

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void everyReadersDaysFollowTheRulesOverTheYears(@ForAll("scenarios") Scenario scenario) {
        Sim sim = new Sim(scenario);
        Municipality town = new Municipality(TOWN_ID, "シム市", "シム市より", "相談 0120-000-000", Plan.FULL,
                scenario.endBirthday(), 8, List.of("ja", "ja-easy", "en"), null, true);
        int end = scenario.endBirthday();
        Set<LocalDate> delivered = new HashSet<>();
        LocalDate lastFinalNotice = null;
        Map<String, Integer> birthQuestions = new HashMap<>();

        for (LocalDate day = START; !day.isAfter(END); day = day.plusDays(1)) {
            if (day.isBefore(sim.registeredOn)) {
                continue; // not a reader yet: the catch-up checks below cover these days
            }
            Reader reader = sim.readerOn(day);
            DeliveryJob job = DeliveryJob.daily(TOWN_ID, reader.readerId(), Channel.LINE, day);
            // the fan-out's and the sender's gate: ACTIVE readers, never a day before they registered
            boolean gate = reader.status().receivesDeliveries() && reader.registeredBy(day)
                    && new ActiveReader(reader.readerId(), Channel.LINE, reader.registeredOn()).registeredBy(day);
            DayMessage message = gate ? CONTENT.messageFor(job, reader, town) : new DayMessage(List.of());
            List<SimChild> present = sim.activeOn(day);
            final LocalDate today = day;

            // every birthday once: each (day, n) that is someone's n-th birthday brings one birthday part
            Set<Integer> birthdaysToday = new HashSet<>();
            for (SimChild child : present) {
                LocalDate birth = child.birthOn(day);
                for (int n = 1; birth != null && n <= end; n++) {
                    if (birthdayOn(birth, n).equals(day)) {
                        birthdaysToday.add(n);
                    }
                }
            }
            if (gate) {
                for (int n : birthdaysToday) {
                    String heading = switch (sim.language) {
                        case "en" -> "[" + n + (n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th") + " birthday]";
                        case "ja-easy" -> "【" + n + "さい の たんじょうび】";
                        default -> "【" + n + "歳のお誕生日】";
                    };
                    assertEquals(1, message.parts().stream().filter(p -> p.kind() == PartKind.BIRTHDAY
                            && heading.equals(p.heading())).count(), "birthday " + n + " on " + day + ": " + message);
                }
            }
            if (message.isEmpty()) {
                continue;
            }

            // at most one delivery per reader and day, one push of 1 to 5 messages
            assertTrue(delivered.add(day), "twice on " + day);
            int texts = CONTENT.lineTexts(message).size();
            assertTrue(texts >= 1 && texts <= 5, texts + " texts on " + day);
            if (lastFinalNotice != null) {
                assertTrue(sim.somethingNewBetween(lastFinalNotice, day),
                        "said on " + lastFinalNotice + " that the daily messages end, yet sent on " + day + ": " + message);
                lastFinalNotice = null;
            }

            for (Part part : message.parts()) {
                assertTrue(part.childId() != null, "a part without a child on " + day + ": " + part);
                SimChild child = sim.child(part.childId());
                // nothing about a child lost, not yet added, or before the reader registered
                assertTrue(present.contains(child), part.childId() + " is not an active child on " + day);
                switch (part.kind()) {
                    case BASE, LOCAL -> {
                        // nothing before 4w0d, after 41w6d without a birth, or from the end birthday on
                        assertTrue(inTrack(child, day, end), part.kind() + " outside the track on " + day + ": " + child);
                        if (part.heading() != null) {
                            assertEquals(expectedHeading(child, day, sim.language), part.heading(), "heading on " + day);
                        }
                    }
                    case BIRTHDAY -> {
                        int n = Integer.parseInt(part.heading().replaceAll("[^0-9]", ""));
                        assertTrue(child.birthOn(day) != null && birthdayOn(child.birthOn(day), n).equals(day) && n <= end,
                                "birthday " + n + " on " + day + " for " + child);
                    }
                    case NOTICE -> {
                        Notice notice = classify(part.text());
                        switch (notice) {
                            case FINAL_END, CHILD_END -> {
                                assertTrue(child.birthOn(day) != null && birthdayOn(child.birthOn(day), end).equals(day),
                                        "end notice on " + day + " for " + child);
                                boolean othersGoOn = present.stream().anyMatch(c -> !c.sameAnchorAs(child, today)
                                        && goesOnAfter(c, today, end));
                                assertEquals(othersGoOn ? Notice.CHILD_END : Notice.FINAL_END, notice,
                                        "end notice on " + day + " while others go on: " + othersGoOn);
                                if (notice == Notice.FINAL_END) {
                                    lastFinalNotice = day;
                                }
                            }
                            case BIRTH_QUESTION -> {
                                assertTrue(child.birthOn(day) == null && pregnancyDay(child.dueOn(day), day) > 293,
                                        "birth question on " + day + " for " + child);
                                String key = child.id + "@" + child.dueOn(day);
                                assertEquals(1, birthQuestions.merge(key, 1, Integer::sum),
                                        "the birth question is asked once per due date: " + key);
                            }
                            case UNKNOWN -> fail("unknown notice on " + day + ": " + part.text());
                        }
                    }
                    default -> fail("unexpected part on " + day + ": " + part);
                }
            }
            // the sender records the birth question it sends, so it is asked once
            for (String asked : CONTENT.childrenAskedAboutBirth(job, reader, town)) {
                sim.child(asked).askedOn(day);
            }
        }

        // a re-run of a day before the reader registered, or before a child was added, composes nothing for them;
        // it reads the reader as stored now, every child added (no child is added after END)
        Reader now = sim.readerOn(END);
        for (LocalDate day = sim.registeredOn.minusDays(40); day.isBefore(sim.registeredOn); day = day.plusDays(1)) {
            DeliveryJob job = DeliveryJob.daily(TOWN_ID, now.readerId(), Channel.LINE, day);
            assertTrue(CONTENT.messageFor(job, now, town).isEmpty(), "re-run of " + day + " before registering");
            assertFalse(new ActiveReader(now.readerId(), Channel.LINE, now.registeredOn()).registeredBy(day));
        }
        for (SimChild child : sim.children) {
            for (LocalDate day = child.addedOn.minusDays(40); day.isBefore(child.addedOn); day = day.plusDays(1)) {
                DeliveryJob job = DeliveryJob.daily(TOWN_ID, now.readerId(), Channel.LINE, day);
                String id = child.id;
                assertTrue(CONTENT.messageFor(job, now, town).parts().stream().noneMatch(p -> id.equals(p.childId())),
                        "re-run of " + day + " speaks of " + id + " added on " + child.addedOn);
            }
        }
    }

    // ---------------------------------------------------------------- the simulated reader

    /** One child's plan made concrete: its dates and the days things happen to it. */
    static final class SimChild {
        final String id;
        final LocalDate addedOn;
        final LocalDate dueDate;       // null when registered after birth
        final LocalDate birthDate;     // null when never born in the simulation
        final LocalDate birthReportedOn;
        final LocalDate lostOn;
        final LocalDate dueChangedOn;
        final LocalDate changedDue;
        LocalDate birthAskedOn;
        LocalDate askedForDue;

        SimChild(String id, LocalDate addedOn, LocalDate dueDate, LocalDate birthDate, LocalDate birthReportedOn,
                LocalDate lostOn, LocalDate dueChangedOn, LocalDate changedDue) {
            this.id = id;
            this.addedOn = addedOn;
            this.dueDate = dueDate;
            this.birthDate = birthDate;
            this.birthReportedOn = birthReportedOn;
            this.lostOn = lostOn;
            this.dueChangedOn = dueChangedOn;
            this.changedDue = changedDue;
        }

        LocalDate dueOn(LocalDate day) {
            return dueChangedOn != null && !day.isBefore(dueChangedOn) ? changedDue : dueDate;
        }

        LocalDate birthOn(LocalDate day) {
            return birthDate != null && !day.isBefore(birthReportedOn) ? birthDate : null;
        }

        boolean activeOn(LocalDate day) {
            return !day.isBefore(addedOn) && (lostOn == null || day.isBefore(lostOn));
        }

        boolean sameAnchorAs(SimChild other, LocalDate day) {
            return birthOn(day) != null ? birthOn(day).equals(other.birthOn(day))
                    : other.birthOn(day) == null && dueOn(day).equals(other.dueOn(day));
        }

        void askedOn(LocalDate day) {
            if (birthAskedOn == null || !dueOn(day).equals(askedForDue)) {
                birthAskedOn = day;
                askedForDue = dueOn(day);
            }
        }

        Child on(LocalDate day) {
            // a changed due date forgets an earlier question, as the chat does
            LocalDate asked = birthAskedOn != null && dueOn(day).equals(askedForDue) ? birthAskedOn : null;
            return new Child(id, dueOn(day), birthOn(day), activeOn(day) ? ChildStatus.ACTIVE : ChildStatus.LOST, asked,
                    addedOn);
        }

        @Override
        public String toString() {
            return id + "[added " + addedOn + ", due " + dueDate + (dueChangedOn == null ? "" : " → " + changedDue
                    + " on " + dueChangedOn) + ", born " + birthDate + " reported " + birthReportedOn + ", lost "
                    + lostOn + "]";
        }
    }

    static final class Sim {
        final LocalDate registeredOn;
        final String language;
        final List<SimChild> children = new ArrayList<>();
        final List<LocalDate[]> pauses = new ArrayList<>();

        Sim(Scenario s) {
            registeredOn = START.plusDays(s.registeredAfter());
            language = s.language();
            int n = 0;
            for (ChildPlan plan : s.children()) {
                LocalDate added = n == 0 ? registeredOn : min(END, registeredOn.plusDays(plan.addedAfter()));
                int copies = plan.twin() ? 2 : 1;
                SimChild first = null;
                for (int c = 0; c < copies; c++) {
                    n++;
                    SimChild child = concrete("c" + n, added, plan, s.endBirthday(), c == 1 ? null : plan.lossAfter());
                    if (first == null) {
                        first = child;
                    }
                    children.add(child);
                }
            }
            for (PausePlan pause : s.pauses()) {
                LocalDate from = registeredOn.plusDays(pause.startAfter());
                pauses.add(new LocalDate[] {from, from.plusDays(pause.days())});
            }
        }

        private static SimChild concrete(String id, LocalDate added, ChildPlan plan, int endBirthday, Integer lossAfter) {
            LocalDate lost = lossAfter == null ? null : added.plusDays(lossAfter);
            switch (plan.kind()) {
                case BORN, BORN_ON_LEAP_DAY -> {
                    LocalDate birth = added.minusDays(Math.floorMod(plan.anchor(), 3 * 365));
                    if (plan.kind() == Kind.BORN_ON_LEAP_DAY && !added.isBefore(LEAP_DAY)
                            && added.isBefore(birthdayOn(LEAP_DAY, 3))) {
                        birth = LEAP_DAY;
                    }
                    return new SimChild(id, added, null, birth, added, lost, null, null);
                }
                default -> {
                    LocalDate due = added.plusDays(Math.floorMod(plan.anchor(), 294) - 13);
                    LocalDate changedOn = null;
                    LocalDate changedDue = null;
                    if (plan.dueChangeAfter() != null && plan.dueShift() != 0) {
                        changedOn = added.plusDays(plan.dueChangeAfter());
                        changedDue = due.plusDays(plan.dueShift());
                        // the chat accepts a due date from 13 days ago up to 280 days ahead
                        if (changedDue.isBefore(changedOn.minusDays(13)) || changedDue.isAfter(changedOn.plusDays(280))) {
                            changedOn = null;
                            changedDue = null;
                        }
                    }
                    LocalDate dueThen = changedDue != null ? changedDue : due;
                    LocalDate birth = switch (plan.birth()) {
                        case NEVER -> null;
                        case EARLY_OR_LATE -> dueThen.plusDays(plan.birthShift());
                        case ON_LEAP_DAY -> Math.abs(ChronoUnit.DAYS.between(dueThen, LEAP_DAY)) <= 60 ? LEAP_DAY
                                : dueThen.plusDays(plan.birthShift());
                    };
                    LocalDate reported = null;
                    if (birth != null) {
                        reported = max(birth.plusDays(plan.reportDelay()), added);
                        if (changedOn != null && !reported.isAfter(changedOn)) {
                            changedOn = null; // born before the change: the due date no longer matters
                            changedDue = null;
                        }
                        if (birth.isBefore(reported.minusYears(endBirthday).plusDays(2))) {
                            birth = null; // a birth date the chat would refuse as past the program
                            reported = null;
                        }
                    }
                    return new SimChild(id, added, due, birth, reported, lost, changedOn, changedDue);
                }
            }
        }

        SimChild child(String id) {
            return children.stream().filter(c -> c.id.equals(id)).findFirst().orElseThrow();
        }

        List<SimChild> activeOn(LocalDate day) {
            return children.stream().filter(c -> c.activeOn(day)).toList();
        }

        boolean pausedOn(LocalDate day) {
            return pauses.stream().anyMatch(p -> !day.isBefore(p[0]) && day.isBefore(p[1]));
        }

        /** A child added, a birth reported or a due date changed after {@code from}, up to {@code to}. */
        boolean somethingNewBetween(LocalDate from, LocalDate to) {
            return children.stream().anyMatch(c -> within(c.addedOn, from, to) || within(c.birthReportedOn, from, to)
                    || within(c.dueChangedOn, from, to));
        }

        private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
            return day != null && day.isAfter(from) && !day.isAfter(to);
        }

        /** The reader as stored on {@code day}: only the children added by then, as they stand. */
        Reader readerOn(LocalDate day) {
            List<Child> stored = children.stream().filter(c -> !c.addedOn.isAfter(day)).map(c -> c.on(day)).toList();
            Reader reader = Reader.newcomer(TOWN_ID, Channel.LINE, "Usim", START.atStartOfDay(
                            jp.yorisoi.schedule.ProgramSchedule.ZONE).toInstant())
                    .withRole(Role.MOTHER).withLanguage(language).withRegisteredOn(registeredOn)
                    .withStatus(pausedOn(day) ? ReaderStatus.PAUSED : ReaderStatus.ACTIVE);
            return reader.withChildren(stored);
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    // ---------------------------------------------------------------- random scenarios

    enum Kind { PREGNANCY, BORN, BORN_ON_LEAP_DAY }

    enum Birth { NEVER, EARLY_OR_LATE, ON_LEAP_DAY }

    record ChildPlan(int addedAfter, Kind kind, int anchor, Birth birth, int birthShift, int reportDelay,
            Integer lossAfter, Integer dueChangeAfter, int dueShift, boolean twin) {}

    record PausePlan(int startAfter, int days) {}

    record Scenario(int registeredAfter, int endBirthday, String language, List<ChildPlan> children,
            List<PausePlan> pauses) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 450),
                        Arbitraries.integers().between(3, 6),
                        Arbitraries.of("ja", "ja-easy", "en"),
                        childPlans().list().ofMinSize(1).ofMaxSize(3),
                        pausePlans().list().ofMaxSize(2))
                .as(Scenario::new);
    }

    Arbitrary<ChildPlan> childPlans() {
        Arbitrary<Integer> addedAfter = Arbitraries.integers().between(1, 1400);
        Arbitrary<Kind> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, Kind.PREGNANCY), net.jqwik.api.Tuple.of(3, Kind.BORN),
                net.jqwik.api.Tuple.of(1, Kind.BORN_ON_LEAP_DAY));
        Arbitrary<Integer> anchor = Arbitraries.integers().between(0, 3 * 365 - 1);
        Arbitrary<Birth> birth = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(2, Birth.NEVER), net.jqwik.api.Tuple.of(7, Birth.EARLY_OR_LATE),
                net.jqwik.api.Tuple.of(1, Birth.ON_LEAP_DAY));
        Arbitrary<Integer> birthShift = Arbitraries.integers().between(-70, 20);
        Arbitrary<Integer> reportDelay = Arbitraries.integers().between(0, 25);
        Arbitrary<Integer> lossAfter = Arbitraries.integers().between(0, 1500).injectNull(0.7);
        Arbitrary<Integer> dueChangeAfter = Arbitraries.integers().between(0, 200).injectNull(0.6);
        Arbitrary<Integer> dueShift = Arbitraries.integers().between(-14, 14);
        Arbitrary<Boolean> twin = Arbitraries.of(true, false, false, false, false);
        List<Arbitrary<Object>> fields = List.of(generic(addedAfter), generic(kind), generic(anchor), generic(birth),
                generic(birthShift), generic(reportDelay), generic(lossAfter), generic(dueChangeAfter),
                generic(dueShift), generic(twin));
        return Combinators.combine(fields).as(v -> new ChildPlan((Integer) v.get(0), (Kind) v.get(1),
                (Integer) v.get(2), (Birth) v.get(3), (Integer) v.get(4), (Integer) v.get(5), (Integer) v.get(6),
                (Integer) v.get(7), (Integer) v.get(8), (Boolean) v.get(9)));
    }

    private static <T> Arbitrary<Object> generic(Arbitrary<T> arbitrary) {
        return arbitrary.map(value -> (Object) value);
    }

    Arbitrary<PausePlan> pausePlans() {
        return Combinators.combine(Arbitraries.integers().between(0, 1500), Arbitraries.integers().between(1, 150))
                .as(PausePlan::new);
    }

    // ---------------------------------------------------------------- content at the reference cadence

    static MapCatalogue catalogue() {
        MapCatalogue catalogue = new MapCatalogue();
        for (int p = 28; p <= 293; p++) {
            catalogue.withDaily(ContentOwner.BASE, Track.PREGNANCY, p, "ja", "妊娠" + p + "日目のお話");
            if (p % 2 == 0) {
                catalogue.withDaily(ContentOwner.BASE, Track.PREGNANCY, p, "en", "Pregnancy day " + p);
            }
            if (p % 10 == 0) {
                catalogue.withDaily(TOWN_ID, Track.PREGNANCY, p, "ja", "まちから 妊娠" + p + "日目");
            }
        }
        // daily to day 100, then about every 3 days to the 1st birthday, every 7 at age 1, every 14 after
        for (int a = 0; a <= 6 * 366; a += a < 100 ? 1 : a < 365 ? 3 : a < 730 ? 7 : 14) {
            catalogue.withDaily(ContentOwner.BASE, Track.CHILD, a, "ja", "生後" + a + "日目のお話");
            if (a % 5 == 0) {
                catalogue.withDaily(ContentOwner.BASE, Track.CHILD, a, "ja-easy", "うまれて " + a + "にち");
            }
            if (a % 9 == 0) {
                catalogue.withDaily(TOWN_ID, Track.CHILD, a, "ja", "まちから 生後" + a + "日目");
            }
        }
        for (int n = 1; n <= 6; n++) {
            catalogue.withBirthday(TOWN_ID, n, "ja", n + "歳のお誕生日おめでとうございます");
        }
        return catalogue;
    }
}
