package io.capj.runtime.internal;

import java.time.Duration;

/**
 * How long a failed key waits before its retry: the longer of its own exponential backoff and the overall
 * token bucket's wait, like controller-runtime's default controller rate limiter.
 *
 * @param <K> the key type
 */
public final class RetryRateLimiter<K> {
    private final ItemBackoff<K> backoff;
    private final TokenBucket bucket;

    public RetryRateLimiter(ItemBackoff<K> backoff, TokenBucket bucket) {
        this.backoff = backoff;
        this.bucket = bucket;
    }

    /** controller-runtime's defaults: 5 ms → 1000 s per key, 10 qps with a burst of 100 overall. */
    public static <K> RetryRateLimiter<K> defaults(Ticker ticker) {
        return of(ItemBackoff.DEFAULT_BASE, ItemBackoff.DEFAULT_MAX, 10, 100, ticker);
    }

    public static <K> RetryRateLimiter<K> of(Duration base, Duration max, double qps, int burst, Ticker ticker) {
        return new RetryRateLimiter<>(new ItemBackoff<>(base, max), new TokenBucket(qps, burst, ticker));
    }

    /** Records a failure of {@code key} and returns the delay before it may be retried. */
    public Duration when(K key) {
        Duration own = backoff.next(key);
        Duration overall = bucket.reserve();
        return own.compareTo(overall) >= 0 ? own : overall;
    }

    public int failures(K key) {
        return backoff.failures(key);
    }

    public void forget(K key) {
        backoff.forget(key);
    }
}
