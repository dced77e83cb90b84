package io.capj.storage.internal;

import io.capj.storage.KeyValue;
import io.capj.storage.WatchEvent;

/**
 * One version of one key: a node of its {@link VersionChain}, linked to the version it replaced.
 *
 * <p>Every field but {@link #older} is final so a version can be handed to reader threads through a
 * volatile chain head or the {@link RevisionLog} without further synchronization. {@code older} is volatile
 * because compaction cuts it while readers walk the chain.
 *
 * <p>A tombstone keeps a reference to the last live value (the same array, never a copy) because the DELETE
 * event must carry it.
 */
final class Version {
    final String key;
    final long modRevision;
    final long createRevision;
    final byte[] value;
    final boolean tombstone;
    volatile Version older;

    Version(String key, long modRevision, long createRevision, byte[] value, boolean tombstone, Version older) {
        this.key = key;
        this.modRevision = modRevision;
        this.createRevision = createRevision;
        this.value = value;
        this.tombstone = tombstone;
        this.older = older;
    }

    static boolean isLive(Version v) {
        return v != null && !v.tombstone;
    }

    KeyValue toKeyValue() {
        return new KeyValue(key, value, createRevision, modRevision);
    }

    /** The event this version's write produced. Only valid for revisions above the compacted revision. */
    WatchEvent toEvent() {
        Version previous = older;
        KeyValue prevKv = isLive(previous) ? previous.toKeyValue() : null;
        WatchEvent.Type type = tombstone ? WatchEvent.Type.DELETE : WatchEvent.Type.PUT;
        return new WatchEvent(type, toKeyValue(), prevKv);
    }

    /** The journal row that makes this version durable. Tombstones store no value: it is the previous row's. */
    LogRow toLogRow() {
        Version previous = older;
        boolean created = !tombstone && !isLive(previous);
        long prevRevision = previous == null ? 0 : previous.modRevision;
        return new LogRow(modRevision, key, created, tombstone, createRevision, prevRevision, tombstone ? null : value);
    }
}
