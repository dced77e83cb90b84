package io.capj.storage;

import static io.capj.storage.RecordingListener.describe;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link Store} backend must have. A backend's test extends this class and says how to
 * open its store; the etcd backend reuses it from this module's test-jar.
 *
 * <p>Each test gets a fresh, empty store from {@link #openStore()}. Restart tests close it and call
 * {@link #reopenStore()}, which must open the same data again; backends that keep nothing across restarts
 * return null there and those tests are skipped.
 */
public abstract class StoreConformanceTest {
    protected Store store;

    /** A new, empty store. Automatic compaction should be off so tests control history. */
    protected abstract Store openStore();

    /** The store of the last {@link #openStore()} opened again after a close, or null if it keeps nothing. */
    protected abstract Store reopenStore();

    @BeforeEach
    void openTheStore() {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---- revisions, CRUD and compare-and-swap ----

    @Test
    void revisionsStartAtOneAndIncreaseByOne() {
        assertThat(store.currentRevision()).isZero();
        assertThat(store.compactedRevision()).isZero();
        for (int i = 1; i <= 25; i++) {
            assertThat(store.create("/r/k" + i, bytes("v" + i))).isEqualTo(i);
            assertThat(store.currentRevision()).isEqualTo(i);
        }
        Store.ListPage page = store.list("/r/", null, 0, 0);
        assertThat(page.revision()).isEqualTo(25);
        assertThat(keys(page)).hasSize(25).isSorted().startsWith("/r/k1", "/r/k10", "/r/k11");
        assertThat(page.items()).extracting(KeyValue::modRevision)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
    }

    @Test
    void createGetUpdateDeleteAndRecreate() {
        byte[] written = bytes("one");
        long created = store.create("/a/x", written);
        written[0] = 'X'; // the store must have taken its own copy
        assertThat(render(store.get("/a/x"))).isEqualTo("one@" + created + "/" + created);

        long updated = store.update("/a/x", created, bytes("two"));
        assertThat(updated).isGreaterThan(created);
        assertThat(render(store.get("/a/x"))).isEqualTo("two@" + created + "/" + updated);

        long deleted = store.delete("/a/x", updated);
        assertThat(deleted).isGreaterThan(updated);
        assertThat(store.get("/a/x")).isNull();
        assertThat(store.count("/a/")).isZero();

        long recreated = store.create("/a/x", bytes("three"));
        assertThat(render(store.get("/a/x"))).isEqualTo("three@" + recreated + "/" + recreated);
        assertThat(store.get("/a/missing")).isNull();
    }

    @Test
    void conflictsCarryTheCurrentValueAndConsumeNoRevision() {
        long created = store.create("/c/x", bytes("one"));
        long updated = store.update("/c/x", created, bytes("two"));
        String current = "two@" + created + "/" + updated;

        assertThat(render(catchThrowableOfType(KeyExistsException.class,
                () -> store.create("/c/x", bytes("again"))).current())).isEqualTo(current);
        RevisionConflictException staleUpdate = catchThrowableOfType(RevisionConflictException.class,
                () -> store.update("/c/x", created, bytes("stale")));
        assertThat(staleUpdate.key()).isEqualTo("/c/x");
        assertThat(render(staleUpdate.current())).isEqualTo(current);
        assertThat(render(catchThrowableOfType(RevisionConflictException.class,
                () -> store.delete("/c/x", created)).current())).isEqualTo(current);
        assertThat(catchThrowableOfType(RevisionConflictException.class,
                () -> store.update("/c/missing", 1, bytes("x"))).current()).isNull();
        assertThat(catchThrowableOfType(RevisionConflictException.class,
                () -> store.delete("/c/missing", 1)).current()).isNull();
        assertThat(store.currentRevision()).isEqualTo(updated);

        store.delete("/c/x", updated);
        assertThat(catchThrowableOfType(RevisionConflictException.class,
                () -> store.update("/c/x", updated, bytes("gone"))).current()).isNull();
    }

    @Test
    void concurrentCompareAndSwapIncrementsLoseNothing() {
        int threads = 16;
        int increments = 200;
        store.create("/counter", bytes("0"));
        Concurrently.run(threads, t -> {
            for (int i = 0; i < increments; i++) {
                KeyValue current = store.get("/counter");
                while (true) {
                    try {
                        store.update("/counter", current.modRevision(), bytes(String.valueOf(number(current) + 1)));
                        break;
                    } catch (RevisionConflictException conflict) {
                        current = conflict.current();
                    }
                }
            }
        });
        assertThat(number(store.get("/counter"))).isEqualTo(threads * increments);
        assertThat(store.currentRevision()).isEqualTo(1 + threads * increments);
    }

    @Test
    void concurrentCreatesOfDistinctKeysAreAllAcknowledgedAndPresent() {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Concurrently.run(8, t -> {
            for (int i = 0; i < 150; i++) {
                String key = "/d/t" + t + "/" + i;
                acknowledged.put(key, store.create(key, bytes(key)));
            }
        });
        Map<String, Long> listed = new TreeMap<>();
        store.list("/d/", null, 0, 0).items().forEach(kv -> listed.put(kv.key(), kv.modRevision()));
        assertThat(listed).isEqualTo(acknowledged);
        assertThat(acknowledged.values()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 1200).boxed().toList());
    }

    // ---- lists and counts ----

    @Test
    void listHonoursPrefixBoundariesStartKeyAndLimit() {
        for (String key : List.of("/a/1", "/a/2", "/a/3", "/ab/1", "/b/1")) {
            store.create(key, bytes(key));
        }
        assertThat(keys(store.list("/a/", null, 0, 0))).containsExactly("/a/1", "/a/2", "/a/3");
        assertThat(keys(store.list("/a/", "/a/2", 0, 0))).containsExactly("/a/2", "/a/3");
        assertThat(keys(store.list("/a/", "/", 0, 0))).containsExactly("/a/1", "/a/2", "/a/3");
        assertThat(keys(store.list("/a/", "/z", 0, 0))).isEmpty();
        assertThat(keys(store.list("", null, 0, 0))).containsExactly("/a/1", "/a/2", "/a/3", "/ab/1", "/b/1");

        Store.ListPage exact = store.list("/a/", null, 0, 3);
        assertThat(keys(exact)).hasSize(3);
        assertThat(exact.hasMore()).isFalse();
        Store.ListPage first = store.list("/a", null, 0, 3);
        assertThat(keys(first)).containsExactly("/a/1", "/a/2", "/a/3");
        assertThat(first.nextKey()).isEqualTo("/ab/1");
    }

    @Test
    void countCountsLiveKeysUnderAPrefix() {
        long a1 = store.create("/a/1", bytes("x"));
        long a2 = store.create("/a/2", bytes("x"));
        store.create("/ab/1", bytes("x"));
        store.update("/a/1", a1, bytes("y"));
        store.delete("/a/2", a2);
        assertThat(store.count("/a/")).isEqualTo(1);
        assertThat(store.count("/a")).isEqualTo(2);
        assertThat(store.count("")).isEqualTo(2);
        assertThat(store.count("/none/")).isZero();
    }

    @Test
    void paginatedListAtAFixedRevisionIsASnapshotWhileWritesContinue() throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            store.create("/p/" + i, bytes("v" + i));
        }
        long snapshot = store.currentRevision();
        Map<String, String> expected = listAll("/p/", snapshot);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch writing = new CountDownLatch(50);
        Thread writer = new Thread(() -> churn("/p/", stop, writing));
        writer.start();
        try {
            writing.await();
            Map<String, String> paged = new TreeMap<>();
            String next = null;
            do {
                Store.ListPage page = store.list("/p/", next, snapshot, 7);
                assertThat(page.revision()).isEqualTo(snapshot);
                assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
                page.items().forEach(kv -> assertThat(paged.put(kv.key(), render(kv))).isNull());
                next = page.nextKey();
            } while (next != null);
            assertThat(paged).isEqualTo(expected);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(store.currentRevision()).isGreaterThanOrEqualTo(snapshot + 50);
        assertThat(listAll("/p/", snapshot)).isEqualTo(expected);
        assertThat(listAll("/p/", 0)).isNotEqualTo(expected);
    }

    @Test
    void listAtAPastRevisionShowsThatRevisionsState() {
        StoreModel model = new StoreModel();
        RandomWorkload workload = new RandomWorkload(store, model, new Random(5));
        for (int step = 0; step < 60; step++) {
            workload.write(step);
        }
        for (long revision = 1; revision <= model.revision(); revision++) {
            assertThat(listAll("", revision)).as("state at revision %d", revision).isEqualTo(model.stateAt(revision));
        }
    }

    @Test
    void listAboveTheCurrentRevisionIsAFutureRevision() {
        store.create("/f/1", bytes("x"));
        FutureRevisionException e = catchThrowableOfType(FutureRevisionException.class,
                () -> store.list("/f/", null, 5, 0));
        assertThat(e.requested()).isEqualTo(5);
        assertThat(e.current()).isEqualTo(1);
    }

    // ---- watches ----

    @Test
    void everyWatcherSeesEveryCommittedEventOnceInRevisionOrder() {
        store.create("/w/seed", bytes("seed"));
        long start = store.currentRevision();
        List<RecordingListener> everything = List.of(new RecordingListener(), new RecordingListener(),
                new RecordingListener());
        everything.forEach(listener -> store.watch("", start, listener));
        RecordingListener oneThread = new RecordingListener();
        store.watch("/w/t3/", start, oneThread);
        Map<Long, String> committed = new ConcurrentSkipListMap<>();
        Concurrently.run(8, t -> {
            for (int i = 0; i < 40; i++) {
                String key = "/w/t" + t + "/k" + i;
                long created = store.create(key, bytes("c" + i));
                committed.put(created, "PUT " + key + "@" + created + "=c" + i);
                long updated = store.update(key, created, bytes("u" + i));
                committed.put(updated, "PUT " + key + "@" + updated + "=u" + i);
                if (i % 2 == 0) {
                    long deleted = store.delete(key, updated);
                    committed.put(deleted, "DELETE " + key + "@" + deleted + "=u" + i);
                }
            }
        });
        long last = store.currentRevision();
        assertThat(committed.keySet())
                .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, last).boxed().toList());
        List<String> expected = List.copyOf(committed.values());
        for (RecordingListener listener : everything) {
            assertThat(describe(listener.awaitRevision(last))).containsExactlyElementsOf(expected);
            assertThat(listener.contractViolations()).isEmpty();
        }
        List<String> expectedForT3 = expected.stream().filter(e -> e.contains(" /w/t3/")).toList();
        long lastOfT3 = committed.entrySet().stream().filter(e -> e.getValue().contains(" /w/t3/"))
                .mapToLong(Map.Entry::getKey).max().orElseThrow();
        assertThat(describe(oneThread.awaitRevision(lastOfT3))).containsExactlyElementsOf(expectedForT3);
    }

    @Test
    void watchResumesAfterTheGivenRevisionAndFollowsLiveWrites() {
        List<Long> revisions = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            revisions.add(store.create("/w/" + i, bytes("v" + i)));
        }
        RecordingListener listener = new RecordingListener();
        store.watch("/w/", revisions.get(2), listener);
        long live = store.create("/w/6", bytes("v6"));
        assertThat(describe(listener.awaitRevision(live)))
                .containsExactly("PUT /w/4@4=v4", "PUT /w/5@5=v5", "PUT /w/6@6=v6");
    }

    @Test
    void prefixWatchSeesOnlyItsPrefix() {
        RecordingListener listener = new RecordingListener();
        store.watch("/a/", 0, listener);
        store.create("/a/1", bytes("x"));
        store.create("/ab/1", bytes("x"));
        store.create("/b/1", bytes("x"));
        long last = store.create("/a/2", bytes("y"));
        assertThat(describe(listener.awaitRevision(last))).containsExactly("PUT /a/1@1=x", "PUT /a/2@4=y");
    }

    @Test
    void eventsCarryPreviousValuesAndDeletesCarryTheLastValueAtTheDeletionRevision() {
        long created = store.create("/e/x", bytes("one"));
        long updated = store.update("/e/x", created, bytes("two"));
        long deleted = store.delete("/e/x", updated);
        RecordingListener listener = new RecordingListener();
        store.watch("/e/", 0, listener);
        List<WatchEvent> events = listener.awaitRevision(deleted);
        assertThat(events).hasSize(3);

        assertThat(events.get(0).isCreate()).isTrue();
        assertThat(events.get(0).prevKv()).isNull();
        assertThat(events.get(1).type()).isEqualTo(WatchEvent.Type.PUT);
        assertThat(render(events.get(1).kv())).isEqualTo("two@" + created + "/" + updated);
        assertThat(render(events.get(1).prevKv())).isEqualTo("one@" + created + "/" + created);
        assertThat(events.get(2).type()).isEqualTo(WatchEvent.Type.DELETE);
        assertThat(events.get(2).revision()).isEqualTo(deleted);
        assertThat(render(events.get(2).kv())).isEqualTo("two@" + created + "/" + deleted);
        assertThat(render(events.get(2).prevKv())).isEqualTo("two@" + created + "/" + updated);
    }

    @Test
    void watchFromAFutureRevisionStartsThere() {
        long now = store.create("/w/0", bytes("x"));
        RecordingListener listener = new RecordingListener();
        store.watch("/w/", now + 2, listener);
        store.create("/w/1", bytes("x"));
        store.create("/w/2", bytes("x"));
        long third = store.create("/w/3", bytes("x"));
        assertThat(describe(listener.awaitRevision(third))).containsExactly("PUT /w/3@" + third + "=x");
    }

    @Test
    void closedWatchGetsNoFurtherCalls() {
        RecordingListener closing = new RecordingListener();
        Watch watch = store.watch("/c/", 0, closing);
        long first = store.create("/c/1", bytes("x"));
        closing.awaitRevision(first);
        watch.close();
        RecordingListener witness = new RecordingListener();
        store.watch("/c/", first, witness);
        long second = store.create("/c/2", bytes("x"));
        witness.awaitRevision(second);
        assertThat(closing.events()).hasSize(1);
        assertThat(closing.isClosed()).isFalse();
    }

    @Test
    void idleWatchGetsProgressNotifications() {
        RecordingListener listener = new RecordingListener();
        store.watch("/quiet/", store.currentRevision(), listener);
        long elsewhere = store.create("/loud/1", bytes("x"));
        assertThat(listener.awaitProgress(elsewhere)).isEqualTo(elsewhere);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void closingTheStoreEndsItsWatchesWithAnError() {
        RecordingListener listener = new RecordingListener();
        store.watch("", 0, listener);
        store.close();
        assertThat(listener.awaitClosed()).isInstanceOf(StoreException.class);
    }

    // ---- compaction ----

    @Test
    void compactionDropsHistoryButKeepsLiveValues() {
        long a1 = store.create("/k/a", bytes("a1"));
        long a2 = store.update("/k/a", a1, bytes("a2"));
        long b1 = store.create("/k/b", bytes("b1"));
        long bDeleted = store.delete("/k/b", b1);
        long c1 = store.create("/k/c", bytes("c1"));

        store.compact(bDeleted);
        assertThat(store.compactedRevision()).isEqualTo(bDeleted);
        assertThatThrownBy(() -> store.list("/k/", null, bDeleted - 1, 0)).isInstanceOf(CompactedException.class);
        CompactedException watchBelow = catchThrowableOfType(CompactedException.class,
                () -> store.watch("/k/", bDeleted - 1, new RecordingListener()));
        assertThat(watchBelow.compacted()).isEqualTo(bDeleted);
        assertThat(listAll("/k/", bDeleted)).containsOnlyKeys("/k/a");
        assertThat(listAll("/k/", 0)).containsExactly(
                Map.entry("/k/a", "a2@" + a1 + "/" + a2), Map.entry("/k/c", "c1@" + c1 + "/" + c1));

        RecordingListener fromCompacted = new RecordingListener();
        store.watch("/k/", bDeleted, fromCompacted);
        assertThat(describe(fromCompacted.awaitRevision(c1))).containsExactly("PUT /k/c@" + c1 + "=c1");

        store.compact(a2);
        assertThat(store.compactedRevision()).isEqualTo(bDeleted);
        assertThatThrownBy(() -> store.compact(store.currentRevision() + 1))
                .isInstanceOf(FutureRevisionException.class);
        store.compact(store.currentRevision());
        assertThat(listAll("/k/", 0)).containsOnlyKeys("/k/a", "/k/c");
    }

    @Test
    void watchThatFallsBehindCompactionEndsWithCompactedException() throws InterruptedException {
        CountDownLatch inFirstCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener recorder = new RecordingListener();
        WatchListener stuck = new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                recorder.onEvents(events);
                inFirstCall.countDown();
                awaitQuietly(release);
            }

            @Override
            public void onClosed(Throwable error) {
                recorder.onClosed(error);
            }
        };
        store.watch("/s/", 0, stuck);
        long first = store.create("/s/1", bytes("x"));
        inFirstCall.await();
        long second = store.update("/s/1", first, bytes("y"));
        store.update("/s/1", second, bytes("z"));
        store.compact(store.currentRevision());
        release.countDown();
        assertThat(recorder.awaitClosed()).isInstanceOf(CompactedException.class);
        assertThat(describe(recorder.events())).containsExactly("PUT /s/1@1=x");
    }

    // ---- randomized comparison with a reference model ----

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 23, 37, 41, 59})
    void randomOperationsMatchTheReferenceModel(long seed) {
        Random random = new Random(seed);
        StoreModel model = new StoreModel();
        RandomWorkload workload = new RandomWorkload(store, model, random);
        RecordingListener watcher = new RecordingListener();
        store.watch("", 0, watcher);
        for (int step = 0; step < 250; step++) {
            int op = random.nextInt(100);
            if (op < 75) {
                String key = workload.write(step);
                assertThat(render(store.get(key))).as("get %s at step %d", key, step).isEqualTo(model.rendered(key));
            } else if (op < 80) {
                if (model.revision() > 0) {
                    watcher.awaitRevision(model.revision()); // keep the watcher above what we compact
                }
                workload.compact();
            } else {
                workload.checkList(step);
            }
            assertThat(store.currentRevision()).isEqualTo(model.revision());
            assertThat(store.count("/m/")).isEqualTo(model.current().size());
        }
        assertThat(listAll("", 0)).isEqualTo(model.current());
        assertThat(describe(watcher.awaitRevision(model.revision()))).isEqualTo(model.eventsAfter(0));
        assertThat(watcher.contractViolations()).isEmpty();
    }

    // ---- restart (backends that persist) ----

    @Test
    void acknowledgedWritesSurviveRestartAndRevisionsContinue() {
        assumeRestartable();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Concurrently.run(8, t -> {
            for (int i = 0; i < 50; i++) {
                String key = "/r/t" + t + "/k" + i;
                long created = store.create(key, bytes("v" + i));
                if (i % 5 == 0) {
                    long updated = store.update(key, created, bytes("u" + i));
                    acknowledged.put(key, "u" + i + "@" + created + "/" + updated);
                } else if (i % 7 == 0) {
                    store.delete(key, created);
                } else {
                    acknowledged.put(key, "v" + i + "@" + created + "/" + created);
                }
            }
        });
        long before = store.currentRevision();
        assertThat(listAll("/r/", 0)).isEqualTo(acknowledged);

        restart();
        assertThat(store.currentRevision()).isEqualTo(before);
        assertThat(listAll("/r/", 0)).isEqualTo(acknowledged);
        assertThat(store.create("/r/after", bytes("x"))).isEqualTo(before + 1);
    }

    @Test
    void compactedRevisionAndRetainedHistorySurviveRestart() {
        assumeRestartable();
        StoreModel model = new StoreModel();
        RandomWorkload workload = new RandomWorkload(store, model, new Random(7));
        for (int step = 0; step < 200; step++) {
            workload.write(step);
        }
        long compacted = model.revision() / 2;
        store.compact(compacted);

        restart();
        assertThat(store.compactedRevision()).isEqualTo(compacted);
        assertThat(store.currentRevision()).isEqualTo(model.revision());
        assertThatThrownBy(() -> store.list("", null, compacted - 1, 0)).isInstanceOf(CompactedException.class);
        for (long revision = compacted; revision <= model.revision(); revision++) {
            assertThat(listAll("", revision)).as("state at revision %d", revision).isEqualTo(model.stateAt(revision));
        }
        RecordingListener replay = new RecordingListener();
        store.watch("", compacted, replay);
        assertThat(describe(replay.awaitRevision(model.revision()))).isEqualTo(model.eventsAfter(compacted));
    }

    @Test
    void revisionsNeverRepeatAfterCompactingAwayTheNewestWrite() {
        assumeRestartable();
        long created = store.create("/x", bytes("x"));
        long deleted = store.delete("/x", created);
        store.compact(deleted);

        restart();
        assertThat(store.currentRevision()).isEqualTo(deleted);
        assertThat(store.compactedRevision()).isEqualTo(deleted);
        assertThat(store.create("/x", bytes("again"))).isEqualTo(deleted + 1);
    }

    // ---- helpers ----

    /** Closes the store and reopens it, or skips the test if this backend keeps nothing across restarts. */
    private void assumeRestartable() {
        restart();
        if (store == null) {
            String reason = getClass().getSimpleName() + ": this backend keeps nothing across restarts";
            System.out.println("skipping restart test: " + reason);
            Assumptions.abort(reason);
        }
    }

    private void restart() {
        store.close();
        store = reopenStore();
    }

    /** Updates, deletes and recreates keys under {@code prefix} until stopped; counts writes down on {@code writes}. */
    private void churn(String prefix, AtomicBoolean stop, CountDownLatch writes) {
        Random random = new Random(3);
        while (!stop.get()) {
            String key = prefix + random.nextInt(80);
            KeyValue current = store.get(key);
            try {
                if (current == null) {
                    store.create(key, bytes("new"));
                } else if (random.nextBoolean()) {
                    store.update(key, current.modRevision(), bytes("changed"));
                } else {
                    store.delete(key, current.modRevision());
                }
            } catch (KeyExistsException | RevisionConflictException ignored) {
                // only this thread writes, but stay robust
            }
            writes.countDown();
        }
    }

    private Map<String, String> listAll(String prefix, long revision) {
        Map<String, String> result = new TreeMap<>();
        store.list(prefix, null, revision, 0).items().forEach(kv -> result.put(kv.key(), render(kv)));
        return result;
    }

    private static List<String> keys(Store.ListPage page) {
        return page.items().stream().map(KeyValue::key).toList();
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static long number(KeyValue kv) {
        return Long.parseLong(new String(kv.value(), UTF_8));
    }

    private static String render(KeyValue kv) {
        return StoreModel.render(kv);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
