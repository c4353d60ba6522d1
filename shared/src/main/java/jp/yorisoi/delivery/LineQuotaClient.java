package jp.yorisoi.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import jp.yorisoi.municipality.ChannelCredentials;

/**
 * Reads a channel's allowance from LINE: {@code GET /v2/bot/message/quota} ({@code type} "none", or "limited" with
 * {@code value}) and {@code GET /v2/bot/message/quota/consumption} ({@code totalUsage}), the two calls and answers of
 * the official SDK's {@code MessagingApiClient.getMessageQuota} and {@code getMessageQuotaConsumption}
 * ({@code MessageQuotaResponse}, {@code QuotaConsumptionResponse}). Two small GETs over the JDK's HTTP client, as
 * {@code SsmParameters} does for SSM: the admin API, which only reads the quota, stays without the LINE SDK and its
 * HTTP stack.
 */
public final class LineQuotaClient implements LineQuota {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ChannelCredentials credentials;
    private final URI apiEndPoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public LineQuotaClient(ChannelCredentials credentials, URI apiEndPoint) {
        this.credentials = credentials;
        this.apiEndPoint = apiEndPoint;
    }

    @Override
    public Quota quota(String municipalityId) {
        String token = credentials.accessToken(municipalityId)
                .orElseThrow(() -> new QuotaUnavailableException("no LINE channel token for " + municipalityId, null));
        JsonNode quota = get("/v2/bot/message/quota", token, municipalityId);
        JsonNode consumption = get("/v2/bot/message/quota/consumption", token, municipalityId);
        OptionalLong limit = "limited".equals(quota.path("type").asText()) && quota.path("value").canConvertToLong()
                ? OptionalLong.of(quota.path("value").asLong()) : OptionalLong.empty();
        return new Quota(limit, consumption.path("totalUsage").asLong());
    }

    private JsonNode get(String path, String token, String municipalityId) {
        HttpRequest request = HttpRequest.newBuilder(apiEndPoint.resolve(path))
                .header("Authorization", "Bearer " + token)
                .timeout(TIMEOUT)
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new QuotaUnavailableException("LINE answered " + response.statusCode() + " to " + path
                        + " for municipality " + municipalityId, null);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new QuotaUnavailableException("LINE's " + path + " unreachable for municipality " + municipalityId
                    + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaUnavailableException("interrupted while reading LINE's quota", e);
        }
    }
}
