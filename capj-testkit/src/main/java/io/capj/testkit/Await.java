package io.capj.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls for conditions that become true eventually (controllers, garbage collection, watches), so tests
 * never sleep a fixed time. Polling starts fast and backs off to half a second; deadlines are meant to be
 * generous, since they only bound how long a broken system takes to fail, never how fast a working one is.
 *
 * <p>A probe that throws (a {@code RuntimeException} or {@code AssertionError}) counts as "not yet"; the
 * last such failure is attached to the timeout error.
 */
public final class Await {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

    private Await() {
    }

    /**
     * Waits until {@code condition} is true.
     *
     * @param describe what is awaited, completing "timed out after 10s waiting until ..."
     * @throws AssertionError when the deadline passes first
     */
    public static void until(Duration timeout, BooleanSupplier condition, String describe) {
        until(timeout, condition::getAsBoolean, Boolean.TRUE::equals, describe);
    }

    /**
     * Waits until {@code probe} yields a value that {@code accept} takes, and returns that value.
     *
     * @param describe what is awaited, completing "timed out after 10s waiting until ..."
     * @throws AssertionError when the deadline passes first; it names the last value seen
     */
    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<? super T> accept, String describe) {
        Objects.requireNonNull(describe, "describe");
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        T last = null;
        Throwable lastFailure = null;
        while (true) {
            try {
                last = probe.get();
                lastFailure = null;
                if (accept.test(last)) {
                    return last;
                }
            } catch (RuntimeException | AssertionError e) {
                lastFailure = e;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw timedOut(timeout, describe, last, lastFailure);
            }
            sleep(Math.min(pause.toNanos(), remaining));
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static AssertionError timedOut(Duration timeout, String describe, Object last, Throwable failure) {
        String message = "timed out after " + timeout.toString().substring(2).toLowerCase()
                + " waiting until " + describe
                + (failure != null ? "; last attempt failed: " + failure : "; last value: " + last);
        return new AssertionError(message, failure);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
