package io.capj.runtime.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-key exponential backoff: the n-th consecutive failure of a key waits {@code base * 2^n}, capped at
 * {@code max}. {@link #forget} resets a key after a success so that one flaky object never slows others.
 *
 * @param <K> the key type
 */
public final class ItemBackoff<K> {
    /** controller-runtime's defaults: 5 ms doubling up to 1000 s. */
    public static final Duration DEFAULT_BASE = Duration.ofMillis(5);
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(1000);

    private final long baseNanos;
    private final long maxNanos;
    private final Map<K, Integer> failures = new HashMap<>();

    public ItemBackoff(Duration base, Duration max) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + base + " and " + max);
        }
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** Records one more failure of {@code key} and returns how long it must wait before its retry. */
    public synchronized Duration next(K key) {
        int n = failures.merge(key, 1, Integer::sum) - 1;
        // Past 62 doublings the shift overflows; the cap has long been reached by then anyway.
        if (n >= 62 || baseNanos > (maxNanos >> n)) {
            return Duration.ofNanos(maxNanos);
        }
        return Duration.ofNanos(baseNanos << n);
    }

    /** Consecutive failures recorded for {@code key} since it was last forgotten. */
    public synchronized int failures(K key) {
        return failures.getOrDefault(key, 0);
    }

    /** Resets {@code key} after a success (or a terminal failure). */
    public synchronized void forget(K key) {
        failures.remove(key);
    }
}
