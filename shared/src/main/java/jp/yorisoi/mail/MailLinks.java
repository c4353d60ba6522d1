package jp.yorisoi.mail;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed, expiring tokens of the e-mail pages: links in mails (confirm, settings, unsubscribe) and the hidden
 * field of every form (CSRF). A token names its purpose, the town, the reader, a nonce and its expiry, signed with
 * HMAC-SHA256 under the deployment's secret: it names no address, and a token made for one purpose or reader is
 * worth nothing for another.
 */
public final class MailLinks {

    /** What a token may be used for, and how long it lasts. */
    public enum Purpose {
        /** The double opt-in link; its nonce must match the pending signup, so a second use finds nothing. */
        CONFIRM(Duration.ofHours(48)),
        /** The settings link in each mail: every mail brings a fresh one. */
        SETTINGS(Duration.ofDays(30)),
        /**
         * The unsubscribe link and List-Unsubscribe header: a stop link in an old mail in the inbox must still stop
         * the mail (特定電子メール法 requires a working opt-out), so it lasts longer than anyone keeps reading.
         */
        UNSUBSCRIBE(Duration.ofDays(400)),
        /** The signup form's hidden token (CSRF): bound to the town. */
        SIGNUP_FORM(Duration.ofHours(2)),
        /** A settings form's hidden token: its nonce is the reader's version, so a form is good for one change. */
        SETTINGS_FORM(Duration.ofHours(2));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration lifetime() {
            return lifetime;
        }
    }

    /** What a genuine token says. */
    public record Token(Purpose purpose, String municipalityId, String readerId, String nonce, Instant expiresAt) {}

    /** What checking a token found. */
    public sealed interface Check {}

    public record Valid(Token token) implements Check {}

    /** Genuine, for this purpose, but past its time. */
    public record Expired() implements Check {}

    /** Forged, damaged, or made for another purpose. */
    public record Invalid() implements Check {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 1_000;

    private final String baseUrl;
    private final byte[] secret;

    /**
     * @param baseUrl where the pages are served, without a trailing slash (the API's stage URL)
     * @param secret  the signing key, at least 16 bytes
     */
    public MailLinks(String baseUrl, byte[] secret) {
        if (baseUrl == null || !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("the pages' base URL must be http(s)");
        }
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the mail link signing secret must be at least 16 bytes");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secret = secret.clone();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String confirmUrl(String municipalityId, String readerId, String nonce, Instant now) {
        return baseUrl + "/mail/confirm?t=" + issue(Purpose.CONFIRM, municipalityId, readerId, nonce, now);
    }

    public String settingsUrl(String municipalityId, String readerId, Instant now) {
        return baseUrl + "/mail/settings?t=" + issue(Purpose.SETTINGS, municipalityId, readerId, "-", now);
    }

    public String unsubscribeUrl(String municipalityId, String readerId, Instant now) {
        return baseUrl + "/mail/unsubscribe?t=" + issue(Purpose.UNSUBSCRIBE, municipalityId, readerId, "-", now);
    }

    /** A token for {@code purpose}; ids and nonce must not contain a line break. */
    public String issue(Purpose purpose, String municipalityId, String readerId, String nonce, Instant now) {
        String payload = String.join("\n", purpose.name(), municipalityId, readerId, nonce,
                Long.toString(now.plus(purpose.lifetime()).getEpochSecond()));
        if (payload.chars().filter(c -> c == '\n').count() != 4) {
            throw new IllegalArgumentException("token fields must not contain a line break");
        }
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** Checks the signature first, then the purpose, then the time: a forged token learns nothing about either. */
    public Check check(String token, Purpose expected, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return new Invalid();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return new Invalid();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return new Invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return new Invalid();
        }
        List<String> fields = List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
        if (fields.size() != 5 || !fields.get(0).equals(expected.name())) {
            return new Invalid();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields.get(4)));
        if (!now.isBefore(expiresAt)) {
            return new Expired();
        }
        return new Valid(new Token(expected, fields.get(1), fields.get(2), fields.get(3), expiresAt));
    }

    /**
     * A keyed digest of a value that must not be stored (a source IP address): a plain hash of an IPv4 address is
     * undone by hashing all four billion, a digest under the deployment's key is not.
     */
    public String digest(String value) {
        byte[] mac = mac(("digest\n" + value).getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(Arrays.copyOf(mac, 16));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always present", e);
        }
    }
}
