package jp.yorisoi.content;

/**
 * One problem found in a content file, for the staff who edit it.
 *
 * @param lineNumber the physical line (1-based) where the offending record starts
 * @param message    plain English, without the line number
 */
public record LineError(int lineNumber, String message) {

    /** "line 12: day 300 is outside the pregnancy window 28–293". */
    @Override
    public String toString() {
        return "line " + lineNumber + ": " + message;
    }
}
