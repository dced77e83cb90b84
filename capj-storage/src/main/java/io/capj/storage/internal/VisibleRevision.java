package io.capj.storage.internal;

import io.capj.storage.StoreException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The newest durable revision, which is also the newest revision readers and watchers may see, and the
 * place writers wait for their revision to get there.
 *
 * <p>It only moves forward, one journal commit at a time. Once {@link #fail failed}, it never moves again
 * and every writer still waiting is released with the failure.
 */
public final class VisibleRevision {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile long revision;
    private volatile StoreException failure;

    public VisibleRevision(long initial) {
        this.revision = initial;
    }

    public long get() {
        return revision;
    }

    /** The failure that stopped this revision from advancing, or null. */
    public StoreException failure() {
        return failure;
    }

    /** Called by the journal's thread, in order. */
    public void advanceTo(long newRevision) {
        lock.lock();
        try {
            if (newRevision > revision) {
                revision = newRevision;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void fail(StoreException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until {@code target} is visible. Interrupts are remembered but do not end the wait: the write
     * is already on its way to disk and giving up would report an outcome we do not know.
     *
     * @throws StoreException if the journal failed before {@code target} became durable
     */
    public void await(long target) {
        if (revision >= target) {
            return;
        }
        boolean interrupted = false;
        lock.lock();
        try {
            while (revision < target && failure == null) {
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (revision < target) {
            throw new StoreException("revision " + target + " was not made durable: " + failure.getMessage(), failure);
        }
    }
}
