package jp.yorisoi.delivery;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * The only class that sends e-mail: SES v2 SendEmail with text and HTML bodies and the one-click unsubscribe
 * headers (RFC 8058). Throttling and server errors become {@link RetryableSendException}: SES sent nothing.
 */
public final class SesMailChannel implements MailSender {

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
            headers.add(MessageHeader.builder().name("List-Unsubscribe").value("<" + mail.unsubscribeUrl() + ">").build());
            headers.add(MessageHeader.builder().name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click").build());
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(mail.from())
                .destination(d -> d.toAddresses(mail.to()))
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
            throw e;
        } catch (SdkClientException e) {
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof UnknownHostException) {
                throw new RetryableSendException("SES unreachable: " + e.getCause().getClass().getSimpleName(), e);
            }
            // a time-out after the request went out: SES may have sent it, so it is not retried (DeliveryService)
            throw e;
        }
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
