package jp.yorisoi.content;

import jp.yorisoi.copy.Copy;
import jp.yorisoi.schedule.Position;

/**
 * The line that tells a parent where they are in the program, in their language: 【妊娠12週0日】, 【生後45日】,
 * 【1歳3か月】, [Pregnancy week 12, day 0] … The wording is in {@code copy/headings.<language>.properties}.
 */
public final class Headings {

    static final String AREA = "headings";

    private Headings() {}

    /**
     * The heading of a position that receives content.
     *
     * @throws IllegalArgumentException for positions outside both tracks, which are never sent a day's text
     */
    public static String of(Position position, String language) {
        Copy copy = Copy.of(AREA, language);
        return switch (position) {
            case Position.Pregnancy p -> copy.text("pregnancy", p.week(), p.dayOfWeek());
            // Days are what parents count in the first year (生後100日, お食い初め); years and months after.
            case Position.Child c when c.years() == 0 -> copy.text("childDays", c.ageDays());
            case Position.Child c -> copy.text("childYearsMonths", c.years(), c.months());
            // the type only: the position's dates would give away a due date or a birthday
            default -> throw new IllegalArgumentException(
                    "no heading outside the tracks: " + position.getClass().getSimpleName());
        };
    }

    /** Where a child stands for the chat's confirmations: the tracks' headings, and the pregnancy week around them. */
    public static String where(Position position, String language) {
        Copy copy = Copy.of(AREA, language);
        return switch (position) {
            case Position.Pregnancy p -> of(p, language);
            case Position.Child c -> of(c, language);
            case Position.BeforeStart b -> copy.text("pregnancy", Math.max(0, b.pregnancyDay()) / 7,
                    Math.max(0, b.pregnancyDay()) % 7);
            case Position.PregnancyOverdue o -> copy.text("pregnancy", o.pregnancyDay() / 7, o.pregnancyDay() % 7);
            case Position.Ended e -> copy.text("ended", e.endBirthday());
            case Position.NotYetBorn n -> copy.text("notYetBorn");
        };
    }

    /** The heading of a birthday message, e.g. 【1歳のお誕生日】. */
    static String birthday(int years, String language) {
        return Copy.of(AREA, language).text("birthday", years);
    }
}
