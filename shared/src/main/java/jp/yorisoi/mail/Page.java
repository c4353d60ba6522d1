package jp.yorisoi.mail;

/** One answer of the e-mail readers' pages: an HTTP status and a whole HTML page. */
public record Page(int status, String html) {}
