package jp.yorisoi.functions.linewebhook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WiringTest {

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("STAGE", "dev");
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        env.put("READERS_TABLE", "ReadersTable");
        env.put("MUNICIPALITIES_TABLE", "MunicipalitiesTable");
        env.put("EVENTS_TABLE", "ProcessedEventsTable");
        env.put("CONTENT_TABLE", "ContentTable");
        env.put("LEDGER_TABLE", "LedgerTable");
        return env;
    }

    @Test
    void wiresEveryPortFromTheTemplatesVariablesWithoutCallingAnything() {
        Wiring wiring = Wiring.fromEnvironment(environment());

        assertNotNull(wiring.readers());
        assertNotNull(wiring.municipalities());
        assertNotNull(wiring.processedEvents());
        assertNotNull(wiring.credentials());
        assertNotNull(wiring.replier());
        assertNotNull(wiring.preview());
        assertNotNull(wiring.todaysMessage());
        assertNotNull(wiring.ledger());
    }

    @Test
    void theLedgerTableIsNeededToSendTodaysMessageOnce() {
        Map<String, String> env = environment();
        env.remove("LEDGER_TABLE");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Wiring.fromEnvironment(env));
        assertTrue(error.getMessage().contains("LEDGER_TABLE"));
    }

    @Test
    void theContentTableIsNeededToComposeTodayForTheConfirmation() {
        Map<String, String> env = environment();
        env.remove("CONTENT_TABLE");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Wiring.fromEnvironment(env));
        assertTrue(error.getMessage().contains("CONTENT_TABLE"));
    }

    @Test
    void aMissingTableNameIsAClearStartupError() {
        Map<String, String> env = environment();
        env.remove("EVENTS_TABLE");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Wiring.fromEnvironment(env));
        assertTrue(error.getMessage().contains("EVENTS_TABLE"));
    }
}
