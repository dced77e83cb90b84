package io.capj.runtime.internal;

import java.time.Duration;

/**
 * An overall rate limit on retries across all keys: {@code burst} tokens refilled at {@code qps}. A
 * reservation always succeeds and returns how long the caller must wait for its token, so a storm of
 * failures spreads out instead of being dropped.
 */
public final class TokenBucket {
    private final double qps;
    private final double burst;
    private final Ticker ticker;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double qps, int burst, Ticker ticker) {
        if (qps <= 0 || burst < 1) {
            throw new IllegalArgumentException("token bucket needs qps > 0 and burst >= 1, got " + qps + "/" + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.ticker = ticker;
        this.tokens = burst;
        this.lastNanos = ticker.nanos();
    }

    /** Takes one token, possibly from the future, and returns the wait until it is really available. */
    public synchronized Duration reserve() {
        refill();
        tokens -= 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(-tokens * 1e9 / qps));
    }

    private void refill() {
        long now = ticker.nanos();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * qps);
        lastNanos = now;
    }
}
