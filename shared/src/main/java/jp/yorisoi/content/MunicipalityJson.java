package jp.yorisoi.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * Reads a town's settings file ({@code content/municipalities/<id>/municipality.json}) into a {@link Municipality}.
 * Field names are those of the record; {@code endBirthday} defaults to 3, {@code languages} to ["ja"],
 * {@code active} to true, {@code consentVersion} to 1, and {@code senderEmail} may be left out when the town has no
 * e-mail channel, {@code privacyUrl} (https) when it has no privacy page.
 * Unknown fields are rejected so a misspelt setting is not silently ignored.
 */
public final class MunicipalityJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * The consultation contacts are pasted into the menu and the loss message, the signature under every local
     * text: bounded so those stay far inside LINE's 5,000 units per message.
     */
    static final int MAX_CONSULTATION_LENGTH = 1000;
    static final int MAX_SIGNATURE_LENGTH = 100;

    private static final Set<String> FIELDS = Set.of("municipalityId", "name", "signature", "consultation", "plan",
            "endBirthday", "deliveryHour", "languages", "senderEmail", "active", "privacyUrl", "consentVersion");

    private MunicipalityJson() {}

    public static Municipality parse(InputStream json) {
        return parse(new InputStreamReader(json, StandardCharsets.UTF_8));
    }

    public static Municipality parse(Reader json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("municipality settings are not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("municipality settings must be one JSON object");
        }
        Fields fields = new Fields(root);
        Municipality municipality = fields.toMunicipality();
        if (!fields.problems.isEmpty()) {
            throw new IllegalArgumentException("municipality settings are invalid: " + String.join("; ", fields.problems));
        }
        return municipality;
    }

    /** Reads each field, collecting every problem before giving up. */
    private static final class Fields {
        private final JsonNode root;
        private final List<String> problems = new ArrayList<>();

        Fields(JsonNode root) {
            this.root = root;
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    problems.add("unknown field \"" + name + "\"");
                }
            }
        }

        Municipality toMunicipality() {
            String id = text("municipalityId", true);
            String name = text("name", true);
            String signature = text("signature", true, MAX_SIGNATURE_LENGTH);
            String consultation = text("consultation", true, MAX_CONSULTATION_LENGTH);
            Plan plan = plan();
            int endBirthday = number("endBirthday", ProgramSchedule.DEFAULT_END_BIRTHDAY);
            int deliveryHour = number("deliveryHour", null);
            List<String> languages = languages();
            String senderEmail = text("senderEmail", false);
            boolean active = bool("active", true);
            String privacyUrl = text("privacyUrl", false);
            int consentVersion = number("consentVersion", Municipality.FIRST_CONSENT_VERSION);
            if (!problems.isEmpty()) {
                return null;
            }
            try {
                return new Municipality(id, name, signature, consultation, plan, endBirthday, deliveryHour,
                        languages, senderEmail, active, privacyUrl, consentVersion);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return null;
            }
        }

        private String text(String field, boolean required, int maxLength) {
            String text = text(field, required);
            if (text != null && text.length() > maxLength) {
                problems.add("\"" + field + "\" must be at most " + maxLength + " characters");
                return null;
            }
            return text;
        }

        private String text(String field, boolean required) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    problems.add("\"" + field + "\" is required");
                }
                return null;
            }
            if (!node.isTextual() || node.asText().isBlank()) {
                problems.add("\"" + field + "\" must be a non-empty string");
                return null;
            }
            return node.asText();
        }

        private int number(String field, Integer defaultValue) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                if (defaultValue == null) {
                    problems.add("\"" + field + "\" is required");
                    return 0;
                }
                return defaultValue;
            }
            if (!node.isInt()) {
                problems.add("\"" + field + "\" must be a whole number");
                return 0;
            }
            return node.asInt();
        }

        private boolean bool(String field, boolean defaultValue) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return defaultValue;
            }
            if (!node.isBoolean()) {
                problems.add("\"" + field + "\" must be true or false");
                return defaultValue;
            }
            return node.asBoolean();
        }

        private Plan plan() {
            String value = text("plan", true);
            if (value == null) {
                return null;
            }
            try {
                return Plan.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problems.add("\"plan\" must be FULL or BASE_ONLY, not \"" + value + "\"");
                return null;
            }
        }

        private List<String> languages() {
            JsonNode node = root.get("languages");
            if (node == null || node.isNull()) {
                return List.of("ja");
            }
            List<String> languages = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(language -> languages.add(language.isTextual() ? language.asText() : ""));
            }
            if (!node.isArray() || languages.isEmpty()
                    || !languages.stream().allMatch(l -> ContentCsv.LANGUAGE.matcher(l).matches())) {
                problems.add("\"languages\" must be a non-empty list of codes such as [\"ja\", \"ja-easy\", \"en\"]");
            }
            return languages;
        }
    }
}
