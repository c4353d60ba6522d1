package jp.yorisoi.functions.linewebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.yorisoi.aws.Priming;
import org.junit.jupiter.api.Test;

class LineWebhookHandlerPrimingTest {

    @Test
    void loadingTheHandlerRegistersItsSnapStartPrimingHook() throws Exception {
        Class.forName(LineWebhookHandler.class.getName(), true, LineWebhookHandler.class.getClassLoader());

        assertEquals(1, Priming.registered().stream().filter(hook -> hook.function().equals(LineWebhookHandler.class.getName())).count(),
                Priming.registered().toString());
    }

    @Test
    void theCheckpointWarmsTheClassesWithoutCallingOutEvenWithNoEndpointsConfigured() throws Exception {
        Class.forName(LineWebhookHandler.class.getName(), true, LineWebhookHandler.class.getClassLoader());
        Priming hook = Priming.registered().stream().filter(h -> h.function().equals(LineWebhookHandler.class.getName())).findFirst()
                .orElseThrow();

        // no client is built and no endpoint is set in this JVM: a hook that called out would fail here
        hook.beforeCheckpoint(null);
        hook.afterRestore(null);

        assertTrue(hook.loadedClasses() >= 10, "warmed " + hook.loadedClasses() + " classes");
    }
}
