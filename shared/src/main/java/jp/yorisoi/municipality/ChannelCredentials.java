package jp.yorisoi.municipality;

import java.util.Optional;

/**
 * Each town's LINE channel secret and access token. The SSM adapter is {@code SsmChannelCredentials};
 * both values are cached because every webhook and push needs them.
 */
public interface ChannelCredentials {

    /** The channel secret that signs this municipality's webhooks; empty for an unknown municipality. */
    Optional<String> channelSecret(String municipalityId);

    /** The long-lived channel access token for pushes and replies; empty for an unknown municipality. */
    Optional<String> accessToken(String municipalityId);
}
