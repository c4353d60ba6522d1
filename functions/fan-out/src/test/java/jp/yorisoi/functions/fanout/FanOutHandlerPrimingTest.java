package jp.yorisoi.functions.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.yorisoi.aws.Priming;
import org.junit.jupiter.api.Test;

class FanOutHandlerPrimingTest {

    @Test
    void loadingTheHandlerRegistersItsSnapStartPrimingHook() throws Exception {
        Class.forName(FanOutHandler.class.getName(), true, FanOutHandler.class.getClassLoader());

        assertEquals(1, Priming.registered().stream().filter(hook -> hook.function().equals(FanOutHandler.class.getName())).count(),
                Priming.registered().toString());
    }

    @Test
    void theCheckpointWarmsTheClassesWithoutCallingOutEvenWithNoEndpointsConfigured() throws Exception {
        Class.forName(FanOutHandler.class.getName(), true, FanOutHandler.class.getClassLoader());
        Priming hook = Priming.registered().stream().filter(h -> h.function().equals(FanOutHandler.class.getName())).findFirst()
                .orElseThrow();

        // no client is built and no endpoint is set in this JVM: a hook that called out would fail here
        hook.beforeCheckpoint(null);
        hook.afterRestore(null);

        assertTrue(hook.loadedClasses() >= 10, "warmed " + hook.loadedClasses() + " classes");
    }
}
