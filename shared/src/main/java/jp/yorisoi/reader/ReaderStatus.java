package jp.yorisoi.reader;

/** Whether a reader gets the daily delivery. Only {@link #ACTIVE} readers are fanned out to. */
public enum ReaderStatus {
    /** Followed but has not finished the questions yet. */
    REGISTERING,
    ACTIVE,
    /** Stopped by the reader (ていし); さいかい resumes. */
    PAUSED,
    /** The LINE user blocked the account (unfollow); a follow with isUnblocked resumes. */
    BLOCKED,
    /** The channel rejects the address (LINE 400 unknown user, e-mail hard bounce or complaint). */
    UNREACHABLE,
    /** The reader unsubscribed from e-mail. */
    UNSUBSCRIBED;

    public boolean receivesDeliveries() {
        return this == ACTIVE;
    }
}
