package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies are read strictly: every refusal is a 400 that names the field. */
class JsonFieldsTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThatExist() throws Exception {
        ApiException e = assertThrows(ApiException.class,
                () -> JsonFields.of(json("{\"date\":\"2027-01-01\",\"colour\":1}"), Set.of("date", "texts")));

        assertEquals(400, e.status());
        assertEquals("unknown field colour; the fields are date, texts", e.getMessage());
    }

    @Test
    void anUnknownFieldOfANestedObjectIsNamedWithItsPath() throws Exception {
        JsonFields body = JsonFields.of(json("{\"audience\":{\"track\":\"child\",\"age\":3}}"), Set.of("audience"));

        ApiException e = assertThrows(ApiException.class, () -> body.object("audience", Set.of("track", "from")));

        assertTrue(e.getMessage().startsWith("unknown field audience.age"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2027-02-29\"", "\"2027-1-5\"", "20270105", "\"1999-12-31\"", "\"2101-01-01\"",
            "\"+10000-01-01\"", "true"})
    void aDateThatIsNotARealDateInRangeIsRefused(String value) throws Exception {
        JsonFields body = JsonFields.of(json("{\"date\":" + value + "}"), Set.of("date"));

        ApiException e = assertThrows(ApiException.class, () -> body.date("date"));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("date "), e.getMessage());
    }

    @Test
    void typesAreCheckedAndAbsentOrNullFieldsAreEmpty() throws Exception {
        JsonFields body = JsonFields.of(json("{\"days\":\"30\",\"twins\":1,\"n\":null,\"from\":\"2027-01-05\"}"),
                Set.of("days", "twins", "n", "from", "language"));

        assertEquals("days must be a whole number", assertThrows(ApiException.class, () -> body.integer("days"))
                .getMessage());
        assertEquals("twins must be true or false", assertThrows(ApiException.class, () -> body.bool("twins"))
                .getMessage());
        assertEquals(Optional.empty(), body.integer("n"));
        assertEquals(Optional.empty(), body.text("language"));
        assertEquals(Optional.of(LocalDate.of(2027, 1, 5)), body.date("from"));
    }
}
