package io.capj.storage.internal;

import java.util.function.Consumer;

/**
 * The journal of {@code memory://} stores: persists nothing, so every write is "durable" as soon as it is
 * appended and a restart starts empty.
 */
public final class EphemeralJournal implements Journal {
    private DurabilityListener listener;

    @Override
    public long compactedRevision() {
        return 0;
    }

    @Override
    public void replay(Consumer<LogRow> sink) {
        // nothing survives a restart
    }

    @Override
    public void start(DurabilityListener listener) {
        this.listener = listener;
    }

    @Override
    public void append(LogRow row) {
        listener.durableThrough(row.revision());
    }

    @Override
    public void compact(long revision, long[] droppedRevisions) {
        // nothing stored, nothing to delete
    }

    @Override
    public void close() {
        // nothing to release
    }
}
