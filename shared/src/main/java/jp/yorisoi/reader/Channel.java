package jp.yorisoi.reader;

/** How a reader receives the daily delivery. */
public enum Channel {
    LINE,
    EMAIL
}
