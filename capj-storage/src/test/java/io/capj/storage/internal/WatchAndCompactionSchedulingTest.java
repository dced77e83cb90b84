package io.capj.storage.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.capj.storage.RecordingListener;
import io.capj.storage.StoreException;
import io.capj.storage.WatchEvent;
import io.capj.storage.WatchListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store's background duties with their knobs turned down: watch backlog limit and automatic compaction. */
class WatchAndCompactionSchedulingTest {

    @Test
    void aWatchBlockedInItsListenerNeitherBlocksWritersNorLagsForeverButIsClosed() throws InterruptedException {
        StoreOptions options = StoreOptions.defaults().withCompactInterval(Duration.ZERO)
                .withMaxWatchBacklog(20).withProgressInterval(Duration.ofMillis(50));
        try (MvccStore store = new MvccStore("backlog", new EphemeralJournal(), options)) {
            CountDownLatch inFirstCall = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            RecordingListener recorder = new RecordingListener();
            store.watch("", 0, new WatchListener() {
                @Override
                public void onEvents(List<WatchEvent> events) {
                    recorder.onEvents(events);
                    inFirstCall.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void onClosed(Throwable error) {
                    recorder.onClosed(error);
                }
            });
            store.create("/first", bytes("x"));
            inFirstCall.await();
            for (int i = 0; i < 50; i++) {
                store.create("/k" + i, bytes("x"));
            }
            assertThat(store.currentRevision()).isEqualTo(51);
            release.countDown();
            assertThat(recorder.awaitClosed()).isInstanceOf(StoreException.class).hasMessageContaining("behind");
        }
    }

    @Test
    void automaticCompactionKeepsTheRetainedWindow() throws InterruptedException {
        StoreOptions options = StoreOptions.defaults()
                .withRetainRevisions(10).withCompactInterval(Duration.ofMillis(20));
        try (MvccStore store = new MvccStore("auto", new EphemeralJournal(), options)) {
            for (int i = 0; i < 30; i++) {
                store.create("/k" + i, bytes("x"));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.compactedRevision() != 20) {
                if (System.nanoTime() > deadline) {
                    fail("automatic compaction did not reach revision 20; at " + store.compactedRevision());
                }
                Thread.sleep(10);
            }
            assertThat(store.count("")).isEqualTo(30);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
