package jp.yorisoi.content;

import java.util.Objects;

/** One day's e-mail, ready for the mail sender: the same content as plain text and as HTML. */
public record RenderedMail(String subject, String text, String html) {

    public RenderedMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
