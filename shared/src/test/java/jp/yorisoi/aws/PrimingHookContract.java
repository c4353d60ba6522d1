package jp.yorisoi.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What every handler's SnapStart priming hook must do; each function's test names its handler class. */
public abstract class PrimingHookContract {

    /** The handler class as Lambda loads it by name. */
    protected abstract Class<?> handler();

    private List<Priming> hooksOfHandler() throws ClassNotFoundException {
        Class.forName(handler().getName(), true, handler().getClassLoader());
        return Priming.registered().stream().filter(hook -> hook.function().equals(handler().getName())).toList();
    }

    @Test
    void loadingTheHandlerRegistersItsSnapStartPrimingHook() throws Exception {
        assertEquals(1, hooksOfHandler().size(), Priming.registered().toString());
    }

    @Test
    void theCheckpointWarmsTheClassesWithoutCallingOutEvenWithNoEndpointsConfigured() throws Exception {
        Priming hook = hooksOfHandler().getFirst();

        // no client is built and no endpoint is set in this JVM: a hook that called out would fail here
        hook.beforeCheckpoint(null);
        hook.afterRestore(null);

        assertTrue(hook.loadedClasses() >= 10, "warmed " + hook.loadedClasses() + " classes");
    }
}
