package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What createBroadcast refuses before it reads or writes anything: the caller first, then the body. The route has no
 * stores here, so a request that got past validation would fail the test with a NullPointerException.
 */
class BroadcastsApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);
    private static final String GOOD = "{\"idempotencyKey\":\"storm-0001\",\"confirm\":true,\"texts\":{\"ja\":\"お知らせ\"}}";

    private final List<String> audited = new ArrayList<>();
    private final BroadcastsApi api = new BroadcastsApi(null, null, null,
            (who, town, action, details) -> audited.add(action), CLOCK);

    @Test
    void aViewerCannotSendABroadcastAndLearnsNothingAboutTheBody() {
        Caller viewer = new Caller("v", Set.of(Caller.StaffGroup.VIEWER), Optional.of("demo"));

        ApiException e = assertThrows(ApiException.class, () -> api.create(request(viewer, "demo", "not json")));

        assertEquals(403, e.status());
        assertEquals(List.of(), audited);
    }

    @Test
    void anEditorOfAnotherTownCannotSendToThisOne() {
        Caller editor = new Caller("e", Set.of(Caller.StaffGroup.EDITOR), Optional.of("other"));

        assertEquals(403, assertThrows(ApiException.class, () -> api.create(request(editor, "demo", GOOD))).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":\"a\"},\"extra\":1}",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":\"a\"},\"confirm\":\"yes\"}",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":\"a\"},\"confirm\":1}",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":5}}",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":[\"a\"]}",
            "{\"idempotencyKey\":12345678,\"texts\":{\"ja\":\"a\"}}",
            "{\"idempotencyKey\":\"short\",\"texts\":{\"ja\":\"a\"}}",
            "{\"idempotencyKey\":\"storm 0001\",\"texts\":{\"ja\":\"a\"}}",
            "{\"texts\":{\"ja\":\"a\"}}",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"en\":\"a\"}}",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":\"  \"}}",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":null}}",
            "{\"idempotencyKey\":\"storm-0001\"}",
            "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":\"a\"}} {}"})
    void aMalformedBodyIsABadRequestWithAReason(String body) {
        ApiException e = assertThrows(ApiException.class,
                () -> api.create(request(Caller.operator("op"), "demo", body)));

        assertEquals(400, e.status(), body);
        assertEquals("bad_request", e.error());
        assertTrue(!e.getMessage().isBlank());
        assertEquals(List.of(), audited);
    }

    @Test
    void aTextLongerThanOneLineTextObjectIsRefused() {
        String body = "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":\"" + "あ".repeat(5_001) + "\"}}";

        ApiException e = assertThrows(ApiException.class, () -> api.create(request(Caller.operator("op"), "demo", body)));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("texts.ja"), e.getMessage());
    }

    @Test
    void anOversizeBodyIsRefusedBeforeItIsParsed() {
        String body = "{\"idempotencyKey\":\"storm-0001\",\"texts\":{\"ja\":\"" + "あ".repeat(40_000) + "\"}}";

        assertEquals(413, assertThrows(ApiException.class,
                () -> api.create(request(Caller.operator("op"), "demo", body))).status());
    }

    @Test
    void aBodyNotSentAsJsonIsUnsupported() {
        ApiRequest form = new ApiRequest("POST", "/admin/municipalities/demo/broadcasts",
                Map.of("municipalityId", "demo"), Map.of("content-type", "text/plain"), GOOD, Caller.operator("op"));

        assertEquals(415, assertThrows(ApiException.class, () -> api.create(form)).status());
    }

    @Test
    void aBroadcastIdThatIsNoUuidIsNotFound() {
        ApiRequest request = new ApiRequest("GET", "/admin/municipalities/demo/broadcasts/x",
                Map.of("municipalityId", "demo", "broadcastId", "x"), Map.of(), null, Caller.operator("op"));

        assertEquals(404, assertThrows(ApiException.class, () -> api.get(request)).status());
    }

    private static ApiRequest request(Caller caller, String town, String body) {
        return new ApiRequest("POST", "/admin/municipalities/" + town + "/broadcasts", Map.of("municipalityId", town),
                Map.of("content-type", "application/json"), body, caller);
    }
}
