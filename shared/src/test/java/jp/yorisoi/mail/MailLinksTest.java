package jp.yorisoi.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.yorisoi.mail.MailLinks.Purpose;
import org.junit.jupiter.api.Test;

class MailLinksTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    final MailLinks links = new MailLinks("https://abc.execute-api.ap-northeast-1.amazonaws.com/dev/",
            "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

    @Test
    void aLinkNamesNoAddressAndChecksBackToItsReader() {
        String url = links.unsubscribeUrl("demo", "M0123", NOW);

        assertTrue(url.startsWith("https://abc.execute-api.ap-northeast-1.amazonaws.com/dev/mail/unsubscribe?t="));
        assertFalse(url.contains("@"));
        MailLinks.Check check = links.check(url.substring(url.indexOf("?t=") + 3), Purpose.UNSUBSCRIBE, NOW);
        MailLinks.Token token = assertInstanceOf(MailLinks.Valid.class, check).token();
        assertEquals("demo", token.municipalityId());
        assertEquals("M0123", token.readerId());
    }

    @Test
    void aTokenIsWorthNothingForAnotherPurpose() {
        String settings = links.issue(Purpose.SETTINGS, "demo", "M0123", "-", NOW);

        assertInstanceOf(MailLinks.Invalid.class, links.check(settings, Purpose.UNSUBSCRIBE, NOW));
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String confirm = links.issue(Purpose.CONFIRM, "demo", "M0123", "n1", NOW);

        assertInstanceOf(MailLinks.Valid.class, links.check(confirm, Purpose.CONFIRM,
                NOW.plus(Purpose.CONFIRM.lifetime()).minusSeconds(1)));
        assertInstanceOf(MailLinks.Expired.class, links.check(confirm, Purpose.CONFIRM,
                NOW.plus(Purpose.CONFIRM.lifetime())));
    }

    @Test
    void aChangedOrForeignTokenIsInvalid() {
        String token = links.issue(Purpose.SETTINGS, "demo", "M0123", "-", NOW);
        String otherReader = links.issue(Purpose.SETTINGS, "demo", "M0124", "-", NOW);
        String spliced = token.substring(0, token.indexOf('.')) + otherReader.substring(otherReader.indexOf('.'));
        MailLinks otherKey = new MailLinks("https://x.example.jp", "another-secret-of-length".getBytes(StandardCharsets.UTF_8));

        assertInstanceOf(MailLinks.Invalid.class, links.check(spliced, Purpose.SETTINGS, NOW));
        assertInstanceOf(MailLinks.Invalid.class, otherKey.check(token, Purpose.SETTINGS, NOW));
        assertInstanceOf(MailLinks.Invalid.class, links.check("not-a-token", Purpose.SETTINGS, NOW));
        assertInstanceOf(MailLinks.Invalid.class, links.check("%%%.###", Purpose.SETTINGS, NOW));
        assertInstanceOf(MailLinks.Invalid.class, links.check(null, Purpose.SETTINGS, NOW));
    }
}
