package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.linecorp.bot.messaging.client.MessagingApiExceptionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import jp.yorisoi.delivery.LinePushChannel.Kind;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * {@link LinePushChannel#classify} on LINE's answers as the SDK turns them into exceptions: the status, headers and
 * bodies below are the ones LINE sends, parsed by the SDK's own exception builder.
 */
class LinePushChannelTest {

    @Test
    void monthlyLimit429IsTheMonthlyLimit() {
        assertEquals(Kind.MONTHLY_LIMIT, kindOf(429, "{\"message\":\"You have reached your monthly limit.\"}"));
    }

    @Test
    void rateLimit429IsRateLimited() {
        assertEquals(Kind.RATE_LIMITED,
                kindOf(429, "{\"message\":\"The API rate limit has been exceeded. Try again later.\"}"));
    }

    @Test
    void aUserIdUnknownToTheChannelIsAnUnknownUser() {
        assertEquals(Kind.UNKNOWN_USER, kindOf(400, "{\"message\":\"Failed to send messages\"}"));
    }

    @Test
    void aMalformedUserIdIsAnUnknownUser() {
        assertEquals(Kind.UNKNOWN_USER,
                kindOf(400, "{\"message\":\"The property, 'to', in the request body is invalid (line: -, column: -)\"}"));
        assertEquals(Kind.UNKNOWN_USER, kindOf(400,
                "{\"message\":\"The request body has 1 error(s)\",\"details\":[{\"message\":\"May not be empty\","
                        + "\"property\":\"to\"}]}"));
    }

    @Test
    void a400AboutAnotherPropertyIsOurMistakeNotTheReaders() {
        assertEquals(Kind.PERMANENT, kindOf(400,
                "{\"message\":\"The request body has 1 error(s)\",\"details\":[{\"message\":\"Length must be between 0 "
                        + "and 5000\",\"property\":\"messages[0].text\"}]}"));
    }

    @Test
    void aRepeatOfAnAcceptedPushIsAcceptedBefore() {
        assertEquals(Kind.ACCEPTED_BEFORE, classify(response(409,
                "{\"message\":\"The retry key is already accepted\"}", "x-line-accepted-request-id", "abc-123")));
    }

    @Test
    void a409WithoutTheAcceptedRequestIdIsNotTakenAsAccepted() {
        assertEquals(Kind.PERMANENT, kindOf(409, "{\"message\":\"Conflict\"}"));
    }

    @Test
    void aRejectedTokenIsUnauthorized() {
        assertEquals(Kind.UNAUTHORIZED,
                kindOf(401, "{\"message\":\"Authentication failed due to the following reason: invalid token.\"}"));
    }

    @Test
    void serverErrorsAndTimeOutsAreRetried() {
        assertEquals(Kind.RETRYABLE, kindOf(500, "{\"message\":\"Internal server error\"}"));
        assertEquals(Kind.RETRYABLE, LinePushChannel.classify(new SocketTimeoutException("timeout")).kind());
    }

    private static Kind kindOf(int status, String body) {
        return classify(response(status, body, null, null));
    }

    private static Kind classify(Response response) {
        try {
            return LinePushChannel.classify(new MessagingApiExceptionBuilder().build(response)).kind();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response response(int status, String body, String header, String value) {
        Response.Builder builder = new Response.Builder()
                .request(new Request.Builder().url("https://api.line.me/v2/bot/message/push").build())
                .protocol(Protocol.HTTP_1_1)
                .code(status)
                .message("status " + status)
                .header("x-line-request-id", "req-1")
                .body(ResponseBody.create(body, MediaType.get("application/json")));
        if (header != null) {
            builder.header(header, value);
        }
        return builder.build();
    }
}
