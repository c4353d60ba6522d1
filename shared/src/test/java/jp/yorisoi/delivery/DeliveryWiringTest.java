package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryWiringTest {

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION", "ap-northeast-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "READERS_TABLE", "ReadersTable",
                "MUNICIPALITIES_TABLE", "MunicipalitiesTable",
                "CONTENT_TABLE", "ContentTable",
                "LEDGER_TABLE", "LedgerTable",
                "LINE_JOB_QUEUE_URL", "http://127.0.0.1:9/000000000000/LineJobQueue",
                "MAIL_JOB_QUEUE_URL", "http://127.0.0.1:9/000000000000/MailJobQueue",
                "MAIL_PAGES_BASE_URL", "https://abc.execute-api.ap-northeast-1.amazonaws.com/dev",
                "MAIL_LINK_SECRET", "a-local-secret-long-enough"));
        env.put("STAGE", "dev");
        return env;
    }

    @Test
    void everyFunctionsServiceIsBuiltFromItsEnvironmentWithoutCallingAws() {
        DeliveryWiring wiring = DeliveryWiring.fromEnvironment(env(), DeliveryMetrics.NONE);

        assertNotNull(wiring.fanOut());
        assertNotNull(wiring.hourlyFanOut(FanOutMetrics.NONE));
        assertNotNull(wiring.reconciliation(FanOutMetrics.NONE));
        assertNotNull(wiring.lineDeliveries());
        assertNotNull(wiring.mailDeliveries());
        assertEquals("/yorisoi/dev", wiring.ssmPrefix());
    }

    @Test
    void aMissingTableNameIsNamedInTheError() {
        Map<String, String> env = env();
        env.remove("LEDGER_TABLE");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> DeliveryWiring.fromEnvironment(env, DeliveryMetrics.NONE).lineDeliveries());
        assertEquals("environment variable LEDGER_TABLE is not set", error.getMessage());
    }
}
