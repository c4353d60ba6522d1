package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {

    final UnsubscribeLinks links = new UnsubscribeLinks("https://yorisoi.example.jp/unsubscribe",
            "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

    @Test
    void linkNamesIdsAndASignatureButNoAddress() {
        String url = links.urlFor("demo", "M0123");

        assertTrue(url.startsWith("https://yorisoi.example.jp/unsubscribe?m=demo&r=M0123&t="));
        assertEquals(Optional.of("M0123"), links.verify("demo", "M0123", url.substring(url.indexOf("&t=") + 3)));
    }

    @Test
    void aTokenDoesNotUnsubscribeAnotherReader() {
        String token = links.token("demo", "M0123");

        assertEquals(Optional.empty(), links.verify("demo", "M0124", token));
        assertEquals(Optional.empty(), links.verify("other", "M0123", token));
        assertEquals(Optional.empty(), links.verify("demo", "M0123", null));
    }
}
