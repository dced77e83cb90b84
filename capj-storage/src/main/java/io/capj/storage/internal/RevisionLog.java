package io.capj.storage.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Every version written above the compacted revision, indexed by its revision: the history watches replay.
 *
 * <p>Each revision is exactly one write to one key, so the event of revision {@code r} is derived from the
 * version at {@code r} and the version it replaced; the log holds only references to versions the chains
 * hold anyway, never copies of values. Storage is in fixed-size segments so appends never copy and
 * compaction frees whole segments.
 *
 * <p>{@link #append} is called under the store's write lock, {@link #trimThrough} under its compaction
 * lock; they touch disjoint slots (above the visible revision versus at or below the compacted one).
 * Readers only read slots at or below the visible revision, whose writes happen-before the volatile write
 * that made them visible.
 */
final class RevisionLog {
    private static final int SEGMENT_BITS = 12;
    private static final int SEGMENT_SIZE = 1 << SEGMENT_BITS;
    private static final long SLOT_MASK = SEGMENT_SIZE - 1;

    private final ConcurrentHashMap<Long, Version[]> segments = new ConcurrentHashMap<>();

    void append(Version v) {
        long revision = v.modRevision;
        Version[] segment = segments.computeIfAbsent(revision >>> SEGMENT_BITS, k -> new Version[SEGMENT_SIZE]);
        segment[(int) (revision & SLOT_MASK)] = v;
    }

    /** The version written at {@code revision}, or null if it was compacted away or never existed. */
    Version at(long revision) {
        Version[] segment = segments.get(revision >>> SEGMENT_BITS);
        return segment == null ? null : segment[(int) (revision & SLOT_MASK)];
    }

    /** Forgets revisions at and below {@code revision}. */
    void trimThrough(long revision) {
        long boundary = revision >>> SEGMENT_BITS;
        segments.keySet().removeIf(index -> index < boundary);
        Version[] segment = segments.get(boundary);
        if (segment != null) {
            for (int slot = 0; slot <= (int) (revision & SLOT_MASK); slot++) {
                segment[slot] = null;
            }
        }
    }
}
