package io.capj.runtime.internal;

/**
 * A monotonic nanosecond clock. Production code uses {@link #SYSTEM}; tests substitute a hand-advanced
 * clock so that backoff and rate-limit rules are checked without sleeping.
 */
@FunctionalInterface
public interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
