package io.capj.apiserver.internal.handlers;

import io.capj.storage.WatchEvent;
import io.capj.storage.WatchListener;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a store watch's callbacks to the thread writing the HTTP or WebSocket stream, so a slow client
 * never blocks the store's dispatcher; the store bounds each watch's backlog.
 */
final class WatchQueue implements WatchListener {

    /** One of: a batch of events, a progress revision, or the end of the watch. */
    record Item(List<WatchEvent> events, long progress, Throwable closed) {
    }

    private final LinkedBlockingQueue<Item> items = new LinkedBlockingQueue<>();

    @Override
    public void onEvents(List<WatchEvent> events) {
        items.add(new Item(events, 0, null));
    }

    @Override
    public void onProgress(long revision) {
        items.add(new Item(null, revision, null));
    }

    @Override
    public void onClosed(Throwable error) {
        items.add(new Item(null, 0, error == null ? new IllegalStateException("watch closed") : error));
    }

    Item poll(long millis) throws InterruptedException {
        return items.poll(millis, TimeUnit.MILLISECONDS);
    }
}
