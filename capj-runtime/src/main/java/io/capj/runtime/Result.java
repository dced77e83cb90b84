package io.capj.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What a reconcile pass asks of the queue: nothing ({@link #done()}), an immediate rate-limited retry
 * ({@link #requeue()}), or another pass after a delay ({@link #requeueAfter(Duration)}). Waiting is always a
 * {@code Result}; reconcilers never sleep. Errors are thrown instead, and are retried with backoff unless
 * they are a {@link TerminalException}.
 */
public final class Result {
    private static final Result DONE = new Result(false, Duration.ZERO);
    private static final Result REQUEUE = new Result(true, Duration.ZERO);

    private final boolean requeue;
    private final Duration requeueAfter;

    private Result(boolean requeue, Duration requeueAfter) {
        this.requeue = requeue;
        this.requeueAfter = requeueAfter;
    }

    /** Converged: forget the key until an event enqueues it again. */
    public static Result done() {
        return DONE;
    }

    /**
     * Come back soon, through the per-key rate limiter. Prefer {@link #requeueAfter(Duration)}, which says
     * how long to wait.
     */
    public static Result requeue() {
        return REQUEUE;
    }

    /** Come back after {@code delay}; a zero or negative delay means {@link #done()}. */
    public static Result requeueAfter(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return delay.isZero() || delay.isNegative() ? DONE : new Result(false, delay);
    }

    /**
     * The more urgent of two results, so a phase list can combine its phases: an immediate requeue beats a
     * delay, and the shorter delay wins.
     */
    public Result min(Result other) {
        if (requeue || other.requeue) {
            return REQUEUE;
        }
        if (isDone()) {
            return other;
        }
        if (other.isDone()) {
            return this;
        }
        return requeueAfter.compareTo(other.requeueAfter) <= 0 ? this : other;
    }

    public boolean isRequeue() {
        return requeue;
    }

    /** The delay before the next pass, {@link Duration#ZERO} when none was asked for. */
    public Duration requeueAfter() {
        return requeueAfter;
    }

    public boolean isDone() {
        return !requeue && requeueAfter.isZero();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Result r && r.requeue == requeue && r.requeueAfter.equals(requeueAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requeue, requeueAfter);
    }

    @Override
    public String toString() {
        return isDone() ? "Result.done" : requeue ? "Result.requeue" : "Result.requeueAfter(" + requeueAfter + ")";
    }
}
