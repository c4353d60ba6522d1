package jp.yorisoi.municipality;

/** What a municipality's readers get: everything, or base text and birthday messages only (small-town network). */
public enum Plan {
    FULL,
    BASE_ONLY;

    public boolean includesLocalContent() {
        return this == FULL;
    }
}
