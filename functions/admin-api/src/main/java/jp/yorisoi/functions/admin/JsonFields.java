package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strict reading of a JSON request body: unknown fields, wrong types (no "3" for 3, no 3.5 for an integer),
 * malformed dates and values out of range are a 400 naming the field, before anything is written.
 */
final class JsonFields {

    /** Dates an operation takes: wide enough for any due date or birth date in the program, narrow enough to add days to. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    private final JsonNode body;
    /** The path of a nested object ("audience."), empty for the body itself. */
    private final String where;

    JsonFields(JsonNode body, Set<String> allowed) {
        this(body, "", allowed);
    }

    private JsonFields(JsonNode body, String where, Set<String> allowed) {
        this.body = body;
        this.where = where;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown field " + where + name + "; the fields are "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** The body's object; 400 for any field outside {@code known}. */
    static JsonFields of(JsonNode object, Set<String> known) {
        return new JsonFields(object, known);
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** The value, absent when the field is missing or JSON null. */
    Optional<JsonNode> optional(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<String> text(String field) {
        return optional(field).map(value -> {
            if (!value.isTextual()) {
                throw ApiException.badRequest(where + field + " must be a string");
            }
            return value.asText();
        });
    }

    String requiredText(String field) {
        return text(field).filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.badRequest(where + field + " is required"));
    }

    Optional<String> text(String field, int minLength, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(where + field + " must be a string");
        }
        String text = value.asText().strip();
        if (text.length() < minLength || text.length() > maxLength) {
            throw ApiException.badRequest(where + field + " must be " + minLength + " to " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    /** A string, or JSON null to clear it (Optional of empty string). */
    Optional<String> nullableText(String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value != null && value.isNull()) {
            return Optional.of("");
        }
        return text(field, 0, maxLength);
    }

    Optional<Integer> integer(String field) {
        return optional(field).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw ApiException.badRequest(where + field + " must be a whole number");
            }
            return value.intValue();
        });
    }

    Optional<Integer> integer(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiException.badRequest(where + field + " must be a whole number from " + min + " to " + max);
        }
        return Optional.of(value.asInt());
    }

    Optional<Boolean> bool(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(where + field + " must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    Optional<LocalDate> date(String field) {
        return text(field).map(value -> parseDate(where + field, value));
    }

    /** A nested object, read as strictly as the body. */
    Optional<JsonFields> object(String field, Set<String> known) {
        return optional(field).map(value -> {
            if (!value.isObject()) {
                throw ApiException.badRequest(where + field + " must be an object");
            }
            return new JsonFields(value, where + field + ".", known);
        });
    }

    /** One of {@code choices}. */
    Optional<String> choice(String field, List<String> choices) {
        Optional<String> value = text(field, 1, 100);
        if (value.isPresent() && !choices.contains(value.get())) {
            throw ApiException.badRequest(where + field + " must be one of " + String.join(", ", choices));
        }
        return value;
    }

    /** A non-empty list of distinct values, each one of {@code choices}. */
    Optional<List<String>> choices(String field, List<String> choices) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray() || value.isEmpty()) {
            throw ApiException.badRequest(where + field + " must be a non-empty list");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() || !choices.contains(element.asText()) || list.contains(element.asText())) {
                throw ApiException.badRequest(where + field + " must list distinct values of "
                        + String.join(", ", choices));
            }
            list.add(element.asText());
        }
        return Optional.of(list);
    }

    static LocalDate parseDate(String field, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be a date written YYYY-MM-DD");
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw ApiException.badRequest(field + " must lie between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return date;
    }
}
