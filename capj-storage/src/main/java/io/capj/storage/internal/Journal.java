package io.capj.storage.internal;

import java.util.function.Consumer;

/**
 * Makes the store's writes durable. The in-memory index is the read model; the journal is only the record
 * that lets it be rebuilt after a restart.
 *
 * <p>Life cycle: the store reads {@link #compactedRevision()} and {@link #replay} once, then calls
 * {@link #start}, then {@link #append} for every write in revision order (under its write lock, so
 * implementations must only enqueue), and finally {@link #close}. The journal reports progress through the
 * {@link DurabilityListener}: revisions become durable strictly in order.
 */
public interface Journal extends AutoCloseable {

    /** The compacted revision recorded by the last {@link #compact} that became durable (0 if none). */
    long compactedRevision();

    /** Hands every durable row to {@code sink} in revision order. */
    void replay(Consumer<LogRow> sink);

    /** Starts accepting writes; progress and failure are reported to {@code listener}. */
    void start(DurabilityListener listener);

    /** Enqueues a write; it must be the next revision after the previous append. Never blocks on IO. */
    void append(LogRow row);

    /**
     * Records {@code revision} as the compacted revision, then deletes the rows {@code droppedRevisions}.
     * The revision is recorded first so that a crash half way leaves rows the store will drop again on the
     * next start, never a compacted revision newer than the rows on disk can answer for.
     */
    void compact(long revision, long[] droppedRevisions);

    /** Makes everything appended so far durable (or reports failure), then releases resources. */
    @Override
    void close();

    /** Receives the journal's progress, from the journal's own thread. */
    interface DurabilityListener {
        /** Every revision up to and including {@code revision} is durable. */
        void durableThrough(long revision);

        /** The journal cannot make further writes durable; nothing after the last durable revision will be. */
        void failed(Exception cause);
    }
}
