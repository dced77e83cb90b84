package io.capj.storage.internal;

import io.capj.storage.StoreException;
import io.capj.storage.Watch;
import io.capj.storage.WatchListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Runs every watch of one store. When new revisions become visible, a fan-out task (coalesced: at most one
 * queued at a time) schedules the watches that are behind; a periodic tick asks idle watches for a progress
 * notification. Both run on the shared {@link StoreThreads}.
 *
 * <p>Writers only touch this class through {@link #wake()}, which at most queues the fan-out task; they
 * never run listener code and never wait for a watcher. Each watch reads the shared {@link RevisionLog}
 * from its own cursor, so a watch's queue is the log itself: replay and live delivery are the same loop
 * and there is no hand-over to get wrong.
 */
final class WatchHub implements AutoCloseable {
    private final RevisionLog log;
    private final LongSupplier visibleRevision;
    private final LongSupplier compactedRevision;
    private final StoreOptions options;
    private final List<WatchSubscription> watches = new CopyOnWriteArrayList<>();
    private final AtomicBoolean fanOutQueued = new AtomicBoolean();
    private final ScheduledFuture<?> ticks;
    private volatile boolean closed;

    WatchHub(RevisionLog log, LongSupplier visibleRevision, LongSupplier compactedRevision, StoreOptions options) {
        this.log = log;
        this.visibleRevision = visibleRevision;
        this.compactedRevision = compactedRevision;
        this.options = options;
        long tickNanos = options.progressInterval().toNanos();
        this.ticks = StoreThreads.TIMER.scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    Watch register(String prefix, long afterRevision, WatchListener listener) {
        WatchSubscription watch = new WatchSubscription(this, prefix, afterRevision, listener);
        watches.add(watch);
        if (closed) {
            watch.closeWithError(new StoreException("store is closed"));
        }
        watch.signal();
        return watch;
    }

    /** New revisions are visible. Cheap enough to call from a writer holding the store's write lock. */
    void wake() {
        if (fanOutQueued.compareAndSet(false, true)) {
            dispatcher().execute(this::fanOut);
        }
    }

    /** Ends every watch with an error; their listeners hear it on the dispatcher, after any call in progress. */
    @Override
    public void close() {
        closed = true;
        ticks.cancel(false);
        StoreException reason = new StoreException("store is closed");
        for (WatchSubscription watch : watches) {
            watch.closeWithError(reason);
        }
    }

    RevisionLog log() {
        return log;
    }

    long visibleRevision() {
        return visibleRevision.getAsLong();
    }

    long compactedRevision() {
        return compactedRevision.getAsLong();
    }

    long maxBacklog() {
        return options.maxWatchBacklog();
    }

    Executor dispatcher() {
        return StoreThreads.DISPATCH;
    }

    void remove(WatchSubscription watch) {
        watches.remove(watch);
    }

    private void fanOut() {
        // Cleared first: a wake() arriving while we iterate queues another pass instead of being lost.
        fanOutQueued.set(false);
        long visible = visibleRevision();
        for (WatchSubscription watch : watches) {
            if (watch.isBehind(visible)) {
                watch.signal();
            }
        }
    }

    private void tick() {
        long visible = visibleRevision();
        long now = System.nanoTime();
        long intervalNanos = options.progressInterval().toNanos();
        for (WatchSubscription watch : watches) {
            watch.requestProgressIfIdle(visible, now, intervalNanos);
        }
    }
}
