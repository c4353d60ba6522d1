package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of a JSON request body strictly, for one place of validation per body: a field the operation
 * does not know, a value of the wrong type or a malformed date is a 400 naming the field, before anything is written.
 */
final class JsonFields {

    /** Dates an operation takes: wide enough for any due date or birth date in the program, narrow enough to add days to. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    private final JsonNode node;
    private final String where;

    private JsonFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** The body's object; 400 for any field outside {@code known}. */
    static JsonFields of(JsonNode object, Set<String> known) {
        return nested(object, "", known);
    }

    private static JsonFields nested(JsonNode object, String where, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.badRequest("unknown field " + where + name + "; the fields are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return new JsonFields(object, where);
    }

    Optional<JsonNode> optional(String field) {
        JsonNode value = node.get(field);
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

    Optional<Integer> integer(String field) {
        return optional(field).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw ApiException.badRequest(where + field + " must be a whole number");
            }
            return value.intValue();
        });
    }

    Optional<Boolean> bool(String field) {
        return optional(field).map(value -> {
            if (!value.isBoolean()) {
                throw ApiException.badRequest(where + field + " must be true or false");
            }
            return value.booleanValue();
        });
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
            return nested(value, where + field + ".", known);
        });
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

    JsonNode node() {
        return node;
    }
}
