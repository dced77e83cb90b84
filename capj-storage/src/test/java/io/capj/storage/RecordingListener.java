package io.capj.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A {@link WatchListener} that records what it is told and lets a test wait for it. Waits end after a
 * generous safety timeout with a failure describing what arrived, so a broken store fails a test instead
 * of hanging it; no test asserts on how long anything took.
 */
public class RecordingListener implements WatchListener {
    private static final Duration SAFETY_TIMEOUT = Duration.ofSeconds(30);

    private final AtomicInteger callsInProgress = new AtomicInteger();
    private final List<WatchEvent> events = new ArrayList<>();
    private final List<Long> progress = new ArrayList<>();
    private final List<String> contractViolations = new ArrayList<>();
    private Throwable closedWith;
    private boolean closed;

    @Override
    public void onEvents(List<WatchEvent> batch) {
        enter();
        try {
            synchronized (this) {
                if (batch.isEmpty()) {
                    contractViolations.add("empty batch");
                }
                if (closed) {
                    contractViolations.add("events after onClosed");
                }
                events.addAll(batch);
                notifyAll();
            }
        } finally {
            callsInProgress.decrementAndGet();
        }
    }

    @Override
    public void onProgress(long revision) {
        enter();
        try {
            synchronized (this) {
                progress.add(revision);
                notifyAll();
            }
        } finally {
            callsInProgress.decrementAndGet();
        }
    }

    @Override
    public synchronized void onClosed(Throwable error) {
        if (closed) {
            contractViolations.add("onClosed twice");
        }
        closed = true;
        closedWith = error;
        notifyAll();
    }

    private void enter() {
        if (callsInProgress.incrementAndGet() > 1) {
            synchronized (this) {
                contractViolations.add("concurrent listener calls");
            }
        }
    }

    public synchronized List<WatchEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<Long> progress() {
        return List.copyOf(progress);
    }

    public synchronized List<String> contractViolations() {
        return List.copyOf(contractViolations);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Waits until an event with revision {@code revision} or later arrived; returns all events so far. */
    public synchronized List<WatchEvent> awaitRevision(long revision) {
        awaitCondition(() -> !events.isEmpty() && events.get(events.size() - 1).revision() >= revision,
                "an event at revision " + revision, true);
        return List.copyOf(events);
    }

    /** Waits until the watch ended; returns the error it ended with. */
    public synchronized Throwable awaitClosed() {
        awaitCondition(() -> closed, "onClosed", false);
        return closedWith;
    }

    /** Waits for a progress notification at {@code revision} or later. */
    public synchronized long awaitProgress(long revision) {
        awaitCondition(() -> !progress.isEmpty() && progress.get(progress.size() - 1) >= revision,
                "progress at revision " + revision, true);
        return progress.get(progress.size() - 1);
    }

    private void awaitCondition(BooleanSupplier done, String what, boolean failIfClosed) {
        long deadline = System.nanoTime() + SAFETY_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (closed && failIfClosed) {
                fail("watch closed with " + closedWith + " while waiting for " + what
                        + "; events: " + describe(events));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no " + what + " within " + SAFETY_TIMEOUT + "; events: " + describe(events)
                        + ", progress: " + progress);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    /** A compact, comparable rendering: {@code "PUT /k@7=value"}. */
    public static String describe(WatchEvent event) {
        return event.type() + " " + event.kv().key() + "@" + event.revision() + "="
                + new String(event.kv().value(), UTF_8);
    }

    public static List<String> describe(List<WatchEvent> events) {
        return events.stream().map(RecordingListener::describe).toList();
    }
}
