package jp.yorisoi.delivery;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.MessageQuotaResponse;
import com.linecorp.bot.messaging.model.QuotaType;
import java.net.URI;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import jp.yorisoi.municipality.ChannelCredentials;

/**
 * Reads a channel's allowance through the official SDK: {@code GET /v2/bot/message/quota} ({@code type} "none" or
 * "limited" with {@code value}) and {@code GET /v2/bot/message/quota/consumption} ({@code totalUsage}), the SDK's
 * {@code getMessageQuota} and {@code getMessageQuotaConsumption} (Messaging API reference, "Get the target limit for
 * sending messages this month", "Get number of messages sent this month").
 */
public final class LineQuotaClient implements LineQuota {

    private final ChannelCredentials credentials;
    private final URI apiEndPoint;

    public LineQuotaClient(ChannelCredentials credentials, URI apiEndPoint) {
        this.credentials = credentials;
        this.apiEndPoint = apiEndPoint;
    }

    @Override
    public Quota quota(String municipalityId) {
        String token = credentials.accessToken(municipalityId)
                .orElseThrow(() -> new QuotaUnavailableException("no LINE channel token for " + municipalityId, null));
        MessagingApiClient client = MessagingApiClient.builder(token).apiEndPoint(apiEndPoint)
                .connectTimeout(LinePushChannel.CONNECT_TIMEOUT)
                .readTimeout(LinePushChannel.READ_TIMEOUT)
                .build();
        try {
            MessageQuotaResponse quota = client.getMessageQuota().get().body();
            long used = client.getMessageQuotaConsumption().get().body().totalUsage();
            OptionalLong limit = quota.type() == QuotaType.LIMITED && quota.value() != null
                    ? OptionalLong.of(quota.value()) : OptionalLong.empty();
            return new Quota(limit, used);
        } catch (ExecutionException e) {
            throw new QuotaUnavailableException("LINE's quota of municipality " + municipalityId + " could not be read: "
                    + (e.getCause() == null ? "unknown" : e.getCause().getClass().getSimpleName()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaUnavailableException("interrupted while reading LINE's quota", e);
        }
    }
}
