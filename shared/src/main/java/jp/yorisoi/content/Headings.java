package jp.yorisoi.content;

import jp.yorisoi.schedule.Position;

/** The line that tells a parent where they are in the program: 【妊娠12週0日】, 【生後45日】, 【1歳3か月】. */
public final class Headings {

    private Headings() {}

    /**
     * The heading of a position that receives content.
     *
     * @throws IllegalArgumentException for positions outside both tracks, which are never sent a day's text
     */
    public static String of(Position position) {
        return switch (position) {
            case Position.Pregnancy p -> "【妊娠" + p.week() + "週" + p.dayOfWeek() + "日】";
            // Days are what parents count in the first year (生後100日, お食い初め); years and months after.
            case Position.Child c when c.years() == 0 -> "【生後" + c.ageDays() + "日】";
            case Position.Child c -> "【" + c.years() + "歳" + c.months() + "か月】";
            // the type only: the position's dates would give away a due date or a birthday
            default -> throw new IllegalArgumentException(
                    "no heading outside the tracks: " + position.getClass().getSimpleName());
        };
    }

    /** The heading of a birthday message, e.g. 【1歳のお誕生日】. */
    static String birthday(int years) {
        return "【" + years + "歳のお誕生日】";
    }
}
