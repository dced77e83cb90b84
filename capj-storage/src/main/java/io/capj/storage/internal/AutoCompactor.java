package io.capj.storage.internal;

import io.capj.storage.Store;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts a store periodically to {@code current - retain}, so history stays a bounded window that is
 * still long enough for informers to resume their watches. Runs on the shared {@link StoreThreads#TIMER}.
 */
final class AutoCompactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoCompactor.class);

    private final ScheduledFuture<?> schedule;

    private AutoCompactor(ScheduledFuture<?> schedule) {
        this.schedule = schedule;
    }

    /** Starts compacting {@code store} as {@code options} say; a zero interval starts nothing. */
    static AutoCompactor start(Store store, String storeName, StoreOptions options) {
        long periodMillis = options.compactInterval().toMillis();
        if (periodMillis == 0) {
            return new AutoCompactor(null);
        }
        return new AutoCompactor(StoreThreads.TIMER.scheduleWithFixedDelay(
                () -> compactOnce(store, storeName, options.retainRevisions()),
                periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    }

    private static void compactOnce(Store store, String storeName, long retain) {
        long target = store.currentRevision() - retain;
        if (target <= store.compactedRevision()) {
            return;
        }
        try {
            store.compact(target);
            LOG.debug("compacted store {} to revision {}", storeName, target);
        } catch (RuntimeException e) {
            // Keep the schedule alive: the next run retries, and a closed store ends it through close().
            LOG.warn("automatic compaction of store {} to revision {} failed", storeName, target, e);
        }
    }

    /** Stops future runs; a run in progress finishes (the store's close waits for it). */
    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
