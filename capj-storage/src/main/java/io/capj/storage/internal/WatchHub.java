package io.capj.storage.internal;

import io.capj.storage.StoreException;
import io.capj.storage.Watch;
import io.capj.storage.WatchListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every watch of one store: a fan-out thread notices new visible revisions and schedules the watches
 * that are behind on a small dispatcher pool, and once per progress interval asks idle ones for a progress
 * notification.
 *
 * <p>Writers only touch this class through {@link #wake()}, which unparks the fan-out thread; they never run
 * listener code and never wait for a watcher. Each watch reads the shared {@link RevisionLog} from its own
 * cursor, so a watch's queue is the log itself: replay and live delivery are the same loop and there is no
 * hand-over to get wrong.
 */
final class WatchHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);

    private final RevisionLog log;
    private final LongSupplier visibleRevision;
    private final LongSupplier compactedRevision;
    private final StoreOptions options;
    private final List<WatchSubscription> watches = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher;
    private final Thread fanOut;
    private volatile boolean closed;

    WatchHub(String threadTag, RevisionLog log, LongSupplier visibleRevision, LongSupplier compactedRevision,
             StoreOptions options) {
        this.log = log;
        this.visibleRevision = visibleRevision;
        this.compactedRevision = compactedRevision;
        this.options = options;
        this.dispatcher = Executors.newFixedThreadPool(options.dispatchThreads(),
                daemonThreads("capj-store-watch-" + threadTag + "-"));
        this.fanOut = daemonThreads("capj-store-watch-fanout-" + threadTag).newThread(this::fanOutLoop);
        this.fanOut.start();
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
        LockSupport.unpark(fanOut);
    }

    @Override
    public void close() {
        closed = true;
        StoreException reason = new StoreException("store is closed");
        for (WatchSubscription watch : watches) {
            watch.closeWithError(reason);
        }
        LockSupport.unpark(fanOut);
        dispatcher.shutdown();
        try {
            if (!dispatcher.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("watch listeners still running 5s after store close");
            }
            fanOut.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    ExecutorService dispatcher() {
        return dispatcher;
    }

    void remove(WatchSubscription watch) {
        watches.remove(watch);
    }

    private void fanOutLoop() {
        long tickNanos = options.progressInterval().toNanos();
        long signalled = -1;
        long nextTick = System.nanoTime() + tickNanos;
        while (!closed) {
            long visible = visibleRevision();
            if (visible != signalled) {
                signalled = visible;
                for (WatchSubscription watch : watches) {
                    if (watch.isBehind(visible)) {
                        watch.signal();
                    }
                }
            }
            long now = System.nanoTime();
            if (now - nextTick >= 0) {
                for (WatchSubscription watch : watches) {
                    watch.requestProgressIfIdle(visible, now, tickNanos);
                }
                nextTick = now + tickNanos;
            }
            LockSupport.parkNanos(this, Math.max(0, nextTick - System.nanoTime()));
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            String name = prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix;
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
