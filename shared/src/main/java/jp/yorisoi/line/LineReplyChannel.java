package jp.yorisoi.line;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.DatetimePickerAction;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MessageAction;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.QuickReply;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.yorisoi.municipality.ChannelCredentials;

/**
 * Replies through the LINE Messaging API, the only class that speaks the SDK's client. One client per
 * municipality's channel, rebuilt when that channel's access token changes.
 */
public final class LineReplyChannel implements LineReplier {

    private static final long TIMEOUT_SECONDS = 10;

    private final ChannelCredentials credentials;
    private final URI apiBase;
    private final ConcurrentMap<String, TokenClient> clients = new ConcurrentHashMap<>();

    /** @param apiBase {@code https://api.line.me}, or a stub in tests */
    public LineReplyChannel(ChannelCredentials credentials, URI apiBase) {
        this.credentials = credentials;
        this.apiBase = apiBase;
    }

    @Override
    public void reply(String municipalityId, String replyToken, List<OutgoingMessage> messages) {
        if (messages.isEmpty() || messages.size() > 5) {
            throw new IllegalArgumentException("a reply carries 1 to 5 messages");
        }
        ReplyMessageRequest request = new ReplyMessageRequest(replyToken,
                messages.stream().map(LineReplyChannel::toLine).toList(), false);
        try {
            client(municipalityId).replyMessage(request).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // a 4xx is LINE's answer that it sent nothing (an expired or used reply token is a 400)
            boolean refused = e.getCause() instanceof AbstractLineClientException answer
                    && answer.getCode() >= 400 && answer.getCode() < 500;
            throw new ReplyFailedException("LINE failed the reply of " + municipalityId, refused, e.getCause());
        } catch (TimeoutException e) {
            throw new ReplyFailedException("LINE did not answer the reply of " + municipalityId + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplyFailedException("interrupted replying for " + municipalityId, e);
        }
    }

    private MessagingApiClient client(String municipalityId) {
        String token = credentials.accessToken(municipalityId).orElseThrow(() ->
                new ReplyFailedException("no channel access token for " + municipalityId, null));
        return clients.compute(municipalityId, (id, cached) -> cached != null && cached.token().equals(token)
                ? cached
                : new TokenClient(token, MessagingApiClient.builder(token).apiEndPoint(apiBase).build())).client();
    }

    private static Message toLine(OutgoingMessage message) {
        TextMessage.Builder text = new TextMessage.Builder(message.text());
        if (!message.quickReplies().isEmpty()) {
            text.quickReply(new QuickReply(message.quickReplies().stream()
                    .map(item -> new com.linecorp.bot.messaging.model.QuickReplyItem(toLine(item)))
                    .toList()));
        }
        return text.build();
    }

    private static Action toLine(QuickReplyItem item) {
        return switch (item) {
            case QuickReplyItem.DatePicker picker -> new DatetimePickerAction.Builder()
                    .label(picker.label())
                    .data(picker.data())
                    .mode(DatetimePickerAction.Mode.DATE)
                    .initial(picker.initial().toString())
                    .min(picker.min().toString())
                    .max(picker.max().toString())
                    .build();
            case QuickReplyItem.Postback postback ->
                    new PostbackAction(postback.label(), postback.data(), postback.displayText(), null, null, null);
            case QuickReplyItem.Say say -> new MessageAction(say.label(), say.text());
        };
    }

    private record TokenClient(String token, MessagingApiClient client) {}
}
