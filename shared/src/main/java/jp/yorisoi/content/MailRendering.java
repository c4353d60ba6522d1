package jp.yorisoi.content;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.municipality.Municipality;

/**
 * Renders one day's parts as one e-mail with a section per part (DOMAIN.md: one delivery a day), in plain
 * text and in a simple HTML alternative that escapes every text, with a footer telling how to stop; the words
 * around the parts are in the reader's language ({@code copy/mail.<language>.properties}).
 */
public final class MailRendering {

    static final String AREA = "mail";
    private static final String FOOTER_RULE = "――――――――――";

    private MailRendering() {}

    /** The e-mail without a link to stop: the footer points at the mail app's unsubscribe button. */
    public static RenderedMail render(DayMessage message, Municipality municipality, String language) {
        return render(message, municipality, language, null);
    }

    /**
     * The e-mail with the reader's own unsubscribe page in the footer.
     *
     * @param unsubscribeUrl an http(s) address made by the sender for this reader, or null for none
     * @throws IllegalArgumentException when the message is empty (an empty day sends nothing) or the address
     *                                  is not http(s)
     */
    public static RenderedMail render(DayMessage message, Municipality municipality, String language,
            String unsubscribeUrl) {
        Objects.requireNonNull(municipality, "municipality");
        if (message.isEmpty()) {
            throw new IllegalArgumentException("an empty day is not mailed");
        }
        if (unsubscribeUrl != null && !isWebAddress(unsubscribeUrl)) {
            throw new IllegalArgumentException("the unsubscribe address must be http(s)");
        }
        Copy copy = Copy.of(AREA, language);
        String subject = subject(message, municipality, copy);
        return new RenderedMail(subject, text(message.parts(), unsubscribeUrl, copy),
                html(subject, message.parts(), unsubscribeUrl, copy));
    }

    /** 【妊娠12週0日】〇〇市からのきょうのメッセージ: the first heading tells at a glance whose day it is. */
    static String subject(DayMessage message, Municipality municipality, Copy copy) {
        String heading = message.parts().stream()
                .map(Part::heading)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("");
        return copy.text("subject", heading, municipality.name()).strip();
    }

    private static String text(List<Part> parts, String unsubscribeUrl, Copy copy) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(LinePacking.render(part)).append("\n\n");
        }
        text.append(FOOTER_RULE).append('\n');
        if (unsubscribeUrl == null) {
            text.append(copy.text("stopWithoutLink")).append('\n');
        } else {
            text.append(copy.text("stopWithLink")).append('\n').append(unsubscribeUrl).append('\n');
        }
        return text.toString();
    }

    private static String html(String subject, List<Part> parts, String unsubscribeUrl, Copy copy) {
        // やさしい日本語 is Japanese to a browser or a screen reader
        String lang = copy.language().startsWith("ja") ? "ja" : escape(copy.language());
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"").append(lang)
                .append("\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
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
            html.append(escape(copy.text("stopWithoutLink")));
        } else {
            String url = escape(unsubscribeUrl);
            html.append(escape(copy.text("stopWithLink"))).append("<br>\n<a href=\"").append(url).append("\">")
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
