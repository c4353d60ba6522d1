package jp.yorisoi.functions.admin;

import jp.yorisoi.aws.SecureParameters;

/**
 * The channel secrets as SecureStrings at the names the webhook and senders read
 * ({@code {SSM_PREFIX}/line/{municipalityId}/channel-secret} and {@code .../channel-token}, as
 * {@code SsmChannelCredentials}); a new value reaches them within their five-minute cache.
 */
public final class SsmChannelSecrets implements ChannelSecrets {

    private final SecureParameters ssm;
    private final String prefix;

    public SsmChannelSecrets(SecureParameters ssm, String prefix) {
        this.ssm = ssm;
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    @Override
    public void storeSecret(String municipalityId, String channelSecret) {
        ssm.putSecureString(name(municipalityId, "channel-secret"), channelSecret);
    }

    @Override
    public void storeAccessToken(String municipalityId, String accessToken) {
        ssm.putSecureString(name(municipalityId, "channel-token"), accessToken);
    }

    @Override
    public Status status(String municipalityId) {
        return new Status(ssm.exists(name(municipalityId, "channel-secret")),
                ssm.exists(name(municipalityId, "channel-token")));
    }

    private String name(String municipalityId, String leaf) {
        return prefix + "/line/" + municipalityId + "/" + leaf;
    }
}
