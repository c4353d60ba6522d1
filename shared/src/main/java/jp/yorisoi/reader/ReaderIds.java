package jp.yorisoi.reader;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.yorisoi.aws.Parameters;

/**
 * Gives each address (LINE user id, e-mail) its {@code readerId}: HMAC-SHA256 under a secret key, so an id in a log
 * line, a queue message or an unsubscribe link cannot be turned back into an address by hashing guessed ones.
 *
 * <p>Readers keep the id they were given. Those registered before ids were keyed carry the unkeyed SHA-256 id
 * ({@link Reader#idFor}), and those registered under a previous key carry that key's id; {@link #candidates} lists
 * every id an address may have, newest first, so the lookup by address finds them all. Rotating the key is a
 * migration (docs/data-protection.md): the old key moves to {@code readers/id-key-previous} and keeps resolving.
 */
public final class ReaderIds {

    /** SSM parameter (under the stage's prefix) holding the current key. */
    public static final String KEY_PARAMETER = "/readers/id-key";
    /** SSM parameter holding the key before the last rotation, when there was one. */
    public static final String PREVIOUS_KEY_PARAMETER = "/readers/id-key-previous";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final Supplier<Keys> keys;

    private record Keys(SecretKeySpec current, SecretKeySpec previous) {}

    public ReaderIds(byte[] key) {
        this(key, null);
    }

    /** @param previousKey the key before the last rotation, or null */
    public ReaderIds(byte[] key, byte[] previousKey) {
        Keys given = new Keys(spec(Objects.requireNonNull(key, "key")),
                previousKey == null ? null : spec(previousKey));
        this.keys = () -> given;
    }

    private ReaderIds(Supplier<Keys> keys) {
        this.keys = keys;
    }

    /**
     * The keys from SSM Parameter Store, read at the first id asked for (not at start, so wiring a function calls
     * nothing) and kept for the container's life: {@code {prefix}/readers/id-key} must exist, the previous one may.
     */
    public static ReaderIds fromParameters(Parameters parameters, String ssmPrefix) {
        return new ReaderIds(new Supplier<>() {
            private Keys read;

            @Override
            public synchronized Keys get() {
                if (read == null) {
                    String current = parameters.decrypted(ssmPrefix + KEY_PARAMETER)
                            .orElseThrow(() -> new IllegalStateException("SSM parameter " + ssmPrefix + KEY_PARAMETER
                                    + " (the reader id key) is missing"));
                    read = new Keys(spec(current.getBytes(StandardCharsets.UTF_8)),
                            parameters.decrypted(ssmPrefix + PREVIOUS_KEY_PARAMETER)
                                    .map(value -> spec(value.getBytes(StandardCharsets.UTF_8))).orElse(null));
                }
                return read;
            }
        });
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            // RFC 2104 section 3: a key shorter than the hash output (32 bytes for SHA-256) weakens the MAC
            throw new IllegalArgumentException("a reader id key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(key, ALGORITHM);
    }

    /** The id a new reader at {@code address} gets: the same format as ever ("L"/"M" and 32 hex digits). */
    public String idFor(String municipalityId, Channel channel, String address) {
        return keyed(keys.get().current(), municipalityId, channel, address);
    }

    /** Every id a reader at {@code address} may carry, the current key's first, the unkeyed legacy id last. */
    public List<String> candidates(String municipalityId, Channel channel, String address) {
        String current = idFor(municipalityId, channel, address);
        String legacy = Reader.idFor(municipalityId, channel, address);
        SecretKeySpec previous = keys.get().previous();
        return previous == null ? List.of(current, legacy)
                : List.of(current, keyed(previous, municipalityId, channel, address), legacy);
    }

    private static String keyed(SecretKeySpec key, String municipalityId, Channel channel, String address) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(Reader.idInput(municipalityId, channel, address)
                    .getBytes(StandardCharsets.UTF_8));
            return Reader.idPrefix(channel) + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always present", e);
        }
    }
}
