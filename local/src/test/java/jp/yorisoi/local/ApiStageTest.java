package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.yorisoi.testkit.TemplateResources;
import org.junit.jupiter.api.Test;

/**
 * The local runner and the sample events speak for the stage template.yaml deploys the HTTP API on: a named stage
 * is the first segment of every path ({@code /dev/webhook/demo}), so a runner or sample on another stage would
 * hide exactly the routing a deploy meets.
 */
class ApiStageTest {

    private static final TemplateResources TEMPLATE = TemplateResources.locate();

    @Test
    void theApiIsDeployedOnTheStageParameterWhichTheRunnerServes() throws Exception {
        String stage = TEMPLATE.parameterDefault("Stage");

        assertEquals(stage, TEMPLATE.apiStage(LocalServer.API), "Api's StageName is !Ref Stage");
        try (LocalServer server = LocalServer.start(0, new Outbox(Clock.systemUTC()),
                token -> Optional.empty(), sender -> Optional.empty())) {
            assertEquals(stage, server.stage());
            assertEquals("/" + stage, server.apiBaseUri().getPath());
        }
    }

    @Test
    void everySampleHttpEventIsWhatTheTemplatesStageAndRoutesDeliver() throws IOException {
        String stage = TEMPLATE.apiStage(LocalServer.API);
        List<String> routeKeys = TEMPLATE.httpApiRouteKeys();
        int httpSamples = 0;
        for (Path file : Samples.all()) {
            JsonNode event = HttpIo.JSON.readTree(Files.readString(file));
            if (!event.has("routeKey")) {
                continue;
            }
            httpSamples++;
            String name = file.getFileName().toString();
            String routeKey = event.path("routeKey").asText();
            JsonNode context = event.path("requestContext");

            assertEquals("2.0", event.path("version").asText(), name);
            assertTrue(routeKeys.contains(routeKey), name + ": " + routeKey + " is not a route of " + routeKeys);
            assertEquals(routeKey, context.path("routeKey").asText(), name);
            assertEquals(stage, context.path("stage").asText(), name);
            String path = "/" + stage + expand(routeKey.substring(routeKey.indexOf(' ') + 1), event.path("pathParameters"));
            assertEquals(path, event.path("rawPath").asText(), name);
            assertEquals(path, context.path("http").path("path").asText(), name);
            assertTrue(routeKey.startsWith("ANY ") || routeKey.startsWith(context.path("http").path("method").asText() + " "),
                    name);
            assertEquals(context.path("domainName").asText(), event.path("headers").path("host").asText(), name);
            assertEquals(context.path("apiId").asText(), context.path("domainPrefix").asText(), name);
            event.path("headers").fieldNames().forEachRemaining(header ->
                    assertEquals(header.toLowerCase(Locale.ROOT), header, name + ": header names are lower-case"));
            assertFalse(event.has("stageVariables"), name);
        }
        assertTrue(httpSamples >= 7, "the webhook and admin samples are HTTP API events: " + httpSamples);
    }

    private static String expand(String template, JsonNode parameters) {
        Matcher variable = Pattern.compile("\\{([^}+]+)\\+?}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(parameters.path(variable.group(1)).asText()));
        }
        return variable.appendTail(path).toString();
    }
}
