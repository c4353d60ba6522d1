package jp.yorisoi.municipality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.yorisoi.aws.Parameters;

/**
 * Channel secrets and tokens from SSM Parameter Store ("{prefix}/line/{municipalityId}/channel-secret" and
 * ".../channel-token", SecureString), cached for five minutes so webhooks and pushes do not call SSM each time.
 * A missing parameter is cached too, so a flood of requests for an unknown town costs one lookup.
 */
public final class SsmChannelCredentials implements ChannelCredentials {

    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final Parameters ssm;
    private final String prefix;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SsmChannelCredentials(Parameters ssm, String prefix) {
        this(ssm, prefix, Clock.systemUTC());
    }

    public SsmChannelCredentials(Parameters ssm, String prefix, Clock clock) {
        this.ssm = ssm;
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.clock = clock;
    }

    @Override
    public Optional<String> channelSecret(String municipalityId) {
        return parameter(municipalityId, "channel-secret");
    }

    @Override
    public Optional<String> accessToken(String municipalityId) {
        return parameter(municipalityId, "channel-token");
    }

    private Optional<String> parameter(String municipalityId, String leaf) {
        String name = prefix + "/line/" + municipalityId + "/" + leaf;
        Instant now = clock.instant();
        Cached cached = cache.get(name);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        Optional<String> value = ssm.decrypted(name);
        cache.put(name, new Cached(value, now.plus(CACHE_FOR)));
        return value;
    }

    private record Cached(Optional<String> value, Instant until) {}
}
