package io.capj.storage;

import java.util.List;

/**
 * The revisioned key-value store every API object lives in, shaped like kine's view of etcd.
 *
 * <p>One global revision counter orders every write; each write returns the revision it was assigned,
 * and that revision becomes the written object's resourceVersion. Writes are compare-and-swap on the
 * key's current mod revision. A write is acknowledged (its method returns) only once it is durable
 * and visible to readers and watchers; nothing a reader or watcher saw can be lost by a crash.
 *
 * <p>History is kept from {@link #compactedRevision()} onward, so lists at a past revision and watches
 * resuming from a past revision work inside that window and fail with {@link CompactedException} below it.
 *
 * <p>Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {

    /** The newest revision visible to readers (0 for an empty store). */
    long currentRevision();

    /** The revision below which history is gone; lists and watches before it are compacted. */
    long compactedRevision();

    /** The live value of a key at the current revision, or null if absent. */
    KeyValue get(String key);

    /**
     * Live keys starting with {@code prefix}, in key order, as of {@code revision}
     * (0 means the current revision), beginning at {@code startKey} inclusive (null means the first key),
     * at most {@code limit} entries (0 means no limit).
     *
     * @throws CompactedException if {@code revision} is below the compacted revision
     * @throws FutureRevisionException if {@code revision} is above the current revision
     */
    ListPage list(String prefix, String startKey, long revision, int limit);

    /** Number of live keys starting with {@code prefix} at the current revision. */
    long count(String prefix);

    /**
     * Creates {@code key}.
     *
     * @return the revision of the write
     * @throws KeyExistsException if the key is live
     */
    long create(String key, byte[] value);

    /**
     * Replaces {@code key} if its mod revision is {@code expectedModRevision}.
     *
     * @return the revision of the write
     * @throws RevisionConflictException carrying the current value if the key changed or is gone
     */
    long update(String key, long expectedModRevision, byte[] value);

    /**
     * Deletes {@code key} if its mod revision is {@code expectedModRevision}.
     *
     * @return the revision of the deletion (the DELETE event's revision)
     * @throws RevisionConflictException carrying the current value if the key changed or is gone
     */
    long delete(String key, long expectedModRevision);

    /**
     * Streams every change to keys under {@code prefix} with a revision greater than {@code afterRevision},
     * strictly in revision order and without gaps, first replaying history then following live writes.
     * Delivery happens on store-owned threads; a listener must not block for long.
     *
     * @throws CompactedException if {@code afterRevision} is below the compacted revision
     */
    Watch watch(String prefix, long afterRevision, WatchListener listener);

    /**
     * Drops history at and below {@code revision}: superseded versions and tombstones.
     * Live values are kept whatever their age. Compacting below the current compacted revision is a no-op.
     *
     * @throws FutureRevisionException if {@code revision} is above the current revision
     */
    void compact(long revision);

    /** Releases resources; the store must not be used afterwards. Durable data stays. */
    @Override
    void close();

    /** One page of a list. */
    record ListPage(List<KeyValue> items, long revision, String nextKey) {
        /** True if more keys follow; {@link #nextKey()} is where the next page starts. */
        public boolean hasMore() {
            return nextKey != null;
        }
    }
}
