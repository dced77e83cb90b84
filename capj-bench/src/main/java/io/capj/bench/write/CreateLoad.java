package io.capj.bench.write;

import io.capj.bench.write.WriteBenchOptions.HttpClientMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * N closed-loop {@link CreateClient}s on N platform threads, released together, creating into one
 * collection through a {@link LoadWindow}; the result merges their histograms and counters. Each client
 * has its own HTTP/2 connection ({@link HttpClientMode#PER_CLIENT}, like N controllers or kubectl
 * processes) or all share one ({@link HttpClientMode#SHARED}, like one client-go transport).
 */
public final class CreateLoad {
    private final int clients;
    private final HttpClientMode mode;
    private final Supplier<PlaneClient> connections;
    private final String collectionPath;
    private final CreateBodies bodies;

    public CreateLoad(int clients, HttpClientMode mode, Supplier<PlaneClient> connections, String collectionPath,
                      CreateBodies bodies) {
        this.clients = clients;
        this.mode = mode;
        this.connections = connections;
        this.collectionPath = collectionPath;
        this.bodies = bodies;
    }

    /** Runs warmup then a timed window ({@code count == 0}) or {@code count} measured creates. */
    public LoadResult run(Duration warmup, Duration duration, long count) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        FailureSamples failures = new FailureSamples(5);
        List<CreateClient> load = clients(gate, failures);
        List<Thread> threads = new ArrayList<>();
        for (CreateClient client : load) {
            Thread thread = new Thread(client, "write-bench-client-" + threads.size());
            threads.add(thread);
            thread.start();
        }
        long start = System.nanoTime();
        LoadWindow window = count > 0 ? LoadWindow.counted(start, warmup, count)
                : LoadWindow.timed(start, warmup, duration);
        load.forEach(c -> c.window(window));
        gate.countDown();
        sleepUntil(window.measureStartNanos());
        ProcessCounters atStart = ProcessCounters.now();
        ProcessCounters atEnd = null;
        if (!window.isCounted()) {
            sleepUntil(window.measureEndNanos());
            atEnd = ProcessCounters.now();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (atEnd == null) {
            atEnd = ProcessCounters.now();
        }
        return merge(load, window, failures, atEnd.since(atStart));
    }

    private List<CreateClient> clients(CountDownLatch gate, FailureSamples failures) {
        PlaneClient shared = mode == HttpClientMode.SHARED ? connections.get() : null;
        List<CreateClient> load = new ArrayList<>();
        for (int id = 0; id < clients; id++) {
            PlaneClient connection = shared != null ? shared : connections.get();
            load.add(new CreateClient(id, connection, collectionPath, bodies, gate, failures));
        }
        return load;
    }

    private LoadResult merge(List<CreateClient> load, LoadWindow window, FailureSamples failures,
                             ProcessCounters.Usage usage) {
        LatencyHistogram latency = new LatencyHistogram();
        long measured = 0;
        long measuredErrors = 0;
        long total = 0;
        long totalErrors = 0;
        long lastCompletion = window.measureStartNanos();
        for (CreateClient client : load) {
            latency.add(client.latency());
            measured += client.measuredCreates();
            measuredErrors += client.measuredErrors();
            total += client.totalCreated();
            totalErrors += client.totalErrors();
            lastCompletion = Math.max(lastCompletion, client.lastMeasuredCompletion());
        }
        long windowEnd = window.isCounted() ? lastCompletion : window.measureEndNanos();
        double seconds = (windowEnd - window.measureStartNanos()) / 1e9;
        return new LoadResult(clients, seconds, measured, measuredErrors, latency, total, totalErrors,
                failures.samples(), usage);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000), 0);
        }
    }
}
