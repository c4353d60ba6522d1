package jp.yorisoi.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * {@link SsmParameters} sends what the SDK's own SsmClient sends for GetParameter (the SDK is a test dependency
 * only, as the reference), and reads SSM's answers and errors as the SDK does. The stub answers in SSM's wire
 * format; that the SDK parses the same answers proves the stub's format.
 */
class SsmParametersIT {

    static final WireMockServer SSM = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));
    static final String NAME = "/yorisoi/dev/line/m1/channel-token";
    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token"));

    static {
        SSM.start();
    }

    final List<Duration> pauses = new ArrayList<>();
    final SsmParameters parameters = new SsmParameters(UrlConnectionHttpClient.create(), endpoint(),
            Region.AP_NORTHEAST_1, CREDENTIALS, pauses::add);

    @BeforeEach
    void reset() {
        SSM.resetAll();
    }

    @AfterAll
    static void stop() {
        SSM.stop();
    }

    @Test
    void getParameterRequestIsTheOneTheSdkSendsSignedForSsmInTheRegion() throws Exception {
        answer(200, "{\"Parameter\":{\"Name\":\"" + NAME + "\",\"Type\":\"SecureString\",\"Value\":\"token-1\","
                + "\"Version\":1}}");

        assertEquals(Optional.of("token-1"), parameters.decrypted(NAME));
        try (SsmClient sdk = SsmClient.builder().region(Region.AP_NORTHEAST_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint()).httpClient(UrlConnectionHttpClient.create()).build()) {
            assertEquals("token-1", sdk.getParameter(r -> r.name(NAME).withDecryption(true)).parameter().value());
        }

        List<LoggedRequest> requests = SSM.findAll(
                postRequestedFor(urlEqualTo("/")));
        assertEquals(2, requests.size());
        LoggedRequest ours = requests.get(0);
        LoggedRequest sdks = requests.get(1);
        for (String header : List.of("Content-Type", "X-Amz-Target", "X-Amz-Security-Token")) {
            assertEquals(sdks.getHeader(header), ours.getHeader(header), header);
        }
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(sdks.getBodyAsString()), json.readTree(ours.getBodyAsString()));
        assertEquals(credentialScope(sdks), credentialScope(ours));
        assertTrue(signedHeaders(ours).containsAll(Set.of("content-type", "host", "x-amz-date", "x-amz-target",
                "x-amz-security-token")), ours.getHeader("Authorization"));
        assertTrue(signedHeaders(sdks).containsAll(signedHeaders(ours)), sdks.getHeader("Authorization"));
        assertTrue(ours.getHeader("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"));
    }

    @Test
    void aMissingParameterIsEmptyAsTheSdkSeesParameterNotFound() {
        answer(400, "{\"__type\":\"ParameterNotFound\",\"message\":\"\"}");

        assertEquals(Optional.empty(), parameters.decrypted(NAME));
        try (SsmClient sdk = SsmClient.builder().region(Region.AP_NORTHEAST_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint()).httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThrows(ParameterNotFoundException.class, () -> sdk.getParameter(r -> r.name(NAME)));
        }
    }

    @Test
    void throttlingIsAskedAgainAfterAPause() {
        SSM.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"com.amazonaws.ssm#ThrottlingException\",\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("calm"));
        SSM.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Parameter\":{\"Value\":\"token-1\"}}")));

        assertEquals(Optional.of("token-1"), parameters.decrypted(NAME));
        assertEquals(List.of(SsmParameters.FIRST_PAUSE), pauses);
    }

    @Test
    void accessDeniedFailsAtOnceNamingTheErrorNotTheValue() {
        answer(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> parameters.decrypted(NAME));
        assertEquals("AmazonSSM.GetParameter failed: HTTP 400 AccessDeniedException", error.getMessage());
        assertEquals(List.of(), pauses);
    }

    @Test
    void serverErrorsAreTriedThreeTimesInAll() {
        answer(500, "{\"__type\":\"InternalServerError\"}");

        assertThrows(IllegalStateException.class, () -> parameters.decrypted(NAME));
        assertEquals(3, SSM.findAll(postRequestedFor(
                urlEqualTo("/"))).size());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), pauses);
    }

    @Test
    void regionalEndpointFollowsTheRegionsPartition() {
        assertEquals(URI.create("https://ssm.ap-northeast-1.amazonaws.com"),
                SsmParameters.defaultEndpoint(Region.AP_NORTHEAST_1));
        assertEquals(URI.create("https://ssm.cn-north-1.amazonaws.com.cn"),
                SsmParameters.defaultEndpoint(Region.CN_NORTH_1));
    }

    private static void answer(int status, String body) {
        SSM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + SSM.port());
    }

    /** "20261202/ap-northeast-1/ssm/aws4_request" from the Authorization header. */
    private static String credentialScope(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        String credential = authorization.substring(authorization.indexOf("Credential=") + 11,
                authorization.indexOf(','));
        return credential.substring(credential.indexOf('/') + 1);
    }

    private static Set<String> signedHeaders(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        String signed = authorization.substring(authorization.indexOf("SignedHeaders=") + 14);
        return new TreeSet<>(Arrays.asList(signed.substring(0, signed.indexOf(',')).split(";")));
    }
}
