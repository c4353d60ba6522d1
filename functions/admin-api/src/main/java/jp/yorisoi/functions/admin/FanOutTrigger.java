package jp.yorisoi.functions.admin;

import jp.yorisoi.delivery.CatchUpRun;

/**
 * Starts a catch-up run elsewhere and returns without waiting for it: a large town's fan-out takes minutes, longer
 * than an API request may last. Deployed, {@link LambdaFanOutTrigger}; the local runner runs it in-process.
 */
@FunctionalInterface
public interface FanOutTrigger {

    /** Hands the run over; once this returns, the run will be made (and retried) without the caller. */
    void start(CatchUpRun run);
}
