package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.yorisoi.content.DayMessage.Part;
import jp.yorisoi.content.DayMessage.PartKind;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import org.junit.jupiter.api.Test;

class MailRenderingTest {

    private static final Municipality SAKURA = new Municipality("sakura", "さくら市", "さくら市より", null, Plan.FULL,
            3, 7, List.of("ja"), "info@sakura.example.jp", true);
    private static final MailRendering.Links LINKS = new MailRendering.Links(
            "https://mail.example.jp/mail/settings?t=s1", "https://mail.example.jp/mail/unsubscribe?t=abc&x=1");

    private static final DayMessage DAY = new DayMessage(List.of(
            new Part(PartKind.BASE, "c1", "【妊娠12週0日】", "つわりがつらい時期です。\n無理をしないでください。"),
            new Part(PartKind.LOCAL, "c1", null, "母子手帳のご案内\nさくら市より"),
            new Part(PartKind.BASE, "c2", "【1歳3か月】", "歩き始めるころです。")));

    @Test
    void subjectNamesTheFirstHeadingAndTheTown() {
        assertEquals("【妊娠12週0日】さくら市からのきょうのメッセージ", MailRendering.render(DAY, SAKURA).subject());
    }

    @Test
    void subjectWithoutAnyHeadingNamesTheTown() {
        DayMessage calendarOnly = new DayMessage(List.of(new Part(PartKind.CALENDAR, null, null, "両親学級\nさくら市より")));

        assertEquals("さくら市からのきょうのメッセージ", MailRendering.render(calendarOnly, SAKURA).subject());
    }

    @Test
    void plainTextHasTheSectionsInOrderThenTheSettingsAndStopPages() {
        RenderedMail mail = MailRendering.render(DAY, SAKURA, "ja", LINKS);

        assertEquals("""
                【妊娠12週0日】
                つわりがつらい時期です。
                無理をしないでください。

                母子手帳のご案内
                さくら市より

                【1歳3か月】
                歩き始めるころです。

                ――――――――――
                配信日の変更、お子さんの追加、出産やお別れのご報告は、こちらのページからできます。
                https://mail.example.jp/mail/settings?t=s1

                このメールの配信を止めるには、次のページから手続きしてください。
                https://mail.example.jp/mail/unsubscribe?t=abc&x=1
                """, mail.text());
    }

    @Test
    void htmlHasOneSectionPerPartWithLineBreaksAndTheLinkToStop() {
        String html = MailRendering.render(DAY, SAKURA, "ja", LINKS).html();

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>【妊娠12週0日】さくら市からのきょうのメッセージ</title>"));
        assertEquals(3, html.split("<section>", -1).length - 1);
        assertTrue(html.contains("<h2>【妊娠12週0日】</h2>\n<p>つわりがつらい時期です。<br>\n無理をしないでください。</p>"), html);
        assertTrue(html.contains("<p>母子手帳のご案内<br>\nさくら市より</p>"), html);
        assertTrue(html.contains("<a href=\"https://mail.example.jp/mail/unsubscribe?t=abc&amp;x=1\">"), html);
        assertTrue(html.contains("<a href=\"https://mail.example.jp/mail/settings?t=s1\">"), html);
        assertTrue(html.indexOf("歩き始める") < html.indexOf("配信を止める"));
    }

    @Test
    void htmlEscapesEveryText() {
        DayMessage hostile = new DayMessage(List.of(new Part(PartKind.LOCAL, "c1", "<b>見出し</b>",
                "<script>alert('x')</script> & \"引用\"\r\nつぎの行")));
        Municipality town = new Municipality("x", "<i>町</i>", null, null, Plan.FULL, 3, 7, null, null, true);

        RenderedMail mail = MailRendering.render(hostile, town, "ja",
                new MailRendering.Links("https://example.jp/s", "https://example.jp/stop?a=\"><script>"));

        assertFalse(mail.html().contains("<script>"), mail.html());
        assertFalse(mail.html().contains("<b>"), mail.html());
        assertFalse(mail.html().contains("<i>"), mail.html());
        assertTrue(mail.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引用&quot;<br>\nつぎの行"),
                mail.html());
        assertTrue(mail.html().contains("<h2>&lt;b&gt;見出し&lt;/b&gt;</h2>"), mail.html());
        assertTrue(mail.html().contains("href=\"https://example.jp/stop?a=&quot;&gt;&lt;script&gt;\""), mail.html());
        assertEquals("<b>見出し</b><i>町</i>からのきょうのメッセージ", mail.subject(), "the subject is plain text, not HTML");
    }

    @Test
    void withoutALinkTheFooterPointsToTheMailAppsUnsubscribe() {
        RenderedMail mail = MailRendering.render(DAY, SAKURA);

        assertTrue(mail.text().endsWith("メールソフトの「配信停止」（登録解除）をお使いください。\n"), mail.text());
        assertTrue(mail.html().contains("メールソフトの「配信停止」（登録解除）をお使いください。</p>"), mail.html());
        assertFalse(mail.html().contains("<a "));
    }

    @Test
    void onlyWebAddressesAreLinked() {
        assertThrows(IllegalArgumentException.class,
                () -> new MailRendering.Links("https://example.jp/s", "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new MailRendering.Links("data:text/html,x", "https://example.jp/u"));
    }

    @Test
    void theSubjectAndFooterFollowTheReadersLanguage() {
        RenderedMail mail = MailRendering.render(DAY, SAKURA, "en", LINKS);

        assertEquals("【妊娠12週0日】Today's message from さくら市", mail.subject());
        assertTrue(mail.text().contains("To stop these e-mails, use this page:\nhttps://mail.example.jp/mail/unsubscribe"),
                mail.text());
        assertTrue(mail.html().startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), mail.html());
    }

    @Test
    void anEmptyDayIsNotMailed() {
        assertThrows(IllegalArgumentException.class, () -> MailRendering.render(new DayMessage(List.of()), SAKURA));
    }
}
