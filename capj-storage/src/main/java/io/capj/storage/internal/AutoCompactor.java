package io.capj.storage.internal;

import io.capj.storage.Store;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts a store periodically to {@code current - retain}, so history stays a bounded window that is
 * still long enough for informers to resume their watches. Runs on its own daemon thread.
 */
final class AutoCompactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoCompactor.class);

    private final ScheduledExecutorService timer;

    private AutoCompactor(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static AutoCompactor start(Store store, String storeName, String threadTag, StoreOptions options) {
        long periodMillis = options.compactInterval().toMillis();
        if (periodMillis == 0) {
            return new AutoCompactor(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "capj-store-compactor-" + threadTag);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> compactOnce(store, storeName, options.retainRevisions()),
                periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return new AutoCompactor(timer);
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

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
