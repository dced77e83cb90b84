package io.capj.storage;

import java.util.List;

/** Receives a watch's events in revision order. Called from a single store thread per watch. */
public interface WatchListener {

    /** A batch of consecutive events, never empty. */
    void onEvents(List<WatchEvent> events);

    /**
     * The revision the watch has caught up to when nothing matched: every change up to {@code revision}
     * has been delivered. Lets callers send bookmarks. Optional.
     */
    default void onProgress(long revision) {
    }

    /** The watch ended because of {@code error} (for example the store closed); no more calls follow. */
    default void onClosed(Throwable error) {
    }
}
