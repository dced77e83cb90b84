package io.capj.storage.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every store in the process shares: a small pool that delivers watch events, and one timer
 * for progress ticks and automatic compaction.
 *
 * <p>Shared rather than per store because a process may hold thousands of stores (every simulated workload
 * cluster has its own memory store): per-store threads would cost thousands of idle threads, while the work
 * itself is short. The price is that a listener which blocks holds a pool thread for every store, which is
 * why {@link io.capj.storage.WatchListener} must not block for long. All threads are daemons and the
 * pools are never shut down; idle dispatch threads time out.
 */
final class StoreThreads {
    /** Delivers watch events; each watch runs on at most one of these at a time. */
    static final ThreadPoolExecutor DISPATCH = dispatchPool();
    /** Runs progress ticks and automatic compaction. */
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private StoreThreads() {
    }

    private static ThreadPoolExecutor dispatchPool() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons("capj-store-watch-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons("capj-store-timer-"));
        timer.setRemoveOnCancelPolicy(true); // closed stores must not leave their schedules behind
        return timer;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
