package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.delivery.stubs.SesStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

class SesMailChannelIT {

    static final SesStub STUB = new SesStub();
    static final SesV2Client SES = AwsClients.forEmulator(STUB.endpoint()).ses();

    final MailSender.Mail mail = new MailSender.Mail("info@demo.example.jp", "parent@example.jp", "【生後45日】デモ市から",
            "本文", "<p>本文</p>", "https://yorisoi.example.jp/unsubscribe?m=demo&r=M1&t=abc");

    @BeforeEach
    void resetStub() {
        STUB.reset();
    }

    @AfterAll
    static void stop() {
        SES.close();
        STUB.close();
    }

    @Test
    void mailGoesOutWithTextHtmlAndOneClickUnsubscribe() {
        new SesMailChannel(SES, Optional.of("yorisoi-daily")).send(mail);

        SesStub.SentMail sent = STUB.sent().getFirst();
        assertEquals(new SesStub.SentMail("info@demo.example.jp", "parent@example.jp", "【生後45日】デモ市から", "本文",
                "<p>本文</p>", Map.of(
                        "List-Unsubscribe", "<https://yorisoi.example.jp/unsubscribe?m=demo&r=M1&t=abc>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                "yorisoi-daily"), sent);
    }

    @Test
    void throttlingBecomesARetryableFailureWithNothingSent() {
        STUB.throttleNext(Integer.MAX_VALUE);

        assertThrows(RetryableSendException.class, () -> new SesMailChannel(SES, Optional.empty()).send(mail));
        assertTrue(STUB.sent().isEmpty());
    }
}
