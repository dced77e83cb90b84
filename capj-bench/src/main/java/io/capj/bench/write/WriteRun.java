package io.capj.bench.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One configuration of the write benchmark, start to finish: a fresh server (so every client count starts
 * from an empty store), the CRD, a namespace, the watcher, the load, then the correctness checks (the
 * watcher saw every create, a full list finds exactly them), the server's shutdown, and finally the raw
 * SQLite baseline with the same thread count, run after the server stopped so the two do not compete for
 * the cores.
 */
public final class WriteRun {
    static final String NAMESPACE = "write-bench";
    private static final Duration WATCH_DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final WriteBenchOptions options;

    public WriteRun(WriteBenchOptions options) {
        this.options = options;
    }

    /** Runs the benchmark with {@code clients} concurrent clients. */
    public WriteRunResult run(int clients) throws InterruptedException {
        CreateBodies bodies = new CreateBodies(options.bodyBytes());
        String collection = BenchItemKind.collectionPath(NAMESPACE);
        LoadResult load;
        long listed;
        CreateWatcher watcher;
        String fsType;
        try (BenchPlane plane = BenchPlane.start(options.store(), options.workDir())) {
            fsType = fileStoreType(plane.dataDir());
            plane.defineKind();
            plane.createNamespace(NAMESPACE);
            String revision = plane.listRevision(NAMESPACE);
            watcher = CreateWatcher.open(plane.newClient(), collection, revision);
            try {
                progress("clients=%d: load running (%s warmup, then %s)", clients, options.warmup(),
                        options.count() > 0 ? options.count() + " creates" : options.duration());
                load = new CreateLoad(clients, options.httpClients(), plane::newClient, collection, bodies)
                        .run(options.warmup(), options.duration(), options.count());
                watcher.awaitAdded(load.totalCreated(), WATCH_DRAIN_TIMEOUT);
                listed = plane.countItems(NAMESPACE);
            } finally {
                watcher.close();
            }
        }
        progress("clients=%d: measuring the raw SQLite baseline", clients);
        RawStoreBaseline.Measurement raw = RawStoreBaseline.measure(options.workDir(), clients,
                options.rawDuration(), options.bodyBytes());
        return new WriteRunResult(load, raw, watcher.added(), watcher.otherEvents(), watcher.errorEvents(),
                watcher.endedBecause(), listed, fsType);
    }

    private static String fileStoreType(Path dir) {
        try {
            return Files.getFileStore(dir).type();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void progress(String format, Object... args) {
        System.err.println("write-bench: " + String.format(format, args));
    }
}
