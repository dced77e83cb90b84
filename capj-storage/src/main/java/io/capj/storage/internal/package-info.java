/**
 * The engine behind every {@link io.capj.storage.Store} URL: one MVCC core that the {@code memory://} and
 * {@code sqlite://} backends share, differing only in their {@link io.capj.storage.internal.Journal}.
 *
 * <p><b>Why memory is the read model.</b> The API server lists whole prefixes at a revision and replays
 * history to watches all the time, and our data (tens of thousands of objects) fits in memory. So every
 * read is served from {@link io.capj.storage.internal.MvccIndex}: a sorted map from key to a
 * {@link io.capj.storage.internal.VersionChain} (newest-first linked versions, each with mod revision,
 * create revision and value or tombstone). A read at revision R takes, per key, the newest version at or
 * below R and skips tombstones; prefix scans walk the sorted map. SQL is never on the read path, so the
 * journal only has to be good at appending.
 *
 * <p><b>Why one global revision, assigned in memory.</b> Every write takes the next value of one counter
 * under one write lock, where its compare-and-swap is also checked, against the newest version even if
 * that is not durable yet. Serializing here (not in the database) is what lets the SQLite journal commit
 * many writes with one fsync.
 *
 * <p><b>Why visibility waits for durability.</b> Readers and watchers never look above
 * {@link io.capj.storage.internal.VisibleRevision}, which the journal advances, in order, only after a
 * commit is on disk; the writer's call returns only then. A value anyone observed therefore survives a
 * crash. If the journal fails, the visible revision freezes and the store rejects writes.
 *
 * <p><b>Why watches read a shared log.</b> Each revision is one write, so
 * {@link io.capj.storage.internal.RevisionLog} maps revision to version (references, not copies) for the
 * retained window, and the event of revision r is that version and the one it replaced. A watch is a
 * cursor into this log, advanced on dispatcher threads that all stores share (a process may hold thousands
 * of memory stores, one per simulated workload cluster). Replay and live delivery are one loop, so order,
 * no gaps and no duplicates hold by construction; a slow watch costs no memory and never blocks a writer;
 * a watch that lags too far (or below compaction) is closed so its client re-watches.
 *
 * <p><b>Compaction</b> drops, per key, versions superseded at or before the target and tombstones at or
 * before it, in memory under short holds of the write lock, then has the journal persist the compacted
 * revision and delete the same rows. {@code AutoCompactor} runs it periodically.
 *
 * <p>This package must not know any journal's storage technology, nor anything about Kubernetes.
 */
package io.capj.storage.internal;
