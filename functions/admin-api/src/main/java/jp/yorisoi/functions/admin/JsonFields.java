package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strict reading of a JSON request body: unknown fields, wrong types (no "3" for 3, no 3.5 for an integer) and
 * values out of range are a 400 naming the field, before anything is written.
 */
final class JsonFields {

    private final JsonNode body;

    JsonFields(JsonNode body, Set<String> allowed) {
        this.body = body;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown field " + name);
            }
        }
    }

    boolean has(String field) {
        return body.has(field);
    }

    Optional<String> text(String field, int minLength, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        String text = value.asText().strip();
        if (text.length() < minLength || text.length() > maxLength) {
            throw ApiException.badRequest(field + " must be " + minLength + " to " + maxLength + " characters");
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

    Optional<Integer> integer(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiException.badRequest(field + " must be a whole number from " + min + " to " + max);
        }
        return Optional.of(value.asInt());
    }

    Optional<Boolean> bool(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(field + " must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    /** One of {@code choices}. */
    Optional<String> choice(String field, List<String> choices) {
        Optional<String> value = text(field, 1, 100);
        if (value.isPresent() && !choices.contains(value.get())) {
            throw ApiException.badRequest(field + " must be one of " + String.join(", ", choices));
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
            throw ApiException.badRequest(field + " must be a non-empty list");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() || !choices.contains(element.asText()) || list.contains(element.asText())) {
                throw ApiException.badRequest(field + " must list distinct values of " + String.join(", ", choices));
            }
            list.add(element.asText());
        }
        return Optional.of(list);
    }
}
