package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import jp.yorisoi.content.CachedCatalogue;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.ComposedDeliveryContent;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The content, calendar and preview routes over real tables (DynamoDB Local), called as the admin API calls them:
 * the caller first, then the route; a refusal answers its status and JSON error.
 */
final class ContentRig {

    static final ObjectMapper JSON = new ObjectMapper();

    final DynamoMunicipalityStore municipalities;
    final DynamoCatalogue catalogue;
    final RecordingAuditLog audit = new RecordingAuditLog();
    private final Router router = new Router();

    ContentRig(DynamoDbClient dynamo, String municipalitiesTable, String contentTable, Clock clock) {
        this.municipalities = new DynamoMunicipalityStore(dynamo, municipalitiesTable);
        this.catalogue = new DynamoCatalogue(dynamo, contentTable);
        new ContentApi(municipalities, catalogue, catalogue, audit, clock).register(router);
        new CalendarApi(municipalities, catalogue, audit, clock, new Random(7)).register(router);
        new PreviewApi(municipalities,
                () -> new ComposedDeliveryContent(new DayComposer(new CachedCatalogue(catalogue))), clock)
                .register(router);
    }

    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").asText();
        }

        String message() {
            return body.path("message").asText();
        }
    }

    static Caller editor(String town) {
        return new Caller("editor-" + town, Set.of(Caller.StaffGroup.EDITOR), Optional.of(town));
    }

    static Caller viewer(String town) {
        return new Caller("viewer-" + town, Set.of(Caller.StaffGroup.VIEWER), Optional.of(town));
    }

    static Caller operator() {
        return Caller.operator("operator");
    }

    Answer call(Caller caller, String method, String path, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        try {
            ApiResponse response = router.dispatch(new ApiRequest(method, path, Map.of(), headers, body, caller));
            return new Answer(response.status(), JSON.valueToTree(response.body()));
        } catch (ApiException e) {
            return new Answer(e.status(), JSON.valueToTree(Map.of("error", e.error(), "message", e.getMessage())));
        }
    }

    Answer json(Caller caller, String method, String path, String body) {
        return call(caller, method, path, "application/json", body);
    }

    Answer csv(Caller caller, String path, String csv) {
        return call(caller, "PUT", path, "text/csv; charset=utf-8", csv);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
