package io.capj.runtime.internal;

import java.time.Duration;

/** A clock that moves only when the test says so. */
final class FakeTicker implements Ticker {
    private long now = 1_000_000_000L;

    @Override
    public long nanos() {
        return now;
    }

    void advance(Duration d) {
        now += d.toNanos();
    }
}
