package jp.yorisoi.content;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A content file was rejected. Carries every problem found, so staff can fix the whole file in one pass;
 * nothing of a rejected file is imported.
 */
public class ContentImportException extends RuntimeException {

    private final List<LineError> errors;

    public ContentImportException(List<LineError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejected import needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The problems in file order. */
    public List<LineError> errors() {
        return errors;
    }

    private static String describe(List<LineError> errors) {
        return errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in the content file:\n"
                + errors.stream().map(LineError::toString).collect(Collectors.joining("\n"));
    }
}
