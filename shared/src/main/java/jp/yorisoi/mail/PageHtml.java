package jp.yorisoi.mail;

import static jp.yorisoi.content.MailRendering.escape;

import jp.yorisoi.copy.Copy;

/**
 * The HTML of the e-mail readers' pages: small, mobile-first, no script, no outside resource. Every text that is
 * not the page's own markup goes through {@code escape}, including the copy and anything the visitor typed.
 */
final class PageHtml {

    private final StringBuilder body = new StringBuilder();
    private final Copy copy;
    private final String title;

    PageHtml(Copy copy, String title) {
        this.copy = copy;
        this.title = title;
    }

    PageHtml heading() {
        body.append("<h1>").append(escape(title)).append("</h1>\n");
        return this;
    }

    PageHtml paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    PageHtml notice(String text, boolean problem) {
        body.append("<p class=\"").append(problem ? "problem" : "done").append("\" role=\"")
                .append(problem ? "alert" : "status").append("\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Markup built by the caller from escaped parts only. */
    PageHtml raw(String markup) {
        body.append(markup);
        return this;
    }

    /** A form with one button that posts {@code fields} (name, value pairs) to {@code action}. */
    PageHtml button(String action, String label, boolean danger, String... fields) {
        body.append("<form method=\"post\" action=\"").append(escape(action)).append("\">\n");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(hidden(fields[i], fields[i + 1]));
        }
        body.append("<button type=\"submit\"").append(danger ? " class=\"danger\"" : "").append(">")
                .append(escape(label)).append("</button>\n</form>\n");
        return this;
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">\n";
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"" + escape(copy.language()) + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    private static final String STYLE = """
            body{margin:0;font-family:system-ui,sans-serif;line-height:1.6;color:#222;background:#fdf8f3}
            main{max-width:34rem;margin:0 auto;padding:1rem 1.25rem 3rem}
            h1{font-size:1.35rem;color:#8a4b2a}h2{font-size:1.1rem;margin-top:1.5rem}
            label,legend{display:block;font-weight:600;margin-top:1rem}
            input[type=email],input[type=date],select{width:100%;box-sizing:border-box;font-size:1rem;padding:.6rem;
            border:1px solid #b9a89a;border-radius:.4rem;background:#fff}
            fieldset{border:0;padding:0;margin:0}.choice{font-weight:400;margin-top:.4rem}
            button{margin-top:1rem;width:100%;font-size:1rem;padding:.8rem;border:0;border-radius:.5rem;
            background:#c2643a;color:#fff}button.danger{background:#6b6b6b}
            .problem{background:#fde8e4;border-left:4px solid #c0392b;padding:.5rem .75rem}
            .done{background:#e6f4ea;border-left:4px solid #2e7d32;padding:.5rem .75rem}
            .consent{background:#fff;border:1px solid #e0d4c8;border-radius:.4rem;padding:.5rem .9rem;font-size:.95rem}
            nav{font-size:.95rem}nav a,nav strong{margin-right:1rem}form{margin-top:.75rem}.child{background:#fff;border:1px solid #e0d4c8;
            border-radius:.4rem;padding:.25rem 1rem 1rem;margin-top:1rem}
            """;
}
