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

    final MailSender.Mail mail = new MailSender.Mail("デモ市", "info@demo.example.jp", "parent@example.jp",
            "【生後45日】デモ市から", "本文", "<p>本文</p>", "https://yorisoi.example.jp/dev/mail/unsubscribe?t=abc",
            Map.of("municipality", "demo", "reader", "M1"));

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
    void mailGoesOutWithTheTownAsSenderBothPartsOneClickUnsubscribeAndIdTags() {
        new SesMailChannel(SES, Optional.of("yorisoi-daily")).send(mail);

        SesStub.SentMail sent = STUB.sent().getFirst();
        assertEquals(new SesStub.SentMail("=?UTF-8?B?44OH44Oi5biC?= <info@demo.example.jp>", "parent@example.jp",
                "【生後45日】デモ市から", "本文", "<p>本文</p>", Map.of(
                        "List-Unsubscribe", "<https://yorisoi.example.jp/dev/mail/unsubscribe?t=abc>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                "yorisoi-daily", Map.of("municipality", "demo", "reader", "M1")), sent);
    }

    @Test
    void aLongTownNameIsSplitIntoEncodedWordsOfAtMost75Characters() {
        String from = SesMailChannel.fromAddress("とても長い名前のまちの子育て支援課よりそいメッセージ係", "info@demo.example.jp");

        String[] words = from.substring(0, from.indexOf(" <")).split(" ");
        assertTrue(words.length > 1, from);
        for (String word : words) {
            assertTrue(word.length() <= 75 && word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word);
        }
        assertTrue(from.endsWith(" <info@demo.example.jp>"));
    }

    @Test
    void aConfirmationMailCarriesNoUnsubscribeHeaders() {
        new SesMailChannel(SES, Optional.empty()).send(new MailSender.Mail("デモ市", "info@demo.example.jp",
                "parent@example.jp", "確認", "本文", "<p>本文</p>", null, Map.of()));

        assertEquals(Map.of(), STUB.sent().getFirst().headers());
    }

    @Test
    void aDefiniteRefusalIsARejectionNamingSesError() {
        STUB.rejectNext("MessageRejected");

        MailSender.MailRejectedException rejected = assertThrows(MailSender.MailRejectedException.class,
                () -> new SesMailChannel(SES, Optional.empty()).send(mail));
        assertEquals("MessageRejected", rejected.reason());
        assertTrue(STUB.sent().isEmpty());
    }

    @Test
    void throttlingBecomesARetryableFailureWithNothingSent() {
        STUB.throttleNext(Integer.MAX_VALUE);

        assertThrows(RetryableSendException.class, () -> new SesMailChannel(SES, Optional.empty()).send(mail));
        assertTrue(STUB.sent().isEmpty());
    }
}
