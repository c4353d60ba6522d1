package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.linecorp.bot.parser.LineSignatureValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/line-webhook signs a body as LINE does: LINE's own validator accepts it at the runner. */
class LineWebhookScriptIT {

    @Test
    void scriptPostsTheFileWithASignatureLinesValidatorAccepts(@TempDir Path dir) throws Exception {
        Path body = dir.resolve("follow.json");
        Files.writeString(body, "{\"destination\":\"U1\",\"events\":[{\"type\":\"message\",\"message\":"
                + "{\"type\":\"text\",\"text\":\"予定日は2026年10月1日です\"}}]}\n", StandardCharsets.UTF_8);
        var validator = new LineSignatureValidator("demo-channel-secret".getBytes(StandardCharsets.UTF_8));

        try (LocalServer server = LocalServer.start(0, new Outbox(Clock.systemUTC()),
                token -> Optional.empty(), sender -> Optional.empty())) {
            server.routes().add("POST", "/webhook/{municipalityId}", "LineWebhookFunction", (event, context) -> {
                boolean valid = validator.validateSignature(event.getBody().getBytes(StandardCharsets.UTF_8),
                        event.getHeaders().get("x-line-signature"));
                APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
                response.setStatusCode(valid ? 200 : 401);
                response.setBody(event.getPathParameters().get("municipalityId"));
                return response;
            });

            ProcessBuilder command = new ProcessBuilder("bash", scripts().resolve("line-webhook").toString(),
                    body.toString(), "demo")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            command.environment().put("PORT", Integer.toString(server.port()));
            command.environment().remove("WEBHOOK_URL");
            command.environment().remove("DEMO_CHANNEL_SECRET");
            Process script = command.start();
            assertTrue(script.waitFor(30, TimeUnit.SECONDS));
            String output = Files.readString(dir.resolve("out.txt"));

            assertEquals(0, script.exitValue(), output);
            assertTrue(output.startsWith("HTTP/1.1 200"), output);
            assertTrue(output.contains("demo"), output);
        }
    }

    private static Path scripts() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/line-webhook"))) {
                return d.resolve("scripts");
            }
        }
        throw new IllegalStateException("scripts/line-webhook not found above " + Path.of("").toAbsolutePath());
    }
}
