package jp.yorisoi.schedule;

/** The two programs a child can be in: before birth (anchored on the due date) and after (on the birth date). */
public enum Track {
    PREGNANCY,
    CHILD
}
