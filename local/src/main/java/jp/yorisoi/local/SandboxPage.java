package jp.yorisoi.local;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import jp.yorisoi.content.MailRendering;

/** The sandbox as a plain HTML page: every message caught, newest first, as a parent would read it. */
final class SandboxPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SandboxPage() {}

    static String render(List<SandboxMessage> messages, ZoneId zone) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="utf-8">
                <meta http-equiv="refresh" content="5">
                <title>yorisoi sandbox</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem;color:#222}
                .msg{border:1px solid #ccc;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}
                .meta{color:#555;font-size:.9rem}
                .text{white-space:pre-wrap;background:#f6f6f6;border-radius:4px;padding:.5rem;margin:.4rem 0}
                .quick span{display:inline-block;border:1px solid #06c755;border-radius:1rem;
                            padding:.1rem .6rem;margin:.1rem}
                </style></head><body>
                <h1>yorisoi sandbox</h1>
                <p>LINE replies and pushes and e-mails sent by the local runner, newest first.
                JSON: <a href="/sandbox/messages">/sandbox/messages</a> (DELETE it to clear).</p>
                """);
        if (messages.isEmpty()) {
            page.append("<p class=\"empty\">Nothing sent yet.</p>\n");
        }
        for (SandboxMessage message : messages) {
            page.append("<div class=\"msg\"><div class=\"meta\">")
                    .append(escape(TIME.format(message.receivedAt().atZone(zone)))).append(" · ")
                    .append(escape(message.channel())).append(" · <b>").append(escape(message.kind())).append("</b>")
                    .append(" · municipality ").append(escape(orDash(message.municipalityId())))
                    .append(" · to ").append(escape(orDash(message.recipient())));
            if (message.retryKey() != null) {
                page.append(" · retry key ").append(escape(message.retryKey()));
            }
            page.append("</div>\n");
            for (SandboxMessage.LineMessage part : message.messages()) {
                page.append("<div class=\"text\">");
                if (!part.type().equals("text")) {
                    page.append("[").append(escape(part.type())).append("] ");
                }
                page.append(escape(part.text())).append("</div>\n");
                if (!part.quickReplies().isEmpty()) {
                    page.append("<div class=\"quick\">");
                    part.quickReplies().forEach(l -> page.append("<span>").append(escape(l)).append("</span>"));
                    page.append("</div>\n");
                }
            }
            if (message.email() != null) {
                appendEmail(page, message.email());
            }
            page.append("</div>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static void appendEmail(StringBuilder page, SandboxMessage.Email email) {
        page.append("<div class=\"meta\">from ").append(escape(email.from()))
                .append("<br>subject <b>").append(escape(orDash(email.subject()))).append("</b>");
        for (Map.Entry<String, String> header : email.headers().entrySet()) {
            page.append("<br>").append(escape(header.getKey())).append(": ").append(escape(header.getValue()));
        }
        page.append("</div>\n");
        if (email.text() != null) {
            page.append("<div class=\"text\">").append(escape(email.text())).append("</div>\n");
        }
        if (email.html() != null) {
            page.append("<details><summary>HTML part (source)</summary><div class=\"text\">")
                    .append(escape(email.html())).append("</div></details>\n");
        }
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** The mail's own HTML escaping; a message without a field shows nothing there. */
    static String escape(String text) {
        return text == null ? "" : MailRendering.escape(text);
    }
}
