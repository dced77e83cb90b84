package io.capj.runtime.internal;

import io.capj.runtime.Cache;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Cache} on fabric8 {@link SharedIndexInformer}s, one per kind, cluster-wide. Informers are
 * created when a controller or a read first names their kind; before {@link #start()} they are only
 * prepared (so handlers and indexes can be attached before the first list), afterwards they start at once
 * and the first read waits for their initial list, so a reconciler never mistakes "not listed yet" for
 * "gone".
 */
public final class InformerCache implements Cache, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InformerCache.class);

    private final KubernetesClient client;
    private final Duration syncTimeout;
    private final Map<ResourceKind<?>, SharedIndexInformer<?>> informers = new ConcurrentHashMap<>();
    private final Map<ResourceKind<?>, Throwable> startFailures = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile boolean closed;

    public InformerCache(KubernetesClient client, Duration syncTimeout) {
        this.client = client;
        this.syncTimeout = syncTimeout;
    }

    /** Attaches {@code handler} to the shared informer of {@code kind}, creating the informer if needed. */
    public <T extends HasMetadata> void addHandler(ResourceKind<T> kind, ResourceEventHandler<? super T> handler) {
        informer(kind).addEventHandler(handler);
    }

    /** Starts every prepared informer; informers created later start on demand. */
    public synchronized void start() {
        started = true;
        informers.forEach((kind, informer) -> startInformer(kind, informer));
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
        String key = kind.namespaced() && namespace != null && !namespace.isEmpty() ? namespace + "/" + name : name;
        return Optional.ofNullable(syncedInformer(kind).getIndexer().getByKey(key));
    }

    @Override
    public <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace, Map<String, String> labels) {
        boolean anyNamespace = namespace == null || namespace.isEmpty() || !kind.namespaced();
        return syncedInformer(kind).getIndexer().list().stream()
                .filter(o -> anyNamespace || namespace.equals(o.getMetadata().getNamespace()))
                .filter(o -> matches(o.getMetadata().getLabels(), labels))
                .toList();
    }

    @Override
    public <T extends HasMetadata> void addIndex(ResourceKind<T> kind, String indexName,
            Function<T, List<String>> indexFunc) {
        informer(kind).addIndexers(Map.of(indexName, indexFunc));
    }

    @Override
    public <T extends HasMetadata> List<T> byIndex(ResourceKind<T> kind, String indexName, String value) {
        return syncedInformer(kind).getIndexer().byIndex(indexName, value);
    }

    @Override
    public boolean waitForSync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!informers.values().stream().allMatch(SharedIndexInformer::hasSynced)) {
            if (!startFailures.isEmpty()) {
                LOG.error("informers failed to start kinds={}", startFailures.keySet());
                return false;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether every informer is still running (none stopped after a fatal watch error). */
    public boolean healthy() {
        return !started
                || startFailures.isEmpty() && informers.values().stream().allMatch(SharedIndexInformer::isRunning);
    }

    @Override
    public void close() {
        closed = true;
        informers.values().forEach(SharedIndexInformer::close);
        informers.clear();
    }

    @SuppressWarnings("unchecked")
    <T extends HasMetadata> SharedIndexInformer<T> informer(ResourceKind<T> kind) {
        SharedIndexInformer<?> existing = informers.get(kind);
        if (existing != null) {
            return (SharedIndexInformer<T>) existing;
        }
        synchronized (this) {
            return (SharedIndexInformer<T>) informers.computeIfAbsent(kind, k -> {
                SharedIndexInformer<T> created = newInformer(kind);
                if (started) {
                    startInformer(kind, created);
                }
                return created;
            });
        }
    }

    private <T extends HasMetadata> SharedIndexInformer<T> syncedInformer(ResourceKind<T> kind) {
        SharedIndexInformer<T> informer = informer(kind);
        if (!started) {
            throw new IllegalStateException("the cache is not started; read " + kind + " after Manager.start()");
        }
        long deadline = System.nanoTime() + syncTimeout.toNanos();
        while (!informer.hasSynced() && System.nanoTime() < deadline && !startFailures.containsKey(kind)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the " + kind + " informer", e);
            }
        }
        if (!informer.hasSynced()) {
            throw new IllegalStateException("the " + kind + " informer did not sync within " + syncTimeout);
        }
        return informer;
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> SharedIndexInformer<T> newInformer(ResourceKind<T> kind) {
        SharedIndexInformer<T> informer;
        if (kind.isGeneric()) {
            informer = (SharedIndexInformer<T>) client.genericKubernetesResources(kind.definitionContext())
                    .inAnyNamespace().runnableInformer(0);
        } else {
            informer = client.resources(kind.type()).inAnyNamespace().runnableInformer(0);
        }
        informer.addIndexers(Map.of(OWNER_UID_INDEX, InformerCache::ownerUids));
        return informer;
    }

    private void startInformer(ResourceKind<?> kind, SharedIndexInformer<?> informer) {
        if (informer.isRunning()) {
            return;
        }
        LOG.debug("starting informer kind={}", kind);
        informer.start().whenComplete((ignored, error) -> {
            if (error != null && !closed) { // closing stops informers that are still listing
                startFailures.put(kind, error);
                LOG.error("informer failed to start kind={}", kind, error);
            }
        });
    }

    private static List<String> ownerUids(HasMetadata object) {
        List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
        return refs == null ? List.of() : refs.stream().map(OwnerReference::getUid).toList();
    }

    private static boolean matches(Map<String, String> actual, Map<String, String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        return actual != null && actual.entrySet().containsAll(wanted.entrySet());
    }
}
