package io.capj.runtime;

/**
 * Drives one object towards its desired state. Reconciliation is level-based: the input is a key, never an
 * event, so a deletion is noticed by reading and finding the object gone, and every pass re-reads the world
 * instead of trusting what an earlier pass wrote. The queue never hands one key to two workers at once, so
 * implementations take no locks.
 */
@FunctionalInterface
public interface Reconciler {

    /**
     * Converges the object named by {@code request}.
     *
     * @return when to come back; {@link Result#done()} when nothing is pending
     * @throws TerminalException for failures that retrying cannot fix (not retried)
     * @throws Exception for anything else (retried with per-key exponential backoff)
     */
    Result reconcile(Request request) throws Exception;
}
