package jp.yorisoi.delivery;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * The only class that sends e-mail: SES v2 SendEmail with Simple content (text and HTML bodies, UTF-8), the town as
 * the sender's display name, the one-click unsubscribe headers and the ids as message tags. Throttling and server
 * errors become {@link RetryableSendException} and a definite refusal {@link MailSender.MailRejectedException}: in
 * both SES sent nothing. The client makes no retries of its own ({@code AwsClients.ses()}).
 */
public final class SesMailChannel implements MailSender {

    /**
     * SES message tag values may hold only ASCII letters, digits, '_' and '-', up to 256 characters (SES v2 API
     * reference, MessageTag); an id outside that is left untagged rather than failing the send.
     */
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final int ENCODED_WORD_BYTES = 45;

    private final SesV2Client ses;
    private final Optional<String> configurationSet;

    public SesMailChannel(SesV2Client ses, Optional<String> configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet.filter(s -> !s.isBlank());
    }

    @Override
    public void send(Mail mail) {
        List<MessageHeader> headers = new ArrayList<>();
        if (mail.unsubscribeUrl() != null) {
            // RFC 8058 section 3.1: List-Unsubscribe holds one HTTPS URI and List-Unsubscribe-Post exactly
            // "List-Unsubscribe=One-Click"; both must be covered by the DKIM signature, which SES's Easy DKIM
            // signature of the whole message gives. The receiver POSTs to that URI with no cookies and no page.
            headers.add(MessageHeader.builder().name("List-Unsubscribe").value("<" + mail.unsubscribeUrl() + ">").build());
            headers.add(MessageHeader.builder().name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click").build());
        }
        List<MessageTag> tags = mail.tags().entrySet().stream()
                .filter(t -> TAG_VALUE.matcher(t.getValue()).matches())
                .map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build())
                .toList();
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(fromAddress(mail.fromName(), mail.from()))
                .destination(d -> d.toAddresses(mail.to()))
                .emailTags(tags)
                .content(c -> c.simple(m -> m
                        .subject(utf8(mail.subject()))
                        .body(Body.builder().text(utf8(mail.text())).html(utf8(mail.html())).build())
                        .headers(headers)));
        configurationSet.ifPresent(request::configurationSetName);
        try {
            ses.sendEmail(request.build());
        } catch (TooManyRequestsException e) {
            throw new RetryableSendException("SES throttled the send", e);
        } catch (SesV2Exception e) {
            if (e.statusCode() == 429 || e.statusCode() >= 500 || e.isThrottlingException()) {
                throw new RetryableSendException("SES answered " + e.statusCode(), e);
            }
            // MessageRejected, SendingPaused, AccountSuspended, MailFromDomainNotVerified, BadRequest, NotFound:
            // SES accepted nothing, and the same request will be refused again until someone changes something
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new MailRejectedException(code == null ? "HTTP" + e.statusCode() : code, e);
        } catch (SdkClientException e) {
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof UnknownHostException) {
                throw new RetryableSendException("SES unreachable: " + e.getCause().getClass().getSimpleName(), e);
            }
            // a time-out after the request went out: SES may have sent it, so it is not retried (DeliveryService)
            throw e;
        }
    }

    /**
     * {@code =?UTF-8?B?…?= <address>}: SES takes a display name with non-ASCII characters only as an RFC 2047
     * encoded-word (SES v2 API reference, SendEmail FromEmailAddress). RFC 2047 section 2 limits one encoded-word
     * to 75 characters, so a long name becomes several words of at most 45 bytes (60 in Base64), each ending on a
     * whole character. No name gives the bare address.
     */
    static String fromAddress(String name, String address) {
        if (name == null || name.isBlank()) {
            return address;
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        name.strip().codePoints().forEach(cp -> {
            String next = word + Character.toString(cp);
            if (next.getBytes(StandardCharsets.UTF_8).length > ENCODED_WORD_BYTES) {
                words.add(encodedWord(word.toString()));
                word.setLength(0);
            }
            word.appendCodePoint(cp);
        });
        words.add(encodedWord(word.toString()));
        return String.join(" ", words) + " <" + address + ">";
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
