package io.capj.runtime.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between event handlers and workers. It carries the runtime's concurrency guarantees:
 * <ul>
 *   <li>a key is queued at most once however many events arrive (de-duplication);</li>
 *   <li>a key is never handed to two workers at once: a key added while it is being processed is parked and
 *       queued again once, when the worker calls {@link #done};</li>
 *   <li>delayed keys ({@link #addAfter}) wait in a time-ordered heap; an earlier deadline replaces a later
 *       one, so a key is never scheduled twice;</li>
 *   <li>failed keys ({@link #addRateLimited}) wait as long as the {@link RetryRateLimiter} says.</li>
 * </ul>
 * All time comes from a {@link Ticker}, so {@link #poll()} is fully deterministic under a fake clock.
 *
 * @param <K> the key type
 */
public final class WorkQueue<K> {
    private record Delayed<K>(long dueNanos, long seq, K key) {
    }

    private final Ticker ticker;
    private final RetryRateLimiter<K> limiter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<K> ready = new ArrayDeque<>();
    private final Set<K> dirty = new HashSet<>();
    private final Set<K> processing = new HashSet<>();
    private final Map<K, Long> waitingDue = new HashMap<>();
    private final PriorityQueue<Delayed<K>> waiting = new PriorityQueue<>(
            (a, b) -> a.dueNanos != b.dueNanos ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.seq, b.seq));
    private long seq;
    private boolean shutDown;

    public WorkQueue(Ticker ticker, RetryRateLimiter<K> limiter) {
        this.ticker = ticker;
        this.limiter = limiter;
    }

    /** Queues {@code key} now, unless it is already queued (or is parked behind a running worker). */
    public void add(K key) {
        lock.lock();
        try {
            addLocked(key);
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code key} once {@code delay} has passed; an earlier pending deadline for it is kept. */
    public void addAfter(K key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        lock.lock();
        try {
            if (shutDown) {
                return;
            }
            long due = ticker.nanos() + delay.toNanos();
            Long current = waitingDue.get(key);
            if (current == null || due < current) {
                waitingDue.put(key, due);
                waiting.add(new Delayed<>(due, seq++, key));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Queues a failed {@code key} after its rate-limited backoff. */
    public void addRateLimited(K key) {
        addAfter(key, limiter.when(key));
    }

    /** Resets the backoff of {@code key} after a success. */
    public void forget(K key) {
        limiter.forget(key);
    }

    /** Consecutive failures of {@code key} since it was last forgotten. */
    public int failures(K key) {
        return limiter.failures(key);
    }

    /** The next ready key, now marked as processing, or {@code null} if none is ready at this instant. */
    public K poll() {
        lock.lock();
        try {
            promoteDue();
            return nextLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until a key is ready and returns it marked as processing, or returns {@code null} once the queue
     * is shut down.
     */
    public K take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (shutDown) {
                    return null;
                }
                long waitNanos = promoteDue();
                K key = nextLocked();
                if (key != null) {
                    return key;
                }
                if (waitNanos < 0) {
                    changed.await();
                } else {
                    changed.awaitNanos(waitNanos);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Marks {@code key} finished; if it was added meanwhile it goes back in the queue now. */
    public void done(K key) {
        lock.lock();
        try {
            processing.remove(key);
            if (dirty.contains(key) && !shutDown) {
                ready.addLast(key);
            }
            changed.signalAll(); // wakes workers for the re-queued key and awaitIdle callers alike
        } finally {
            lock.unlock();
        }
    }

    /** Keys ready to be processed right now (not counting delayed or in-flight keys). */
    public int depth() {
        lock.lock();
        try {
            return ready.size();
        } finally {
            lock.unlock();
        }
    }

    /** Keys waiting for a deadline. */
    public int delayed() {
        lock.lock();
        try {
            return waitingDue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops handing out keys; blocked {@link #take()} callers return {@code null}. */
    public void shutDown() {
        lock.lock();
        try {
            shutDown = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for at most {@code timeout} for every in-flight key to be marked done. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!processing.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void addLocked(K key) {
        if (shutDown || !dirty.add(key)) {
            return;
        }
        if (!processing.contains(key)) {
            ready.addLast(key);
            changed.signalAll();
        }
    }

    private K nextLocked() {
        K key = ready.pollFirst();
        if (key != null) {
            dirty.remove(key);
            processing.add(key);
        }
        return key;
    }

    /** Moves due keys to the ready queue; returns nanos until the next deadline, or -1 if none. */
    private long promoteDue() {
        long now = ticker.nanos();
        while (!waiting.isEmpty()) {
            Delayed<K> head = waiting.peek();
            Long due = waitingDue.get(head.key());
            if (due == null || due != head.dueNanos()) {
                waiting.poll(); // superseded by an earlier deadline for the same key
                continue;
            }
            if (head.dueNanos() > now) {
                return head.dueNanos() - now;
            }
            waiting.poll();
            waitingDue.remove(head.key());
            addLocked(head.key());
        }
        return -1;
    }
}
