package jp.yorisoi.functions.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.delivery.CatchUpRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The catch-up hand-over as Lambda receives it: Invoke with InvocationType Event, against a WireMock stub. */
class LambdaFanOutTriggerIT {

    private static final String INVOKE = "/2015-03-31/functions/yorisoi-dev-FanOutFunction/invocations";

    private final WireMockServer lambdaApi =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    private LambdaClient lambda;

    @BeforeEach
    void start() {
        lambdaApi.start();
        lambda = AwsClients.forEmulator(URI.create(lambdaApi.baseUrl())).lambda();
    }

    @AfterEach
    void stop() {
        lambda.close();
        lambdaApi.stop();
    }

    @Test
    void aCatchUpRunIsAnAsynchronousInvokeOfTheFanOutWithTheCatchUpEvent() throws IOException {
        // Lambda answers an accepted asynchronous invocation 202 with an empty body
        lambdaApi.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations"))
                .willReturn(aResponse().withStatus(202)));

        new LambdaFanOutTrigger(lambda, "yorisoi-dev-FanOutFunction")
                .start(new CatchUpRun("demo", LocalDate.of(2026, 11, 22)));

        lambdaApi.verify(1, postRequestedFor(urlEqualTo(INVOKE))
                .withHeader("X-Amz-Invocation-Type", equalTo("Event"))
                .withRequestBody(equalToJson(Files.readString(Path.of("../../events/fan-out-catch-up.json")))));
    }

    @Test
    void theSampleEventReadsAsTheRunItCarries() throws IOException {
        Map<String, Object> sample = new ObjectMapper().readValue(Path.of("../../events/fan-out-catch-up.json").toFile(),
                new TypeReference<>() {});

        assertEquals(new CatchUpRun("demo", LocalDate.of(2026, 11, 22)), CatchUpRun.fromEvent(sample).orElseThrow());
    }

    @Test
    void anInvokeLambdaRefusesFailsTheRequest() {
        lambdaApi.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations"))
                .willReturn(aResponse().withStatus(404).withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"Type\":\"User\",\"Message\":\"Function not found\"}")));

        assertThrows(RuntimeException.class, () -> new LambdaFanOutTrigger(lambda, "yorisoi-dev-FanOutFunction")
                .start(new CatchUpRun("demo", LocalDate.of(2026, 11, 22))));
    }
}
