package jp.yorisoi.registration;

import java.time.LocalDate;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Reader;

/**
 * Whether a day's delivery brings a reader anything, asked of the same {@link DayComposer} the senders compose with,
 * so that what the chat promises ("your first message comes today") is what the day will send.
 */
@FunctionalInterface
public interface DayPreview {

    /** For a chat without the catalogue at hand: promises nothing for today. */
    DayPreview NONE = (reader, town, day) -> false;

    boolean bringsMessage(Reader reader, Municipality town, LocalDate day);

    static DayPreview of(DayComposer composer) {
        return (reader, town, day) -> !composer.compose(reader, town, day).isEmpty();
    }
}
