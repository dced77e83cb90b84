package io.capj.storage.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.storage.KeyExistsException;
import io.capj.storage.RecordingListener;
import io.capj.storage.StoreException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the store shows between handing a write to its journal and the journal making it durable, and what
 * happens when the journal fails: the parts of the write path the conformance suite cannot stop half way.
 */
class MvccStoreDurabilityTest {
    private final ManualJournal journal = new ManualJournal();
    private final MvccStore store = new MvccStore("manual", journal,
            StoreOptions.defaults().withCompactInterval(java.time.Duration.ZERO));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aWriteIsInvisibleUntilDurableAndConflictsWithItReportOnlyThen() throws Exception {
        RecordingListener watcher = new RecordingListener();
        store.watch("", 0, watcher);
        CompletableFuture<Long> write = inBackground(() -> store.create("/k", bytes("v")));
        assertThat(journal.awaitAppended().revision()).isEqualTo(1);

        assertThat(store.get("/k")).isNull();
        assertThat(store.currentRevision()).isZero();
        assertThat(store.list("", null, 0, 0).items()).isEmpty();
        assertThat(store.count("")).isZero();
        assertThat(watcher.events()).isEmpty();
        assertThat(write).isNotDone();
        CompletableFuture<Long> conflicting = inBackground(() -> store.create("/k", bytes("other")));

        journal.commitThrough(1);
        assertThat(write.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(store.get("/k").modRevision()).isEqualTo(1);
        assertThat(RecordingListener.describe(watcher.awaitRevision(1))).containsExactly("PUT /k@1=v");
        ExecutionException conflict = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> conflicting.get(30, TimeUnit.SECONDS));
        assertThat(conflict.getCause()).isInstanceOfSatisfying(KeyExistsException.class,
                e -> assertThat(e.current().modRevision()).isEqualTo(1));
    }

    @Test
    void aJournalFailureFailsWaitingWritesAndPutsTheStoreIntoAFailedState() throws Exception {
        CompletableFuture<Long> first = inBackground(() -> store.create("/a", bytes("durable")));
        journal.commitThrough(journal.awaitAppended().revision());
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);

        CompletableFuture<Long> lost = inBackground(() -> store.create("/b", bytes("lost")));
        journal.awaitAppended();
        journal.failWith(new IOException("disk full"));

        ExecutionException failure = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> lost.get(30, TimeUnit.SECONDS));
        assertThat(failure.getCause()).isInstanceOf(StoreException.class).hasMessageContaining("disk full");
        assertThatThrownBy(() -> store.create("/c", bytes("rejected")))
                .isInstanceOf(StoreException.class).hasMessageContaining("failed state");
        assertThat(store.currentRevision()).isEqualTo(1);
        assertThat(store.get("/a")).isNotNull();
        assertThat(store.get("/b")).isNull();
    }

    private static CompletableFuture<Long> inBackground(Supplier<Long> write) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(write.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
