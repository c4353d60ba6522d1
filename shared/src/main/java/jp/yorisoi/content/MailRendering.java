package jp.yorisoi.content;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.municipality.Municipality;

/**
 * Renders one day's parts as one e-mail with a section per part (DOMAIN.md: one delivery a day), in plain
 * text and in a simple HTML alternative that escapes every text, with a footer telling how to stop.
 */
public final class MailRendering {

    private static final String FOOTER_RULE = "――――――――――";
    private static final String STOP_WITH_LINK = "このメールの配信を止めるには、次のページから手続きしてください。";
    // The sender also sets List-Unsubscribe (RFC 8058), which mail apps show as their own unsubscribe button.
    private static final String STOP_WITHOUT_LINK = "このメールの配信を止めるには、メールソフトの「配信停止」（登録解除）をお使いください。";

    private MailRendering() {}

    /** The e-mail without a link to stop: the footer points at the mail app's unsubscribe button. */
    public static RenderedMail render(DayMessage message, Municipality municipality) {
        return render(message, municipality, null);
    }

    /**
     * The e-mail with the reader's own unsubscribe page in the footer.
     *
     * @param unsubscribeUrl an http(s) address made by the sender for this reader, or null for none
     * @throws IllegalArgumentException when the message is empty (an empty day sends nothing) or the address
     *                                  is not http(s)
     */
    public static RenderedMail render(DayMessage message, Municipality municipality, String unsubscribeUrl) {
        Objects.requireNonNull(municipality, "municipality");
        if (message.isEmpty()) {
            throw new IllegalArgumentException("an empty day is not mailed");
        }
        if (unsubscribeUrl != null && !isWebAddress(unsubscribeUrl)) {
            throw new IllegalArgumentException("the unsubscribe address must be http(s)");
        }
        String subject = subject(message, municipality);
        return new RenderedMail(subject, text(message.parts(), unsubscribeUrl),
                html(subject, message.parts(), unsubscribeUrl));
    }

    /** 【妊娠12週0日】〇〇市からのきょうのメッセージ: the first heading tells at a glance whose day it is. */
    static String subject(DayMessage message, Municipality municipality) {
        String heading = message.parts().stream()
                .map(Part::heading)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("");
        return heading + municipality.name() + "からのきょうのメッセージ";
    }

    private static String text(List<Part> parts, String unsubscribeUrl) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(LinePacking.render(part)).append("\n\n");
        }
        text.append(FOOTER_RULE).append('\n');
        if (unsubscribeUrl == null) {
            text.append(STOP_WITHOUT_LINK).append('\n');
        } else {
            text.append(STOP_WITH_LINK).append('\n').append(unsubscribeUrl).append('\n');
        }
        return text.toString();
    }

    private static String html(String subject, List<Part> parts, String unsubscribeUrl) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(subject))
                .append("</title>\n</head>\n<body>\n");
        for (Part part : parts) {
            html.append("<section>\n");
            if (part.heading() != null) {
                html.append("<h2>").append(escape(part.heading())).append("</h2>\n");
            }
            html.append("<p>").append(withLineBreaks(escape(part.text()))).append("</p>\n</section>\n");
        }
        html.append("<hr>\n<p>");
        if (unsubscribeUrl == null) {
            html.append(escape(STOP_WITHOUT_LINK));
        } else {
            String url = escape(unsubscribeUrl);
            html.append(escape(STOP_WITH_LINK)).append("<br>\n<a href=\"").append(url).append("\">")
                    .append(url).append("</a>");
        }
        return html.append("</p>\n</body>\n</html>\n").toString();
    }

    /** Escapes text for element content and double- or single-quoted attributes. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String withLineBreaks(String escaped) {
        return escaped.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "<br>\n");
    }

    // Only web links: a javascript: or data: address in the footer would be a script in the reader's mail.
    private static boolean isWebAddress(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
