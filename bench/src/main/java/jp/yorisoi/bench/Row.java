package jp.yorisoi.bench;

/** One line of the results table: a measured figure, its target and whether the target is met. */
public record Row(String benchmark, String figure, String value, String target, String verdict) {

    public static Row info(String benchmark, String figure, String value) {
        return new Row(benchmark, figure, value, "-", "-");
    }

    public static Row atMost(String benchmark, String figure, double value, double target, String format) {
        return new Row(benchmark, figure, String.format(format, value), "≤ " + String.format(format, target),
                value <= target ? "met" : "MISSED");
    }

    public static Row atLeast(String benchmark, String figure, double value, double target, String format) {
        return new Row(benchmark, figure, String.format(format, value), "≥ " + String.format(format, target),
                value >= target ? "met" : "MISSED");
    }
}
