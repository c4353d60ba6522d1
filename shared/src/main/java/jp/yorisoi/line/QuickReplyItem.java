package jp.yorisoi.line;

import java.time.LocalDate;
import java.util.Objects;

/** A button under a message: a date picker, a postback, or a text the parent sends by tapping. */
public sealed interface QuickReplyItem {

    int MAX_LABEL_LENGTH = 20;
    int MAX_POSTBACK_DATA_LENGTH = 300;

    String label();

    /** Opens LINE's date picker; the chosen day comes back as a postback carrying {@code data}. */
    record DatePicker(String label, String data, LocalDate initial, LocalDate min, LocalDate max)
            implements QuickReplyItem {
        public DatePicker {
            checkLabel(label);
            checkData(data);
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isAfter(max) || initial.isBefore(min) || initial.isAfter(max)) {
                throw new IllegalArgumentException("a date picker needs min <= initial <= max");
            }
        }
    }

    /** Sends {@code data} back as a postback; {@code displayText} appears in the chat as the parent's answer. */
    record Postback(String label, String data, String displayText) implements QuickReplyItem {
        public Postback {
            checkLabel(label);
            checkData(data);
            Objects.requireNonNull(displayText, "displayText");
        }
    }

    /** Sends {@code text} as if the parent typed it. */
    record Say(String label, String text) implements QuickReplyItem {
        public Say {
            checkLabel(label);
            Objects.requireNonNull(text, "text");
        }
    }

    private static void checkLabel(String label) {
        Objects.requireNonNull(label, "label");
        if (label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("a quick reply label holds 1 to 20 characters");
        }
    }

    private static void checkData(String data) {
        Objects.requireNonNull(data, "data");
        if (data.isEmpty() || data.length() > MAX_POSTBACK_DATA_LENGTH) {
            throw new IllegalArgumentException("postback data holds 1 to 300 characters");
        }
    }
}
