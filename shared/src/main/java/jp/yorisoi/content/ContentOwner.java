package jp.yorisoi.content;

/** Owner of a text: the shared expert base text ({@link #BASE}) or one municipality (its id). */
public final class ContentOwner {
    public static final String BASE = "base";

    private ContentOwner() {}
}
