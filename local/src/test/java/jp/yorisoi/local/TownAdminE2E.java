package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import jp.yorisoi.testkit.CognitoTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A town's staff run their town through the local runner with tokens minted here as Cognito would issue them
 * (outside-issuer mode): the editor changes the demo town, cannot touch another, the viewer changes nothing, and the
 * audit shows the editor's change under the token's subject.
 */
class TownAdminE2E {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CognitoTokens COGNITO = CognitoTokens.generate();

    @TempDir
    static Path temp;
    private static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        Path jwks = COGNITO.writeJwks(temp.resolve("jwks.json"));
        runner = LocalRunner.start(LocalConfig.forTests(LocalDate.parse("2026-11-22"))
                .trusting(new LocalConfig.OutsideIssuer(jwks, COGNITO.issuer(), COGNITO.audience())));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void anEditorUpdatesItsTownIsRefusedAnotherAViewerChangesNothingAndTheAuditShowsTheEditor() throws Exception {
        String editor = COGNITO.editor("hoken-1", "demo");
        String viewer = COGNITO.viewer("kakari-1", "demo");

        HttpResponse<String> updated = send("PATCH", "/admin/municipalities/demo", editor,
                "{\"consultation\": \"デモ市 こども家庭センター 0000-00-0000 (sample)\"}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("デモ市 こども家庭センター 0000-00-0000 (sample)",
                JSON.readTree(updated.body()).path("consultation").asText());

        assertEquals(403, send("PATCH", "/admin/municipalities/another-town", editor, "{\"name\": \"x\"}")
                .statusCode());
        assertEquals(403, send("PATCH", "/admin/municipalities/demo", viewer, "{\"name\": \"x\"}").statusCode());
        JsonNode town = JSON.readTree(send("GET", "/admin/municipalities/demo", viewer, null).body());
        assertFalse(town.path("name").asText().equals("x"));

        JsonNode audit = JSON.readTree(send("GET", "/admin/municipalities/demo/audit", viewer, null).body());
        JsonNode newest = audit.path("records").path(0);
        assertEquals("updateMunicipality", newest.path("action").asText(), audit.toString());
        assertEquals("hoken-1", newest.path("subject").asText());
        assertEquals(1, audit.path("records").size(), "the refused changes left no record: " + audit);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
