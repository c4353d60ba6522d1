package jp.yorisoi.functions.admin;

/**
 * A town's LINE channel secret and access token, written by the admin API and never read back through it: the
 * webhook and the senders read them (SsmChannelCredentials); staff only learn whether each is set.
 */
public interface ChannelSecrets {

    /** Whether each of the town's two values is set. */
    record Status(boolean secretSet, boolean accessTokenSet) {}

    void storeSecret(String municipalityId, String channelSecret);

    void storeAccessToken(String municipalityId, String accessToken);

    Status status(String municipalityId);
}
