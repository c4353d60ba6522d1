package jp.yorisoi.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A LINE follow event as LINE would send it when someone adds the demo town's account, signed like LINE signs it. */
record DemoWebhook(String body, String signature) {

    /** A new follower with fresh ids, so the event is not taken for a redelivery of an earlier one. */
    static DemoWebhook follow(String channelSecret, Instant now) {
        SecureRandom random = new SecureRandom();
        String userId = "U" + hex(random, 16);
        String body = "{\"destination\":\"U" + hex(random, 16) + "\",\"events\":[{\"type\":\"follow\","
                + "\"mode\":\"active\",\"timestamp\":" + now.toEpochMilli() + ","
                + "\"source\":{\"type\":\"user\",\"userId\":\"" + userId + "\"},"
                + "\"replyToken\":\"" + hex(random, 16) + "\","
                + "\"webhookEventId\":\"01" + hex(random, 12).toUpperCase() + "\","
                + "\"deliveryContext\":{\"isRedelivery\":false},\"follow\":{\"isUnblocked\":false}}]}";
        return new DemoWebhook(body, sign(channelSecret, body));
    }

    /** Base64(HMAC-SHA256(body, channel secret)): the X-Line-Signature header. */
    static String sign(String channelSecret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A curl command posting this event, ready to paste into a shell (the body holds no single quote). */
    String curl(String url) {
        return "curl -sS -i -X POST '" + url + "' -H 'Content-Type: application/json' -H 'X-Line-Signature: "
                + signature + "' --data-raw '" + body + "'";
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
