package jp.yorisoi.local;

/** A town's LINE channel as the local runner knows it: the secret that signs its webhooks and its access token. */
public record LocalChannel(String municipalityId, String channelSecret, String accessToken) {}
