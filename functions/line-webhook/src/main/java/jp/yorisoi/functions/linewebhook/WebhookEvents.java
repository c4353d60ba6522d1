package jp.yorisoi.functions.linewebhook;

import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.ReplyEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserSource;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.yorisoi.registration.ParentEvent;

/** Turns the SDK's webhook events into what the conversation understands; everything else is ignored. */
final class WebhookEvents {

    /** One event of a parent in a one-to-one chat, with what travels beside it. */
    record ParentAction(String webhookEventId, String lineUserId, String replyToken, ParentEvent event) {}

    /** LINE user ids are "U" and 32 hex digits; anything else is not a person to register. */
    private static final Pattern LINE_USER_ID = Pattern.compile("U[0-9a-f]{32}");

    /** LINE's webhookEventIds are ULIDs; a dedupe key must stay a short key. */
    private static final Pattern WEBHOOK_EVENT_ID = Pattern.compile("[0-9A-Za-z]{1,64}");

    private WebhookEvents() {}

    /** Empty for events the service does not answer: groups, standby mode, unknown types, malformed ids. */
    static Optional<ParentAction> read(Event event) {
        if (event == null || event.mode() == EventMode.STANDBY
                || !(event.source() instanceof UserSource user) || user.userId() == null
                || !LINE_USER_ID.matcher(user.userId()).matches()
                || event.webhookEventId() == null || !WEBHOOK_EVENT_ID.matcher(event.webhookEventId()).matches()) {
            return Optional.empty();
        }
        ParentEvent parentEvent = switch (event) {
            case FollowEvent follow -> new ParentEvent.Followed(
                    follow.follow() != null && Boolean.TRUE.equals(follow.follow().isUnblocked()));
            case UnfollowEvent unfollow -> new ParentEvent.Unfollowed();
            case MessageEvent message -> message.message() instanceof TextMessageContent text && text.text() != null
                    ? new ParentEvent.Text(text.text())
                    : new ParentEvent.OtherMessage();
            case PostbackEvent postback -> postback.postback() == null
                    ? new ParentEvent.Postback(null, null)
                    : new ParentEvent.Postback(postback.postback().data(),
                            postback.postback().params() == null ? null : postback.postback().params().get("date"));
            default -> null;
        };
        if (parentEvent == null) {
            return Optional.empty();
        }
        String replyToken = event instanceof ReplyEvent reply ? reply.replyToken() : null;
        return Optional.of(new ParentAction(event.webhookEventId(), user.userId(), replyToken, parentEvent));
    }
}
