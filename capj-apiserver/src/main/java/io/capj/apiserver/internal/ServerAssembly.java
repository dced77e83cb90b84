package io.capj.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apiserver.internal.controllers.CrdController;
import io.capj.apiserver.internal.controllers.EventExpiry;
import io.capj.apiserver.internal.controllers.GarbageCollector;
import io.capj.apiserver.internal.controllers.NamespaceController;
import io.capj.apiserver.internal.handlers.ApiContext;
import io.capj.apiserver.internal.handlers.CreateHandler;
import io.capj.apiserver.internal.handlers.DeleteHandler;
import io.capj.apiserver.internal.handlers.EvictionHandler;
import io.capj.apiserver.internal.handlers.FieldManager;
import io.capj.apiserver.internal.handlers.GetHandler;
import io.capj.apiserver.internal.handlers.ListHandler;
import io.capj.apiserver.internal.handlers.ObjectWriter;
import io.capj.apiserver.internal.handlers.PatchHandler;
import io.capj.apiserver.internal.handlers.Responses;
import io.capj.apiserver.internal.handlers.TableRenderer;
import io.capj.apiserver.internal.handlers.UpdateHandler;
import io.capj.apiserver.internal.handlers.WatchHandler;
import io.capj.apiserver.internal.http.DiscoveryEndpoints;
import io.capj.apiserver.internal.http.JettyApiHandler;
import io.capj.apiserver.internal.http.NonResourceEndpoints;
import io.capj.apiserver.internal.http.RequestMetrics;
import io.capj.apiserver.internal.http.Router;
import io.capj.apiserver.internal.registry.BuiltinKinds;
import io.capj.apiserver.internal.registry.Registry;
import io.capj.apiserver.internal.store.ObjectStore;
import io.capj.apimachinery.admission.AdmissionHooks;
import io.capj.apiserver.security.Authenticator;
import io.capj.apiserver.security.Kubeconfig;
import io.capj.apiserver.security.Pki;
import io.capj.certs.CertifiedKey;
import io.capj.storage.Store;
import io.capj.storage.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds and owns one running server: store, registry, handlers, controllers and the HTTPS listener,
 * started in dependency order and closed in reverse.
 */
public final class ServerAssembly implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerAssembly.class);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Store store;
    private Pki pki;
    private Registry registry;
    private ObjectStore objects;
    private HttpsListener listener;
    private RequestMetrics metrics;

    private ServerAssembly() {
    }

    /**
     * Starts a server with {@code ca} as its CA when not null; {@code crds} are installed (created or brought up to date) before it takes requests.
     */
    public static ServerAssembly start(Path dataDir, String host, int port, String storeUrl, AdmissionHooks hooks,
                                       List<ObjectNode> crds, CertifiedKey ca) {
        ServerAssembly a = new ServerAssembly();
        try {
            a.startAll(dataDir, host, port, storeUrl, hooks, crds, ca);
            return a;
        } catch (RuntimeException | IOException e) {
            a.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private void startAll(Path dataDir, String host, int port, String storeUrl, AdmissionHooks hooks,
                          List<ObjectNode> crds, CertifiedKey ca) throws IOException {
        long t0 = System.nanoTime();
        StartupDefinitions.warmUp(crds, hooks);
        Clock clock = Clock.systemUTC();
        // creates the data directory 0700 when it is new
        pki = ca == null ? Pki.loadOrCreate(dataDir) : Pki.loadOrCreate(dataDir, ca);
        long t1 = System.nanoTime();
        store = Stores.open(storeUrl);
        closeables.add(store);
        long t2 = System.nanoTime();
        registry = new Registry();
        registry.registerBuiltins(BuiltinKinds.all());
        objects = new ObjectStore(store);
        ApiContext ctx = new ApiContext(registry, objects, clock);
        FieldManager fields = new FieldManager(clock);
        CrdController crdController = new CrdController(store, registry, clock, hooks);
        closeables.add(crdController);
        ObjectWriter writer = new ObjectWriter(ctx, fields, (type, object) -> {
            if (type.definition().kind().equals("CustomResourceDefinition") && type.definition().builtin()) {
                crdController.register(object);
            }
        });
        long t3 = System.nanoTime();
        crdController.start();
        StartupDefinitions.ensure(ctx, writer, crds);
        long t4 = System.nanoTime();
        DefaultNamespaces.ensure(objects, registry, clock);
        startControllers(clock);
        listener = HttpsListener.create(host, port, pki);
        closeables.add(listener);
        metrics = new RequestMetrics(store::currentRevision);
        Router router = router(ctx, writer, fields, listener, metrics);
        listener.start(new JettyApiHandler(Authenticator.forPki(pki), router, metrics));
        Kubeconfig.write(dataDir.resolve("admin.kubeconfig"), "https://" + host + ":" + listener.port(), pki);
        long t5 = System.nanoTime();
        LOG.info("started port={} revision={} pkiMillis={} storeMillis={} crdMillis={} serveMillis={}",
                listener.port(), store.currentRevision(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t4 - t3) / 1_000_000, (t3 - t2 + t5 - t4) / 1_000_000);
    }

    /** The {@code /metrics} registry; other parts of the process add their metrics to it. */
    public RequestMetrics metrics() {
        return metrics;
    }

    private void startControllers(Clock clock) {
        GarbageCollector gc = new GarbageCollector(store, registry, clock);
        gc.start();
        closeables.add(gc);
        NamespaceController namespaces = new NamespaceController(store, registry, clock);
        namespaces.start();
        closeables.add(namespaces);
        EventExpiry events = new EventExpiry(store, clock, Duration.ofHours(1));
        events.start();
        closeables.add(events);
    }

    private Router router(ApiContext ctx, ObjectWriter writer, FieldManager fields, HttpsListener https,
                          RequestMetrics metrics) {
        TableRenderer tables = Tables.renderer(ctx.clock());
        Responses responses = new Responses(tables);
        DeleteHandler deletes = new DeleteHandler(ctx, responses);
        Router.Verbs verbs = new Router.Verbs(new CreateHandler(writer, responses), new GetHandler(ctx, responses),
                new ListHandler(ctx, responses), new UpdateHandler(ctx, writer, responses),
                new PatchHandler(ctx, writer, fields, responses), deletes,
                new WatchHandler(ctx, tables), new EvictionHandler(deletes));
        ExecutorService streams = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "capj-websocket-watch");
            t.setDaemon(true);
            return t;
        });
        closeables.add(streams::shutdownNow);
        NonResourceEndpoints nonResource = new NonResourceEndpoints(new DiscoveryEndpoints(registry), metrics,
                () -> true);
        return new Router(registry, nonResource, verbs, https.webSockets(), streams);
    }

    public int port() {
        return listener.port();
    }

    public Store store() {
        return store;
    }

    public Pki pki() {
        return pki;
    }

    public Registry registry() {
        return registry;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("close failed", e);
            }
        }
        closeables.clear();
    }
}
