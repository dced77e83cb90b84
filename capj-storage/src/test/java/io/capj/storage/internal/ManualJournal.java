package io.capj.storage.internal;

import org.assertj.core.api.Assertions;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A journal whose commits and failures the test performs by hand, to observe the store in between. */
final class ManualJournal implements Journal {
    private final BlockingQueue<LogRow> appended = new LinkedBlockingQueue<>();
    private volatile DurabilityListener listener;

    @Override
    public long compactedRevision() {
        return 0;
    }

    @Override
    public void replay(Consumer<LogRow> sink) {
    }

    @Override
    public void start(DurabilityListener listener) {
        this.listener = listener;
    }

    @Override
    public void append(LogRow row) {
        appended.add(row);
    }

    @Override
    public void compact(long revision, long[] droppedRevisions) {
    }

    @Override
    public void close() {
    }

    /** The next row a writer handed over, waiting for it if needed. */
    LogRow awaitAppended() throws InterruptedException {
        LogRow row = appended.poll(30, TimeUnit.SECONDS);
        if (row == null) {
            Assertions.fail("no row appended within 30s");
        }
        return row;
    }

    void commitThrough(long revision) {
        listener.durableThrough(revision);
    }

    void failWith(Exception cause) {
        listener.failed(cause);
    }
}
