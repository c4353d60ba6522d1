package jp.yorisoi.local;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.yorisoi.aws.SecureParameters;

/**
 * The runner's stand-in for SSM Parameter Store when no AWS_ENDPOINT_URL is set, as FakeSes stands in for SES: the
 * towns' LINE channel values the admin API writes, kept in memory for the runner's life.
 */
final class LocalParameters implements SecureParameters {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> decrypted(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public void putSecureString(String name, String value) {
        values.put(name, value);
    }

    @Override
    public boolean exists(String name) {
        return values.containsKey(name);
    }
}
