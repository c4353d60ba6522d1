package jp.yorisoi.functions.mailsender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.yorisoi.aws.Priming;
import org.junit.jupiter.api.Test;

class MailSenderHandlerPrimingTest {

    @Test
    void loadingTheHandlerRegistersItsSnapStartPrimingHook() throws Exception {
        Class.forName(MailSenderHandler.class.getName(), true, MailSenderHandler.class.getClassLoader());

        assertEquals(1, Priming.registered().stream().filter(hook -> hook.function().equals(MailSenderHandler.class.getName())).count(),
                Priming.registered().toString());
    }

    @Test
    void theCheckpointWarmsTheClassesWithoutCallingOutEvenWithNoEndpointsConfigured() throws Exception {
        Class.forName(MailSenderHandler.class.getName(), true, MailSenderHandler.class.getClassLoader());
        Priming hook = Priming.registered().stream().filter(h -> h.function().equals(MailSenderHandler.class.getName())).findFirst()
                .orElseThrow();

        // no client is built and no endpoint is set in this JVM: a hook that called out would fail here
        hook.beforeCheckpoint(null);
        hook.afterRestore(null);

        assertTrue(hook.loadedClasses() >= 10, "warmed " + hook.loadedClasses() + " classes");
    }
}
