package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MunicipalityJsonTest {

    private static final String FULL = """
            {
              "municipalityId": "sample",
              "name": "さんぷる市",
              "signature": "さんぷる市より",
              "consultation": "相談窓口 0000-00-0000",
              "plan": "FULL",
              "endBirthday": 6,
              "deliveryHour": 7,
              "languages": ["ja", "ja-easy"],
              "senderEmail": "hello@sample.example",
              "active": false,
              "privacyUrl": "https://www.city.sample.example/privacy",
              "consentVersion": 2
            }
            """;

    private static final String MINIMAL = """
            {"municipalityId": "tiny", "name": "ちいさな村", "signature": "ちいさな村より",
             "consultation": "役場へ", "plan": "base-only", "deliveryHour": 8}
            """;

    private static Municipality parse(String json) {
        return MunicipalityJson.parse(new StringReader(json));
    }

    private static String problem(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json)).getMessage();
    }

    @Test
    void readsEveryField() {
        assertEquals(new Municipality("sample", "さんぷる市", "さんぷる市より", "相談窓口 0000-00-0000", Plan.FULL, 6, 7,
                List.of("ja", "ja-easy"), "hello@sample.example", false, "https://www.city.sample.example/privacy", 2),
                parse(FULL));
    }

    @Test
    void readsUtf8Bytes() {
        Municipality municipality = MunicipalityJson.parse(new ByteArrayInputStream(FULL.getBytes(StandardCharsets.UTF_8)));

        assertEquals("さんぷる市", municipality.name());
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        Municipality municipality = parse(MINIMAL);

        assertEquals(3, municipality.endBirthday());
        assertEquals(List.of("ja"), municipality.languages());
        assertNull(municipality.senderEmail());
        assertTrue(municipality.active());
        assertNull(municipality.privacyUrl());
        assertEquals(Municipality.FIRST_CONSENT_VERSION, municipality.consentVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base-only", "BASE_ONLY", "base_only"})
    void planMayBeWrittenAsStaffWriteIt(String plan) {
        assertEquals(Plan.BASE_ONLY, parse(MINIMAL.replace("base-only", plan)).plan());
    }

    @Test
    void rejectsTextsTooLongToFitTheRepliesTheyArePastedInto() {
        String longConsultation = MINIMAL.replace("役場へ", "相".repeat(MunicipalityJson.MAX_CONSULTATION_LENGTH + 1));
        String longSignature = MINIMAL.replace("ちいさな村より", "村".repeat(MunicipalityJson.MAX_SIGNATURE_LENGTH + 1));

        assertTrue(problem(longConsultation).contains("\"consultation\" must be at most 1000 characters"),
                problem(longConsultation));
        assertTrue(problem(longSignature).contains("\"signature\" must be at most 100 characters"),
                problem(longSignature));
        assertEquals(MunicipalityJson.MAX_CONSULTATION_LENGTH, parse(MINIMAL.replace("役場へ",
                "相".repeat(MunicipalityJson.MAX_CONSULTATION_LENGTH))).consultation().length());
    }

    @Test
    void rejectsAnUnknownPlan() {
        assertTrue(problem(MINIMAL.replace("base-only", "premium"))
                .contains("\"plan\" must be FULL or BASE_ONLY, not \"premium\""));
    }

    @Test
    void reportsEveryMissingRequiredField() {
        String message = problem("{\"municipalityId\": \"x\"}");

        for (String field : List.of("name", "signature", "consultation", "plan", "deliveryHour")) {
            assertTrue(message.contains("\"" + field + "\" is required"), message);
        }
    }

    @Test
    void rejectsAMisspeltField() {
        assertTrue(problem(MINIMAL.replace("deliveryHour", "deliveryHours")).contains("unknown field \"deliveryHours\""));
    }

    @Test
    void rejectsSettingsTheMunicipalityDoesNotAllow() {
        assertTrue(problem(MINIMAL.replace("\"deliveryHour\": 8", "\"deliveryHour\": 8, \"endBirthday\": 7"))
                .contains("endBirthday must be 3 to 6"));
        assertTrue(problem(MINIMAL.replace("\"deliveryHour\": 8", "\"deliveryHour\": 24"))
                .contains("deliveryHour must be 0 to 23"));
    }

    @Test
    void rejectsAPrivacyPageThatIsNotHttpsAndAConsentVersionBelowOne() {
        String problem = problem(MINIMAL.replace("\"deliveryHour\": 8",
                "\"deliveryHour\": 8, \"privacyUrl\": \"javascript:alert(1)\""));
        assertTrue(problem.contains("privacyUrl must be an https:// address"), problem);
        assertTrue(problem(MINIMAL.replace("\"deliveryHour\": 8", "\"deliveryHour\": 8, \"consentVersion\": 0"))
                .contains("consentVersion must be 1 or more"));
    }

    @Test
    void rejectsWronglyTypedValues() {
        assertTrue(problem(MINIMAL.replace("\"deliveryHour\": 8", "\"deliveryHour\": \"8\"")).contains(
                "\"deliveryHour\" must be a whole number"));
        assertTrue(problem(MINIMAL.replace("\"tiny\"", "42")).contains("\"municipalityId\" must be a non-empty string"));
        assertTrue(problem(MINIMAL.replace("\"deliveryHour\": 8", "\"deliveryHour\": 8, \"active\": \"yes\""))
                .contains("\"active\" must be true or false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[\"JA\"]", "\"ja\"", "[\"ja\", 1]"})
    void rejectsBadLanguageLists(String languages) {
        assertTrue(problem(MINIMAL.replace("\"deliveryHour\": 8", "\"deliveryHour\": 8, \"languages\": " + languages))
                .contains("\"languages\" must be a non-empty list"));
    }

    @Test
    void rejectsSomethingThatIsNotAJsonObject() {
        assertTrue(problem("{\"name\": ").startsWith("municipality settings are not valid JSON"));
        assertEquals("municipality settings must be one JSON object", problem("[1, 2]"));
    }
}
