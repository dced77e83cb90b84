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
        WriteRunResult api;
        try (BenchPlane plane = BenchPlane.start(options.store(), options.workDir())) {
            plane.defineKind();
            plane.createNamespace(NAMESPACE);
            String revision = plane.listRevision(NAMESPACE);
            try (CreateWatcher watcher = CreateWatcher.open(plane.newClient(), collection, revision)) {
                progress("clients=%d: load running (%d ms warmup, then %s)", clients, options.warmup().toMillis(),
                        options.count() > 0 ? options.count() + " creates" : options.duration().toMillis() + " ms");
                LoadResult load = new CreateLoad(clients, options.httpClients(), plane::newClient, collection, bodies)
                        .run(options.warmup(), options.duration(), options.count());
                watcher.awaitAdded(load.totalCreated(), WATCH_DRAIN_TIMEOUT);
                long listed = plane.countItems(NAMESPACE);
                api = new WriteRunResult(load, null, watcher.added(), watcher.otherEvents(), watcher.errorEvents(),
                        watcher.endedBecause(), listed, fileStoreType(plane.dataDir()));
            }
        }
        progress("clients=%d: measuring the raw SQLite baseline", clients);
        RawStoreBaseline.Measurement raw = RawStoreBaseline.measure(options.workDir(), clients,
                options.rawDuration(), options.bodyBytes());
        return api.withRaw(raw);
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
