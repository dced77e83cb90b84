package io.capj.storage.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * The authoritative read model: every key's {@link VersionChain} in a sorted concurrent map.
 *
 * <p>Mutations ({@link #append}, {@link #compact}) require the store's write lock; reads take no lock and
 * see a consistent snapshot at any revision at or below the visible revision, because a version is
 * immutable once linked and newer versions are simply skipped.
 */
final class MvccIndex {
    private final ConcurrentSkipListMap<String, VersionChain> chains = new ConcurrentSkipListMap<>();

    /** The newest version of {@code key}, durable or not, tombstone or not; null if the key has no history. */
    Version newest(String key) {
        VersionChain chain = chains.get(key);
        return chain == null ? null : chain.newest();
    }

    /** The version of {@code key} current at {@code revision}, or null. */
    Version at(String key, long revision) {
        VersionChain chain = chains.get(key);
        return chain == null ? null : chain.at(revision);
    }

    /** Makes {@code v} the newest version of its key; {@code v.older} must be the current newest. */
    void append(Version v) {
        VersionChain chain = chains.get(v.key);
        if (chain == null) {
            chains.put(v.key, new VersionChain(v));
        } else {
            chain.push(v);
        }
    }

    /**
     * Visits, in key order, the live versions at {@code revision} of keys starting with {@code prefix},
     * from {@code startKey} inclusive (null: the first key), until {@code visitor} returns false.
     */
    void scan(String prefix, String startKey, long revision, Predicate<Version> visitor) {
        String from = startKey == null || startKey.compareTo(prefix) < 0 ? prefix : startKey;
        for (Map.Entry<String, VersionChain> entry : chains.tailMap(from, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                return;
            }
            Version v = entry.getValue().at(revision);
            if (Version.isLive(v) && !visitor.test(v)) {
                return;
            }
        }
    }

    /**
     * Compacts up to {@code maxKeys} chains starting at {@code fromKey}, removing chains left empty.
     * Bounded so the caller can release the write lock between chunks and keep writers moving.
     *
     * @return the key to continue from, or null when every chain was visited
     */
    String compact(long revision, String fromKey, int maxKeys, LongConsumer dropped) {
        int visited = 0;
        for (Map.Entry<String, VersionChain> entry : chains.tailMap(fromKey, true).entrySet()) {
            if (visited++ == maxKeys) {
                return entry.getKey();
            }
            if (entry.getValue().compact(revision, dropped)) {
                chains.remove(entry.getKey(), entry.getValue());
            }
        }
        return null;
    }
}
