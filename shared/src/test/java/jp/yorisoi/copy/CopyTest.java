package jp.yorisoi.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CopyTest {

    @Test
    void aTextComesInTheReadersLanguage() {
        assertEquals("Yorisoi messages", Copy.of("common", "en").text("service.name"));
    }

    @Test
    void aLanguageWithoutAFileFallsBackToJapanese() {
        assertEquals("よりそいメッセージ", Copy.of("common", "pt").text("service.name"));
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Copy.of("common", "ja").text("no.such.key"));
    }
}
