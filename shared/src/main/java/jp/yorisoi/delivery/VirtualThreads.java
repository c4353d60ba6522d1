package jp.yorisoi.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs I/O-bound tasks side by side on virtual threads, for the fan-out's segments and the queue's batches. */
final class VirtualThreads {

    private VirtualThreads() {}

    /**
     * Runs every task on its own virtual thread and returns when all have ended. The first failing task's
     * exception is rethrown as it was thrown, so callers see the same exception as from a plain loop.
     */
    static void runAll(List<Runnable> tasks, String interruptedMessage) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) {
                futures.add(executor.submit(task));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interruptedMessage, e);
        }
    }
}
