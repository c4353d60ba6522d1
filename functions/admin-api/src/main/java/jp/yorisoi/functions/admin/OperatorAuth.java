package jp.yorisoi.functions.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Checks the operator's bearer token in constant time. The expected token comes from a supplier (deployed: only the
 * SSM parameter "{SSM_PREFIX}/admin/operator-token"; the local runner: its ADMIN_TOKEN) and is cached for a few
 * minutes so a rotated token takes effect without a deploy.
 */
public final class OperatorAuth {

    private static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final Supplier<String> expectedToken;
    private final Clock clock;
    private String cached;
    private Instant cachedAt = Instant.MIN;

    public OperatorAuth(Supplier<String> expectedToken, Clock clock) {
        this.expectedToken = expectedToken;
        this.clock = clock;
    }

    /** @throws ApiException 401 unless the Authorization header carries the operator token */
    public void check(ApiRequest request) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "unauthorized", "send the operator token as Authorization: Bearer <token>");
        }
        String expected = expected();
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (expected == null || expected.isBlank()
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)) {
            throw new ApiException(401, "unauthorized", "the operator token is not valid");
        }
    }

    private synchronized String expected() {
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cachedAt.plus(CACHE_FOR))) {
            cached = expectedToken.get();
            cachedAt = now;
        }
        return cached;
    }
}
