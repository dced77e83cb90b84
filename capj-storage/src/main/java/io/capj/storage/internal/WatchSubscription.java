package io.capj.storage.internal;

import io.capj.storage.CompactedException;
import io.capj.storage.StoreException;
import io.capj.storage.Watch;
import io.capj.storage.WatchEvent;
import io.capj.storage.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch: a cursor ({@code delivered}, the last revision whose events were handed over) into the shared
 * {@link RevisionLog}, advanced by tasks on the hub's dispatcher.
 *
 * <p>At most one task per watch is queued or running (the {@code scheduled} flag), which gives the
 * listener its single-threaded, in-order view. A task delivers one bounded batch and then yields the thread
 * so a busy watch cannot starve the others; it reschedules itself while work remains.
 *
 * <p>A watch that has caught up once and then falls more than the backlog limit behind (its listener is
 * too slow for the write rate) is closed with a {@link StoreException} so its client re-watches. Replay is
 * exempt: a watch resuming from far back is catching up, not falling behind, and closing it would only
 * make its client resume from the same place again.
 *
 * <p>Compaction can remove history under a lagging cursor. The compacted revision is published before any
 * history is removed, so checking it before and after reading a batch tells whether the batch is complete;
 * if not, the watch ends with {@link CompactedException} and its client re-watches or re-lists.
 */
final class WatchSubscription implements Watch {
    private static final Logger LOG = LoggerFactory.getLogger(WatchSubscription.class);
    private static final int MAX_EVENTS_PER_BATCH = 1_000;
    private static final int MAX_REVISIONS_PER_TASK = 10_000;

    private final WatchHub hub;
    private final String prefix;
    private final WatchListener listener;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long delivered;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean progressRequested;
    private volatile Throwable closeReason;
    private volatile boolean closed;
    /** Set once replay has caught up; only then does lagging count as falling behind. */
    private boolean live;

    WatchSubscription(WatchHub hub, String prefix, long afterRevision, WatchListener listener) {
        this.hub = hub;
        this.prefix = prefix;
        this.listener = listener;
        this.delivered = afterRevision;
    }

    @Override
    public void close() {
        closed = true;
        hub.remove(this);
    }

    boolean isBehind(long visible) {
        return !closed && delivered < visible;
    }

    /** Ends the watch with {@code reason}, delivered to the listener after any call in progress. */
    void closeWithError(Throwable reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        signal();
    }

    void requestProgressIfIdle(long visible, long nowNanos, long intervalNanos) {
        if (!closed && delivered == visible && nowNanos - lastActivityNanos >= intervalNanos) {
            progressRequested = true;
            signal();
        }
    }

    void signal() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            hub.dispatcher().execute(this::runTask);
        }
    }

    private void runTask() {
        try {
            step();
        } catch (RuntimeException | Error e) {
            LOG.warn("watch listener failed, closing the watch prefix={}", prefix, e);
            finish(e);
        } finally {
            scheduled.set(false);
        }
        if (hasWork()) {
            signal();
        }
    }

    private boolean hasWork() {
        return !closed && (closeReason != null || progressRequested || delivered < hub.visibleRevision());
    }

    private void step() {
        if (closed) {
            return;
        }
        if (closeReason != null) {
            finish(closeReason);
            return;
        }
        long visible = hub.visibleRevision();
        if (live && visible - delivered > hub.maxBacklog()) {
            finish(new StoreException("watch on '" + prefix + "' fell " + (visible - delivered)
                    + " revisions behind (limit " + hub.maxBacklog() + "); re-watch from revision " + delivered));
            return;
        }
        if (delivered < visible) {
            deliverUpTo(visible);
        }
        if (progressRequested && !closed && closeReason == null) {
            progressRequested = false;
            if (delivered == visible) {
                lastActivityNanos = System.nanoTime();
                listener.onProgress(delivered);
            }
        }
    }

    private void deliverUpTo(long visible) {
        long from = delivered;
        if (compactedAfter(from)) {
            return;
        }
        long end = Math.min(visible, from + MAX_REVISIONS_PER_TASK);
        RevisionLog log = hub.log();
        List<WatchEvent> batch = new ArrayList<>();
        long revision = from;
        while (revision < end && batch.size() < MAX_EVENTS_PER_BATCH) {
            revision++;
            Version v = log.at(revision);
            if (v != null && v.key.startsWith(prefix)) {
                batch.add(v.toEvent());
            }
        }
        if (compactedAfter(from)) {
            return;
        }
        delivered = revision;
        live |= revision == visible;
        if (!batch.isEmpty()) {
            lastActivityNanos = System.nanoTime();
            listener.onEvents(batch);
        }
    }

    /** True (and the watch is finished) if history right after {@code from} may already be gone. */
    private boolean compactedAfter(long from) {
        long compacted = hub.compactedRevision();
        if (from >= compacted) {
            return false;
        }
        finish(new CompactedException(from, compacted));
        return true;
    }

    private void finish(Throwable reason) {
        if (closed) {
            return;
        }
        closed = true;
        hub.remove(this);
        try {
            listener.onClosed(reason);
        } catch (RuntimeException e) {
            LOG.warn("watch listener failed in onClosed prefix={}", prefix, e);
        }
    }
}
