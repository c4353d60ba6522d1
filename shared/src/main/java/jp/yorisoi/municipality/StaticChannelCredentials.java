package jp.yorisoi.municipality;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Channel credentials held in memory, for the local runner and tests where there is no SSM. */
public final class StaticChannelCredentials implements ChannelCredentials {

    private final Map<String, Credentials> byMunicipality;

    public StaticChannelCredentials(Map<String, Credentials> byMunicipality) {
        this.byMunicipality = Map.copyOf(byMunicipality);
    }

    @Override
    public Optional<String> channelSecret(String municipalityId) {
        return Optional.ofNullable(byMunicipality.get(municipalityId)).map(Credentials::channelSecret);
    }

    @Override
    public Optional<String> accessToken(String municipalityId) {
        return Optional.ofNullable(byMunicipality.get(municipalityId)).map(Credentials::accessToken);
    }

    /** One town's LINE channel secret and access token. */
    public record Credentials(String channelSecret, String accessToken) {
        public Credentials {
            Objects.requireNonNull(channelSecret, "channelSecret");
            Objects.requireNonNull(accessToken, "accessToken");
        }

        /** Secrets never appear in logs or exception messages. */
        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }
}
