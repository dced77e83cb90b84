package io.capj.storage.internal;

import java.time.Duration;

/**
 * Tuning of an {@link MvccStore}; {@link #defaults()} is what {@code Stores.open} uses unless the URL says
 * otherwise.
 *
 * @param retainRevisions  how many latest revisions automatic compaction keeps
 * @param compactInterval  how often automatic compaction runs; zero disables it
 * @param maxWatchBacklog  how many revisions a watch that has caught up may fall behind (a listener too
 *                         slow for the write rate) before it is closed so its client re-watches
 * @param progressInterval how long a caught-up watch stays silent before it gets {@code onProgress}
 */
public record StoreOptions(long retainRevisions, Duration compactInterval, long maxWatchBacklog,
                           Duration progressInterval) {

    public StoreOptions {
        if (retainRevisions < 0) {
            throw new IllegalArgumentException("retainRevisions must be >= 0, got " + retainRevisions);
        }
        if (compactInterval.isNegative()) {
            throw new IllegalArgumentException("compactInterval must not be negative, got " + compactInterval);
        }
        if (maxWatchBacklog < 1 || progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("maxWatchBacklog and progressInterval must be positive");
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(10_000, Duration.ofSeconds(60), 100_000, Duration.ofSeconds(1));
    }

    public StoreOptions withRetainRevisions(long value) {
        return new StoreOptions(value, compactInterval, maxWatchBacklog, progressInterval);
    }

    public StoreOptions withCompactInterval(Duration value) {
        return new StoreOptions(retainRevisions, value, maxWatchBacklog, progressInterval);
    }

    public StoreOptions withMaxWatchBacklog(long value) {
        return new StoreOptions(retainRevisions, compactInterval, value, progressInterval);
    }

    public StoreOptions withProgressInterval(Duration value) {
        return new StoreOptions(retainRevisions, compactInterval, maxWatchBacklog, value);
    }
}
