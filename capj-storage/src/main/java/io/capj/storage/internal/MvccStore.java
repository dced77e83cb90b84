package io.capj.storage.internal;

import io.capj.storage.CompactedException;
import io.capj.storage.FutureRevisionException;
import io.capj.storage.KeyExistsException;
import io.capj.storage.KeyValue;
import io.capj.storage.RevisionConflictException;
import io.capj.storage.Store;
import io.capj.storage.StoreException;
import io.capj.storage.Watch;
import io.capj.storage.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Store} implementation: an in-memory MVCC index that serves every read, made durable by a
 * {@link Journal} ({@link EphemeralJournal} for {@code memory://}, SQLite for {@code sqlite://}).
 *
 * <p><b>Writes.</b> Under the write lock a write checks its compare-and-swap condition against the newest
 * version of the key (durable or not: writes are serialized here, not at the journal), takes the next
 * revision, links the new version into the index and the revision log, and enqueues it on the journal.
 * Outside the lock it then waits until the journal reports the revision durable. Until then the version is
 * in memory but invisible: readers and watchers never look above {@link VisibleRevision}, so nothing they
 * observe can be lost by a crash. A conflicting write likewise waits until the version it conflicts with is
 * durable before reporting it.
 *
 * <p><b>Failure.</b> If the journal fails (an IO error), every waiting write fails with
 * {@link StoreException} and the store enters a failed state: reads keep answering from the last durable
 * revision, but every later write is rejected with {@link StoreException} until the process reopens the
 * store. As with any database whose commit fails half way, a write that failed this way may or may not be
 * present after reopening; a write that was acknowledged always is.
 *
 * <p><b>Values.</b> Written arrays are copied once on the way in; arrays handed out in {@link KeyValue}s are
 * the store's own and callers must not modify them.
 */
public final class MvccStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(MvccStore.class);
    /** Keys compacted per hold of the write lock, so compaction never stalls writers for long. */
    private static final int COMPACTION_KEYS_PER_LOCK = 1_000;

    private final String name;
    private final Journal journal;
    private final MvccIndex index = new MvccIndex();
    private final RevisionLog log = new RevisionLog();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock compactionLock = new ReentrantLock();
    private final VisibleRevision visible;
    private final WatchHub watches;
    private final AutoCompactor compactor;
    private long lastAssignedRevision; // guarded by writeLock
    private volatile long compactedRevision;
    private volatile boolean closed;

    /**
     * Rebuilds the index from {@code journal}'s history and starts serving.
     *
     * @param name names the store in messages and logs (for example its URL)
     */
    public MvccStore(String name, Journal journal, StoreOptions options) {
        this.name = name;
        this.journal = journal;
        this.compactedRevision = journal.compactedRevision();
        long[] maxRevision = {compactedRevision};
        journal.replay(row -> maxRevision[0] = Math.max(maxRevision[0], recover(row)));
        this.lastAssignedRevision = maxRevision[0];
        this.visible = new VisibleRevision(lastAssignedRevision);
        this.watches = new WatchHub(log, visible::get, () -> compactedRevision, options);
        journal.start(new Journal.DurabilityListener() {
            @Override
            public void durableThrough(long revision) {
                visible.advanceTo(revision);
                watches.wake();
            }

            @Override
            public void failed(Exception cause) {
                LOG.error("storage journal failed, store {} now rejects writes", name, cause);
                visible.fail(new StoreException("store " + name + " failed to persist writes and rejects"
                        + " further writes until reopened: " + cause.getMessage(), cause));
            }
        });
        finishInterruptedCompaction();
        this.compactor = AutoCompactor.start(this, name, options);
    }

    @Override
    public long currentRevision() {
        return visible.get();
    }

    @Override
    public long compactedRevision() {
        return compactedRevision;
    }

    @Override
    public KeyValue get(String key) {
        ensureOpen();
        Version v = index.at(key, visible.get());
        return Version.isLive(v) ? v.toKeyValue() : null;
    }

    @Override
    public ListPage list(String prefix, String startKey, long revision, int limit) {
        ensureOpen();
        long current = visible.get();
        long at = revision == 0 ? current : revision;
        if (at > current) {
            throw new FutureRevisionException(at, current);
        }
        checkNotCompacted(at);
        List<KeyValue> items = new ArrayList<>();
        String[] nextKey = {null};
        index.scan(prefix, startKey, at, v -> {
            if (limit > 0 && items.size() == limit) {
                nextKey[0] = v.key;
                return false;
            }
            items.add(v.toKeyValue());
            return true;
        });
        // A compaction that started during the scan may have cut history the scan walked.
        checkNotCompacted(at);
        return new ListPage(items, at, nextKey[0]);
    }

    @Override
    public long count(String prefix) {
        ensureOpen();
        long[] count = {0};
        index.scan(prefix, null, visible.get(), v -> {
            count[0]++;
            return true;
        });
        return count[0];
    }

    @Override
    public long create(String key, byte[] value) {
        return write(WriteKind.CREATE, key, 0, Objects.requireNonNull(value, "value").clone());
    }

    @Override
    public long update(String key, long expectedModRevision, byte[] value) {
        return write(WriteKind.UPDATE, key, expectedModRevision, Objects.requireNonNull(value, "value").clone());
    }

    @Override
    public long delete(String key, long expectedModRevision) {
        return write(WriteKind.DELETE, key, expectedModRevision, null);
    }

    @Override
    public Watch watch(String prefix, long afterRevision, WatchListener listener) {
        ensureOpen();
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(listener, "listener");
        if (afterRevision < 0) {
            throw new IllegalArgumentException("afterRevision must be >= 0, got " + afterRevision);
        }
        checkNotCompacted(afterRevision);
        return watches.register(prefix, afterRevision, listener);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Memory is compacted before this returns; the journal deletes the dropped rows in the background,
     * after persisting the new compacted revision.
     *
     * @throws FutureRevisionException if {@code revision} is above the current revision
     */
    @Override
    public void compact(long revision) {
        compactionLock.lock();
        try {
            ensureOpen();
            if (revision <= compactedRevision) {
                return;
            }
            long current = visible.get();
            if (revision > current) {
                throw new FutureRevisionException(revision, current);
            }
            // Published before anything is removed: readers and watches re-check it after reading and so
            // never return history this compaction has started to cut.
            compactedRevision = revision;
            long[] dropped = compactIndex(revision);
            log.trimThrough(revision);
            journal.compact(revision, dropped);
        } finally {
            compactionLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            writeLock.unlock();
        }
        compactor.close();
        compactionLock.lock(); // waits for a compaction in progress to hand its deletions to the journal
        try {
            journal.close();
        } finally {
            compactionLock.unlock();
        }
        watches.close();
    }

    @Override
    public String toString() {
        return "MvccStore[" + name + "]";
    }

    private long write(WriteKind kind, String key, long expectedModRevision, byte[] value) {
        requireKey(key);
        Version current;
        long revision = 0;
        writeLock.lock();
        try {
            ensureWritable();
            current = index.newest(key);
            if (kind.accepts(current, expectedModRevision)) {
                revision = ++lastAssignedRevision;
                Version written = kind.next(key, revision, current, value);
                index.append(written);
                log.append(written);
                journal.append(written.toLogRow());
            }
        } finally {
            writeLock.unlock();
        }
        if (revision == 0) {
            // Report only durable state: the conflicting version may still be on its way to disk.
            visible.await(current == null ? 0 : current.modRevision);
            throw kind.conflict(key, expectedModRevision, current);
        }
        visible.await(revision);
        return revision;
    }

    private long recover(LogRow row) {
        Version older = index.newest(row.key());
        // Deletion rows store no value: a DELETE event carries the value of the version it deleted.
        byte[] value = row.deleted() ? (Version.isLive(older) ? older.value : new byte[0]) : row.value();
        Version v = new Version(row.key(), row.revision(), row.createRevision(), value, row.deleted(), older);
        index.append(v);
        if (row.revision() > compactedRevision) {
            log.append(v);
        }
        return row.revision();
    }

    /**
     * A crash during a journal compaction can leave rows the compacted revision already disowns; compacting
     * again at the same revision drops them from memory and deletes them from the journal.
     */
    private void finishInterruptedCompaction() {
        long[] leftovers = compactIndex(compactedRevision);
        if (leftovers.length > 0) {
            LOG.info("finishing interrupted compaction of store {} at revision {}: {} rows",
                    name, compactedRevision, leftovers.length);
            journal.compact(compactedRevision, leftovers);
        }
    }

    private long[] compactIndex(long revision) {
        LongStream.Builder dropped = LongStream.builder();
        String next = "";
        while (next != null) {
            writeLock.lock();
            try {
                next = index.compact(revision, next, COMPACTION_KEYS_PER_LOCK, dropped);
            } finally {
                writeLock.unlock();
            }
        }
        return dropped.build().toArray();
    }

    private void checkNotCompacted(long revision) {
        long compacted = compactedRevision;
        if (revision < compacted) {
            throw new CompactedException(revision, compacted);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("store " + name + " is closed");
        }
    }

    private void ensureWritable() {
        ensureOpen();
        StoreException failure = visible.failure();
        if (failure != null) {
            throw new StoreException("store " + name + " is in a failed state and rejects writes: "
                    + failure.getMessage(), failure);
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be null or empty");
        }
    }

    /** The three compare-and-swap shapes the API server needs. */
    private enum WriteKind {
        CREATE {
            @Override
            boolean accepts(Version current, long expected) {
                return !Version.isLive(current);
            }

            @Override
            Version next(String key, long revision, Version current, byte[] value) {
                return new Version(key, revision, revision, value, false, current);
            }

            @Override
            StoreException conflict(String key, long expected, Version current) {
                return new KeyExistsException(current.toKeyValue());
            }
        },
        UPDATE {
            @Override
            Version next(String key, long revision, Version current, byte[] value) {
                return new Version(key, revision, current.createRevision, value, false, current);
            }
        },
        DELETE {
            @Override
            Version next(String key, long revision, Version current, byte[] value) {
                return new Version(key, revision, current.createRevision, current.value, true, current);
            }
        };

        boolean accepts(Version current, long expected) {
            return Version.isLive(current) && current.modRevision == expected;
        }

        abstract Version next(String key, long revision, Version current, byte[] value);

        StoreException conflict(String key, long expected, Version current) {
            return new RevisionConflictException(key, expected, Version.isLive(current) ? current.toKeyValue() : null);
        }
    }
}
