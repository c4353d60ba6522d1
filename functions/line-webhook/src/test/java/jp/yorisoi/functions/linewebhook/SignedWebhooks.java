package jp.yorisoi.functions.linewebhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.linecorp.bot.parser.LineSignatureValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Webhook requests as API Gateway hands them to the function, signed the way LINE signs them. */
final class SignedWebhooks {

    private SignedWebhooks() {}

    /**
     * A sample event from the top-level events/ directory, exactly as stage "dev" of the HTTP API delivers LINE's
     * request for the demo town (signed with the demo channel secret).
     */
    static APIGatewayV2HTTPEvent event(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/ not found above " + Path.of("").toAbsolutePath());
        }
        return EventLoader.loadApiGatewayHttpEvent(dir.resolve("events").resolve(name).toString());
    }

    /** The LINE body a sample event carries. */
    static String sample(String name) {
        return event(name).getBody();
    }

    static String signature(byte[] body, String channelSecret) {
        return Base64.getEncoder().encodeToString(
                new LineSignatureValidator(channelSecret.getBytes(StandardCharsets.UTF_8)).generateSignature(body));
    }

    static APIGatewayV2HTTPEvent signed(String municipalityId, String body, String channelSecret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request(municipalityId, body, false, signature(bytes, channelSecret));
    }

    /** As API Gateway passes a body it treats as binary: base64, with the signature over the decoded bytes. */
    static APIGatewayV2HTTPEvent signedBase64(String municipalityId, byte[] body, String channelSecret) {
        return request(municipalityId, Base64.getEncoder().encodeToString(body), true, signature(body, channelSecret));
    }

    static APIGatewayV2HTTPEvent request(String municipalityId, String body, boolean base64, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        if (signature != null) {
            headers.put("x-line-signature", signature);
        }
        Map<String, String> path = new HashMap<>();
        if (municipalityId != null) {
            path.put("municipalityId", municipalityId);
        }
        // the follow sample as the named stage delivers it, for another town, body and signature
        APIGatewayV2HTTPEvent event = event("line-follow.json");
        event.setRawPath("/dev/webhook/" + municipalityId);
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        event.setPathParameters(path);
        event.setHeaders(headers);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return event;
    }
}
