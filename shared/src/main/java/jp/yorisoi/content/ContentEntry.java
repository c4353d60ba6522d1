package jp.yorisoi.content;

import java.util.Objects;
import jp.yorisoi.schedule.Track;

/**
 * One text of the catalogue.
 *
 * @param owner    {@link ContentOwner#BASE} or a municipality id
 * @param kind     DAILY or BIRTHDAY
 * @param track    the track of a DAILY text; null for BIRTHDAY
 * @param day      pregnancy day (28–293) or child age in days for DAILY; years for BIRTHDAY
 * @param language "ja", "ja-easy", "en", …
 * @param text     at most 5,000 UTF-16 code units
 */
public record ContentEntry(String owner, ContentKind kind, Track track, int day, String language, String text) {

    public static final int MAX_TEXT_LENGTH = 5000;

    public ContentEntry {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        if (kind == ContentKind.DAILY && track == null) {
            throw new IllegalArgumentException("a daily text needs a track");
        }
    }
}
