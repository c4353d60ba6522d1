package jp.yorisoi.content;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.municipality.Municipality;

/**
 * Renders one day's parts as one e-mail with a section per part (DOMAIN.md: one delivery a day), in plain
 * text and in a simple HTML alternative that escapes every text, with a footer linking the reader's settings and
 * unsubscribe pages (copy area "mail").
 */
public final class MailRendering {

    static final String AREA = "mail";
    private static final String FOOTER_RULE = "――――――――――";
    private static final String COPY = "mail";

    /**
     * The reader's own pages, made by the sender for this reader.
     *
     * @param settingsUrl    change dates, add a child, report a birth or a loss, stop
     * @param unsubscribeUrl the one-click stop (also in List-Unsubscribe)
     */
    public record Links(String settingsUrl, String unsubscribeUrl) {

        public Links {
            // Only web links: a javascript: or data: address in the footer would be a script in the reader's mail.
            if (!isWebAddress(settingsUrl) || !isWebAddress(unsubscribeUrl)) {
                throw new IllegalArgumentException("the footer's addresses must be http(s)");
            }
        }
    }

    private MailRendering() {}

    /** The e-mail in Japanese without links: the footer points at the mail app's unsubscribe button. */
    public static RenderedMail render(DayMessage message, Municipality municipality) {
        return render(message, municipality, Copy.FALLBACK, null);
    }

    /**
     * The e-mail with the reader's settings and unsubscribe pages in the footer.
     *
     * @param language the reader's language, for the subject and the footer (the parts come composed in it)
     * @param links    the reader's pages, or null for none
     * @throws IllegalArgumentException when the message is empty (an empty day sends nothing)
     */
    public static RenderedMail render(DayMessage message, Municipality municipality, String language, Links links) {
        Objects.requireNonNull(municipality, "municipality");
        if (message.isEmpty()) {
            throw new IllegalArgumentException("an empty day is not mailed");
        }
        Copy copy = Copy.of(COPY, language);
        String subject = subject(message, municipality, copy);
        return new RenderedMail(subject, text(message.parts(), copy, links), html(subject, message.parts(), copy, links));
    }

    /** 【妊娠12週0日】〇〇市からのきょうのメッセージ: the first heading tells at a glance whose day it is. */
    static String subject(DayMessage message, Municipality municipality, Copy copy) {
        String heading = message.parts().stream()
                .map(Part::heading)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("");
        return copy.text("subject", heading, municipality.name());
    }

    private static String text(List<Part> parts, Copy copy, Links links) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(LinePacking.render(part)).append("\n\n");
        }
        text.append(FOOTER_RULE).append('\n');
        if (links == null) {
            // The sender also sets List-Unsubscribe (RFC 8058), which mail apps show as their own unsubscribe button.
            text.append(copy.text("footer.noLinks")).append('\n');
        } else {
            text.append(copy.text("footer.settings")).append('\n').append(links.settingsUrl()).append("\n\n")
                    .append(copy.text("footer.unsubscribe")).append('\n').append(links.unsubscribeUrl()).append('\n');
        }
        return text.toString();
    }

    private static String html(String subject, List<Part> parts, Copy copy, Links links) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"").append(escape(copy.language())).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\">\n<title>")
                .append(escape(subject))
                .append("</title>\n</head>\n<body>\n");
        for (Part part : parts) {
            html.append("<section>\n");
            if (part.heading() != null) {
                html.append("<h2>").append(escape(part.heading())).append("</h2>\n");
            }
            html.append("<p>").append(withLineBreaks(escape(part.text()))).append("</p>\n</section>\n");
        }
        html.append("<hr>\n");
        if (links == null) {
            html.append("<p>").append(escape(copy.text("footer.noLinks"))).append("</p>\n");
        } else {
            html.append(linked(copy.text("footer.settings"), links.settingsUrl()))
                    .append(linked(copy.text("footer.unsubscribe"), links.unsubscribeUrl()));
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String linked(String text, String url) {
        String escaped = escape(url);
        return "<p>" + escape(text) + "<br>\n<a href=\"" + escaped + "\">" + escaped + "</a></p>\n";
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

    private static boolean isWebAddress(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
