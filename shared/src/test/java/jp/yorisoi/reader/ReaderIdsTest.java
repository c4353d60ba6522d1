package jp.yorisoi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReaderIdsTest {

    private static final byte[] KEY = "a-test-reader-id-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another-reader-id-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);

    @Test
    void theKeyedIdIsNotTheUnkeyedHashAnyoneCouldComputeFromAGuessedAddress() {
        String keyed = new ReaderIds(KEY).idFor("sakura", Channel.EMAIL, "parent@example.jp");

        assertNotEquals(Reader.idFor("sakura", Channel.EMAIL, "parent@example.jp"), keyed);
        assertNotEquals(new ReaderIds(OTHER_KEY).idFor("sakura", Channel.EMAIL, "parent@example.jp"), keyed);
    }

    @Test
    void theKeyedIdKeepsTheFormatTheTablesShardOn() {
        assertTrue(new ReaderIds(KEY).idFor("sakura", Channel.LINE, "U1").matches("L[0-9a-f]{32}"));
        assertTrue(new ReaderIds(KEY).idFor("sakura", Channel.EMAIL, "a@b.jp").matches("M[0-9a-f]{32}"));
    }

    @Test
    void theSameAddressGetsTheSameIdEveryTimeAndAnEmailAddressIgnoresCaseAndSpaces() {
        ReaderIds ids = new ReaderIds(KEY);

        assertEquals(ids.idFor("sakura", Channel.EMAIL, "parent@example.jp"),
                new ReaderIds(KEY.clone()).idFor("sakura", Channel.EMAIL, " Parent@Example.JP "));
        assertNotEquals(ids.idFor("sakura", Channel.LINE, "U1"), ids.idFor("momiji", Channel.LINE, "U1"));
    }

    @Test
    void candidatesAreTheCurrentKeysThenThePreviousKeysThenTheUnkeyedId() {
        ReaderIds rotated = new ReaderIds(OTHER_KEY, KEY);

        assertEquals(List.of(rotated.idFor("sakura", Channel.LINE, "U1"),
                new ReaderIds(KEY).idFor("sakura", Channel.LINE, "U1"),
                Reader.idFor("sakura", Channel.LINE, "U1")), rotated.candidates("sakura", Channel.LINE, "U1"));
        assertEquals(2, new ReaderIds(KEY).candidates("sakura", Channel.LINE, "U1").size());
    }

    @Test
    void aKeyShorterThanTheHashIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReaderIds("short".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theKeysComeFromTheStagesSsmParametersAtTheFirstIdAndAMissingKeyFailsIt() {
        Map<String, String> ssm = Map.of("/yorisoi/dev/readers/id-key", new String(KEY, StandardCharsets.UTF_8));
        List<String> asked = new java.util.ArrayList<>();

        ReaderIds ids = ReaderIds.fromParameters(name -> {
            asked.add(name);
            return Optional.ofNullable(ssm.get(name));
        }, "/yorisoi/dev");

        assertEquals(List.of(), asked, "wiring reads nothing");
        assertEquals(new ReaderIds(KEY).idFor("sakura", Channel.LINE, "U1"), ids.idFor("sakura", Channel.LINE, "U1"));
        ids.idFor("sakura", Channel.LINE, "U2");
        assertEquals(List.of("/yorisoi/dev/readers/id-key", "/yorisoi/dev/readers/id-key-previous"), asked);
        ReaderIds keyless = ReaderIds.fromParameters(name -> Optional.empty(), "/yorisoi/prod");
        assertThrows(IllegalStateException.class, () -> keyless.idFor("sakura", Channel.LINE, "U1"));
    }
}
