package jp.yorisoi.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-click unsubscribe links (RFC 8058) for e-mail readers: {base}?m={municipalityId}&r={readerId}&t={token},
 * where the token is an HMAC-SHA256 of municipality and reader, so a link cannot be forged for another reader.
 * Ids only: the link names no address.
 */
public final class UnsubscribeLinks {

    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final String baseUrl;
    private final byte[] secret;

    public UnsubscribeLinks(String baseUrl, byte[] secret) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("unsubscribe base URL is required");
        }
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("unsubscribe signing secret must be at least 16 bytes");
        }
        this.baseUrl = baseUrl;
        this.secret = secret.clone();
    }

    public String urlFor(String municipalityId, String readerId) {
        String separator = baseUrl.contains("?") ? "&" : "?";
        return baseUrl + separator + "m=" + municipalityId + "&r=" + readerId + "&t=" + token(municipalityId, readerId);
    }

    /** The reader the token was issued for, when it is genuine. */
    public Optional<String> verify(String municipalityId, String readerId, String token) {
        if (municipalityId == null || readerId == null || token == null) {
            return Optional.empty();
        }
        byte[] expected = token(municipalityId, readerId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(readerId) : Optional.empty();
    }

    String token(String municipalityId, String readerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((municipalityId + "\n" + readerId).getBytes(StandardCharsets.UTF_8));
            return URL_SAFE.encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always present", e);
        }
    }
}
