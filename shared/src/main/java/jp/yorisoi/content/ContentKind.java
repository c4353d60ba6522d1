package jp.yorisoi.content;

/** What a catalogue entry is. */
public enum ContentKind {
    /** Day text of a track: base (expert) or local (town). Key: track + day. */
    DAILY,
    /** The town's birthday message. Key: years (1, 2, 3 …) stored as the day. */
    BIRTHDAY
}
