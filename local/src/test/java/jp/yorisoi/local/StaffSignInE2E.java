package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import jp.yorisoi.testkit.CognitoTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in to the admin API through the local runner, both ways README shows: the runner's own demo sign-in, and
 * an outside issuer's tokens (LOCAL_JWKS_FILE, LOCAL_JWT_ISSUER, LOCAL_JWT_AUDIENCE) minted here as Cognito would.
 */
class StaffSignInE2E {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aDemoEditorSignsInReadsItsTownsAuditAndIsRefusedAnotherTownAndOperatorsWork() throws Exception {
        try (LocalRunner runner = LocalRunner.start(LocalConfig.forTests(TODAY))) {
            HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(runner.baseUri().resolve("/local/sign-in"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"editor@demo.local\",\"password\":\"demo-editor\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, signIn.statusCode(), signIn.body());
            String token = JSON.readTree(signIn.body()).path("idToken").asText();

            assertEquals(200, get(runner, "/admin/municipalities/demo/audit", token).statusCode());
            HttpResponse<String> otherTown = get(runner, "/admin/municipalities/another/audit", token);
            assertEquals(403, otherTown.statusCode());
            assertEquals("forbidden", JSON.readTree(otherTown.body()).path("error").asText());
            assertEquals(403, post(runner, "/admin/runs", token,
                    "{\"date\":\"2026-11-22\",\"municipalityId\":\"demo\"}").statusCode());
        }
    }

    @Test
    void theDemoSignInRefusesAWrongPasswordAndTheApiRefusesNoToken() throws Exception {
        try (LocalRunner runner = LocalRunner.start(LocalConfig.forTests(TODAY))) {
            HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(runner.baseUri().resolve("/local/sign-in"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"editor@demo.local\",\"password\":\"guess\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, signIn.statusCode());
            assertFalse(signIn.body().contains("idToken"), signIn.body());

            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(
                    URI.create(runner.apiBaseUri() + "/admin/openapi.yaml")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
        }
    }

    @Test
    void withAnOutsideIssuerItsTokensAreTrustedAndTheDemoSignInIsNotOffered() throws Exception {
        CognitoTokens cognito = CognitoTokens.generate();
        Path jwks = cognito.writeJwks(temp.resolve("jwks.json"));
        LocalConfig config = LocalConfig.forTests(TODAY).trusting(
                new LocalConfig.OutsideIssuer(jwks, cognito.issuer(), cognito.audience()));
        try (LocalRunner runner = LocalRunner.start(config)) {
            HttpResponse<String> document = get(runner, "/admin/openapi.yaml", cognito.viewer("v-1", "demo"));
            assertEquals(200, document.statusCode(), document.body());
            assertTrue(document.body().contains("operationId: createRun"), document.body());

            HttpResponse<String> otherTown = get(runner, "/admin/municipalities/another/audit",
                    cognito.editor("e-1", "demo"));
            assertEquals(403, otherTown.statusCode());

            CognitoTokens stranger = CognitoTokens.generate();
            assertEquals(401, get(runner, "/admin/openapi.yaml", stranger.operator("x")).statusCode());
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(runner.baseUri().resolve("/local/sign-in")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    static HttpResponse<String> get(LocalRunner runner, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(LocalRunner runner, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
