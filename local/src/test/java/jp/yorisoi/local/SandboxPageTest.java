package jp.yorisoi.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.yorisoi.schedule.ProgramSchedule;
import org.junit.jupiter.api.Test;

class SandboxPageTest {

    @Test
    void everythingShownIsEscaped() throws Exception {
        Outbox outbox = new Outbox(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));
        outbox.push("demo", "U<1>", null, List.of(HttpIo.JSON.readTree("""
                {"type":"text","text":"<script>alert('x')</script> & 妊娠",
                 "quickReply":{"items":[{"type":"action","action":{"type":"message","label":"<b>","text":"t"}}]}}
                """)));
        outbox.email("demo", new SandboxMessage.Email("a@example.jp", List.of("b@example.jp"), "<i>subject</i>",
                "text", "<p>html</p>", Map.of("List-Unsubscribe", "<https://example.jp/u>")));

        String page = SandboxPage.render(outbox.messages(), ProgramSchedule.ZONE);

        assertFalse(page.contains("<script>"));
        assertFalse(page.contains("<i>subject"));
        assertFalse(page.contains("<p>html"));
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 妊娠"));
        assertTrue(page.contains("<span>&lt;b&gt;</span>"));
        assertTrue(page.contains("to U&lt;1&gt;"));
        assertTrue(page.contains("List-Unsubscribe: &lt;https://example.jp/u&gt;"));
        assertTrue(page.contains("2026-04-01 09:00:00"));
    }

    @Test
    void emptySandboxSaysSo() {
        assertTrue(SandboxPage.render(List.of(), ProgramSchedule.ZONE).contains("Nothing sent yet."));
    }
}
