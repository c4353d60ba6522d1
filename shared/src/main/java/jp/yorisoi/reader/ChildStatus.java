package jp.yorisoi.reader;

/** Whether one child of a reader still gets messages. */
public enum ChildStatus {
    ACTIVE,
    /** The parent reported a loss: nothing more is ever sent for this child. */
    LOST
}
