package jp.yorisoi.mail;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.reader.Role;
import jp.yorisoi.registration.RegistrationRules;

/**
 * The signup form as posted, and its checks: each problem is a message key of the "signup" copy under the field's
 * name, so the form can show it beside the field. The date rules are {@link RegistrationRules}, as in the LINE chat.
 */
record SignupForm(String email, String kind, String date, String role, String language, boolean consent) {

    static final String PREGNANCY = "pregnancy";
    static final String CHILD = "child";

    /** Deliberately plain: one @, no spaces or characters that need quoting, a dotted domain; SES sends the rest. */
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final int MAX_ADDRESS_LENGTH = 254;

    static SignupForm from(Map<String, String> fields) {
        return new SignupForm(trimmed(fields.get("email")), fields.get("kind"), trimmed(fields.get("date")),
                fields.get("role"), fields.get("language"), "yes".equals(fields.get("consent")));
    }

    /** Field name → message key; empty when the form can be used. */
    Map<String, Problem> problems(LocalDate today, int endBirthday) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        if (email == null || email.length() > MAX_ADDRESS_LENGTH || !ADDRESS.matcher(email).matches()) {
            problems.put("email", new Problem("error.email"));
        }
        if (!PREGNANCY.equals(kind) && !CHILD.equals(kind)) {
            problems.put("kind", new Problem("error.kind"));
        }
        Optional<LocalDate> anchor = anchor();
        if (anchor.isEmpty()) {
            problems.put("date", new Problem("error.date"));
        } else if (PREGNANCY.equals(kind) || CHILD.equals(kind)) {
            dateProblem(kind, anchor.get(), today, endBirthday).ifPresent(p -> problems.put("date", p));
        }
        if (parsedRole() == null) {
            problems.put("role", new Problem("error.role"));
        }
        if (language == null || !Copy.LANGUAGES.contains(language)) {
            problems.put("language", new Problem("error.language"));
        }
        if (!consent) {
            problems.put("consent", new Problem("error.consent"));
        }
        return problems;
    }

    /** The rule a pregnancy's due date or a child's birth date breaks today, as the LINE chat judges it. */
    static Optional<Problem> dateProblem(String kind, LocalDate date, LocalDate today, int endBirthday) {
        var problem = PREGNANCY.equals(kind) ? RegistrationRules.dueDateProblem(date, today)
                : RegistrationRules.birthDateProblem(date, today, endBirthday);
        return problem.map(p -> new Problem("error." + p.name(), endBirthday));
    }

    Optional<LocalDate> anchor() {
        return parseDate(date);
    }

    static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    Role parsedRole() {
        try {
            return role == null ? null : Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    /** A message key of the "signup" copy and its arguments. */
    record Problem(String key, Object... arguments) {}
}
