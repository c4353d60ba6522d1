package jp.yorisoi.registration;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date the way parents type it into LINE: 2027-03-15, 2027/3/15, 2027.3.15, 2027年3月15日,
 * 令和9年3月15日 (also R9/3/15 and 令和元年), with full-width digits and spaces tolerated.
 */
public final class JapaneseDates {

    /** The first day of the Reiwa era; 令和元年 is 2019. */
    static final LocalDate REIWA_START = LocalDate.of(2019, 5, 1);

    /** Longer input is not a date: parsing stops before the regular expressions see it. */
    private static final int MAX_LENGTH = 40;

    private static final Pattern WESTERN = Pattern.compile(
            "(\\d{4})(?:[-/.](\\d{1,2})[-/.](\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日?)");
    private static final Pattern REIWA = Pattern.compile(
            "(?:令和|R)(元|\\d{1,2})(?:年(\\d{1,2})月(\\d{1,2})日?|[-/.](\\d{1,2})[-/.](\\d{1,2}))");

    private JapaneseDates() {}

    /** Why a text is not a usable date. */
    public enum Problem {
        /** Nothing in the text looks like a date. */
        NOT_A_DATE,
        /** It looks like a date but that day does not exist (2027-02-30, 令和元年4月1日). */
        NO_SUCH_DAY
    }

    /** The outcome of reading one text: a date, or the reason it is not one. */
    public sealed interface Parsed {
        record Valid(LocalDate date) implements Parsed {}

        record Invalid(Problem problem) implements Parsed {}
    }

    public static Parsed parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return new Parsed.Invalid(Problem.NOT_A_DATE);
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .replace('ー', '-')
                .replace('−', '-')
                .replace('r', 'R');
        Matcher western = WESTERN.matcher(normalized);
        if (western.matches()) {
            int year = Integer.parseInt(western.group(1));
            return dateOf(year, first(western, 2, 4), first(western, 3, 5));
        }
        Matcher reiwa = REIWA.matcher(normalized);
        if (reiwa.matches()) {
            int eraYear = "元".equals(reiwa.group(1)) ? 1 : Integer.parseInt(reiwa.group(1));
            if (eraYear < 1) {
                return new Parsed.Invalid(Problem.NO_SUCH_DAY);
            }
            Parsed parsed = dateOf(REIWA_START.getYear() - 1 + eraYear, first(reiwa, 2, 4), first(reiwa, 3, 5));
            if (parsed instanceof Parsed.Valid valid && valid.date().isBefore(REIWA_START)) {
                return new Parsed.Invalid(Problem.NO_SUCH_DAY);
            }
            return parsed;
        }
        return new Parsed.Invalid(Problem.NOT_A_DATE);
    }

    private static int first(Matcher matcher, int group, int alternative) {
        String value = matcher.group(group) != null ? matcher.group(group) : matcher.group(alternative);
        return Integer.parseInt(value);
    }

    private static Parsed dateOf(int year, int month, int day) {
        try {
            return new Parsed.Valid(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return new Parsed.Invalid(Problem.NO_SUCH_DAY);
        }
    }
}
