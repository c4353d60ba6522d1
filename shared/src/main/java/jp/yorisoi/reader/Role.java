package jp.yorisoi.reader;

/** Who the reader is to the child; stats break down by it because partners reading is a goal of the towns. */
public enum Role {
    MOTHER,
    PARTNER,
    GRANDPARENT,
    OTHER
}
