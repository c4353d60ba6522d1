package jp.yorisoi.delivery.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SES v2 SendEmail ({@code POST /v2/email/outbound-emails}) for tests: records each accepted mail and can answer
 * the next calls with throttling (429 TooManyRequestsException), as SES does under its sending rate.
 */
public final class SesStub implements AutoCloseable {

    public record SentMail(String from, String to, String subject, String text, String html,
            Map<String, String> headers, String configurationSet, Map<String, String> tags) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final List<SentMail> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicReference<String> rejectNext = new AtomicReference<>();

    public SesStub() {
        server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(new SendEmail()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public SesStub throttleNext(int calls) {
        throttleNext.set(calls);
        return this;
    }

    /** The next call is refused with this SES error type (400), e.g. MessageRejectedException. */
    public SesStub rejectNext(String errorType) {
        rejectNext.set(errorType);
        return this;
    }

    public List<SentMail> sent() {
        return List.copyOf(sent);
    }

    public void reset() {
        sent.clear();
        throttleNext.set(0);
        rejectNext.set(null);
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class SendEmail implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "ses-send-email";
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var request = serveEvent.getRequest();
            if (!"POST".equals(request.getMethod().value()) || !"/v2/email/outbound-emails".equals(request.getUrl())) {
                return serveEvent.getResponseDefinition();
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"message\":\"Maximum sending rate exceeded.\"}")
                        .build();
            }
            String rejection = rejectNext.getAndSet(null);
            if (rejection != null) {
                return aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", rejection)
                        .withBody("{\"message\":\"Email address is not verified.\"}")
                        .build();
            }
            JsonNode body = parse(request.getBodyAsString());
            Map<String, String> tags = new LinkedHashMap<>();
            body.path("EmailTags").forEach(t -> tags.put(t.path("Name").asText(), t.path("Value").asText()));
            JsonNode simple = body.path("Content").path("Simple");
            Map<String, String> headers = new LinkedHashMap<>();
            simple.path("Headers").forEach(h -> headers.put(h.path("Name").asText(), h.path("Value").asText()));
            sent.add(new SentMail(body.path("FromEmailAddress").asText(),
                    body.path("Destination").path("ToAddresses").path(0).asText(),
                    simple.path("Subject").path("Data").asText(),
                    simple.path("Body").path("Text").path("Data").asText(),
                    simple.path("Body").path("Html").path("Data").asText(),
                    headers,
                    body.path("ConfigurationSetName").isMissingNode() ? null : body.path("ConfigurationSetName").asText(),
                    tags));
            return aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"MessageId\":\"" + UUID.randomUUID() + "\"}")
                    .build();
        }

        private JsonNode parse(String body) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
