package io.capj.storage.internal;

import java.util.function.LongConsumer;

/**
 * The versions of one key, newest first, as a singly linked list from a volatile head.
 *
 * <p>Writers (holding the store's write lock) push new heads; readers walk from the head without locks and
 * stop at the first version at or below the revision they read at, so a read costs the number of versions
 * written after that revision, usually zero or one. Versions newer than the visible revision may sit at the
 * head (written, not yet durable); readers skip them because they never read above the visible revision.
 */
final class VersionChain {
    private volatile Version newest;

    VersionChain(Version first) {
        this.newest = first;
    }

    Version newest() {
        return newest;
    }

    /** The version current at {@code revision} (possibly a tombstone), or null if the key did not exist yet. */
    Version at(long revision) {
        for (Version v = newest; v != null; v = v.older) {
            if (v.modRevision <= revision) {
                return v;
            }
        }
        return null;
    }

    /** Caller holds the store's write lock; {@code v.older} already points at the current head. */
    void push(Version v) {
        newest = v;
    }

    /**
     * Drops versions superseded at or before {@code revision}, and the newest version at or before it if
     * that is a tombstone. Caller holds the store's write lock.
     *
     * @param dropped receives the revision of every dropped version
     * @return true if nothing is left and the chain should leave the index
     */
    boolean compact(long revision, LongConsumer dropped) {
        Version newer = null;
        Version kept = newest;
        while (kept != null && kept.modRevision > revision) {
            newer = kept;
            kept = kept.older;
        }
        if (kept == null) {
            return false;
        }
        Version firstDropped = kept.tombstone ? kept : kept.older;
        for (Version v = firstDropped; v != null; v = v.older) {
            dropped.accept(v.modRevision);
        }
        if (!kept.tombstone) {
            kept.older = null;
            return false;
        }
        if (newer == null) {
            return true;
        }
        newer.older = null;
        return false;
    }
}
