package jp.yorisoi.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentNoticeTest {

    private static final Municipality TOWN = new Municipality("sakura", "さくら市", "さくら市より", "窓口", Plan.FULL, 3, 8,
            List.of("ja", "ja-easy", "en"), null, true, "https://www.city.sakura.example/privacy", 2);

    @Test
    void theLineNoticeNamesEverythingCollectedTheTownAndItsPrivacyPage() {
        String notice = ConsentNotice.text(Channel.LINE, "ja", TOWN);

        for (String expected : List.of("出産予定日またはお子さんの誕生日", "あなたの立場", "メッセージの言語", "LINEのユーザーID",
                "使う目的", "管理する者：さくら市", "保存する期間", "削除のしかた", "https://www.city.sakura.example/privacy")) {
            assertTrue(notice.contains(expected), expected + " in " + notice);
        }
    }

    @Test
    void theEmailNoticeNamesTheAddressInsteadOfTheLineId() {
        String notice = ConsentNotice.text(Channel.EMAIL, "en", TOWN);

        assertTrue(notice.contains("your e-mail address"), notice);
        assertFalse(notice.contains("LINE"), notice);
        assertTrue(notice.contains("your child's birthday"), notice);
        assertTrue(notice.contains("Who holds it: さくら市."), notice);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "ja-easy", "en"})
    void everyLanguageHasTheSevenParagraphs(String language) {
        List<String> paragraphs = ConsentNotice.paragraphs(Channel.LINE, language, TOWN);

        assertEquals(7, paragraphs.size());
        assertTrue(paragraphs.getLast().endsWith("https://www.city.sakura.example/privacy"), paragraphs.getLast());
    }

    @Test
    void aTownWithoutAPrivacyPageLeavesTheLinkOut() {
        Municipality town = new Municipality("momo", "もも町", null, null, Plan.BASE_ONLY, 3, 8, List.of("ja"), null, true);

        assertEquals(6, ConsentNotice.paragraphs(Channel.LINE, "ja", town).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.city.sakura.example/privacy", "javascript:alert(1)", "https://", "ftp://x.example/",
            "https://user@x.example/", "https://x.example/a b"})
    void aPrivacyPageMustBeAPlainHttpsAddress(String url) {
        assertThrows(IllegalArgumentException.class, () -> new Municipality("sakura", "さくら市", null, null, Plan.FULL, 3, 8,
                List.of("ja"), null, true, url, 1));
    }

    @Test
    void aConsentVersionStartsAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new Municipality("sakura", "さくら市", null, null, Plan.FULL, 3, 8,
                List.of("ja"), null, true, null, 0));
    }
}
