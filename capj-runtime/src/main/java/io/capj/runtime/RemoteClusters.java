package io.capj.runtime;

import io.capj.runtime.internal.InformerCache;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients and informer caches for workload clusters, built on demand from each Cluster's
 * {@code <cluster>-kubeconfig} Secret (key {@code value}) and torn down when the Cluster object is deleted, so
 * controllers can read Nodes of the clusters they manage through the same {@link Cache} API. One connection
 * per cluster is shared by all controllers. Controllers follow workload-cluster objects with
 * {@link #watch}, and ask for indexes on them with {@link #addIndex}; both last as long as the connection
 * (a reconciler re-registers its watch on every pass, so a reconnect restores it).
 */
public final class RemoteClusters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteClusters.class);
    private static final String KUBECONFIG_KEY = "value";

    /** One workload cluster's client and cache, and the controller watches attached to it. */
    private record Connection(KubernetesClient client, InformerCache cache, Set<String> watches) {
        void close() {
            cache.close();
            client.close();
        }
    }

    /** An index every connection's cache gets on {@code kind}. */
    private record Index<T extends HasMetadata>(ResourceKind<T> kind, String name, Function<T, List<String>> function) {
        void addTo(Cache cache) {
            cache.addIndex(kind, name, function);
        }
    }

    private final Manager manager;
    private final KubernetesClient management;
    private final Duration syncTimeout;
    private final Map<Request, Connection> connections = new ConcurrentHashMap<>();
    private final List<Index<?>> indexes = new CopyOnWriteArrayList<>();

    private RemoteClusters(Manager manager, Duration syncTimeout) {
        this.manager = manager;
        this.management = manager.client();
        this.syncTimeout = syncTimeout;
    }

    /**
     * Remote clusters of {@code manager}'s management cluster, disconnected when an object of {@code clusterKind}
     * (the Cluster kind) is deleted. Call before {@link Manager#start()}.
     */
    public static RemoteClusters forManager(Manager manager, ResourceKind<? extends HasMetadata> clusterKind) {
        RemoteClusters remote = new RemoteClusters(manager, Duration.ofSeconds(30));
        manager.onDelete(clusterKind, object -> remote.disconnect(Request.of(object)));
        return remote;
    }

    /** The client of workload cluster {@code cluster} (namespace/name of the Cluster), connecting if needed. */
    public KubernetesClient client(Request cluster) {
        return connection(cluster).client();
    }

    /** The informer cache of workload cluster {@code cluster}; informers start on first read of a kind. */
    public Cache cache(Request cluster) {
        return connection(cluster).cache();
    }

    /**
     * Makes every workload cluster's cache index {@code kind} by {@code indexName} (for example Nodes by
     * {@code spec.providerID}), for connections open now and opened later. Call once, before reads of the index
     * through {@link Cache#byIndex}.
     */
    public <T extends HasMetadata> void addIndex(ResourceKind<T> kind, String indexName,
            Function<T, List<String>> indexFunc) {
        Index<T> index = new Index<>(kind, indexName, indexFunc);
        indexes.add(index);
        connections.values().forEach(c -> index.addTo(c.cache()));
    }

    /**
     * Makes controller {@code controllerName} of this manager reconcile what {@code mapper} returns for every
     * event on {@code kind} in workload cluster {@code cluster} (for example a Node to its Machine), connecting
     * if needed. Idempotent per cluster, kind and controller, so a reconciler may call it on every pass; the
     * watch ends with the connection.
     *
     * @return whether a new watch was attached
     */
    public <T extends HasMetadata> boolean watch(Request cluster, ResourceKind<T> kind, String controllerName,
            RequestMapper<? super T> mapper) {
        Connection connection = connection(cluster);
        if (!connection.watches().add(controllerName + "|" + kind)) {
            return false;
        }
        connection.cache().addHandler(kind, new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T object) {
                enqueue(object);
            }

            @Override
            public void onUpdate(T oldObject, T newObject) {
                enqueue(newObject);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                enqueue(object);
            }

            private void enqueue(T object) {
                mapper.map(object).forEach(request -> manager.enqueue(controllerName, request));
            }
        });
        LOG.debug("remote watch added cluster={} kind={} controller={}", cluster, kind, controllerName);
        return true;
    }

    /** Whether a connection to {@code cluster} is open. */
    public boolean isConnected(Request cluster) {
        return connections.containsKey(cluster);
    }

    /**
     * Health probe: whether the workload cluster's API server answers now. A failed probe is reported, not
     * thrown, so callers turn it into a RemoteConnectionProbe condition.
     */
    public boolean probe(Request cluster) {
        try {
            return client(cluster).getKubernetesVersion() != null;
        } catch (RuntimeException e) {
            LOG.debug("remote cluster probe failed cluster={}", cluster, e);
            return false;
        }
    }

    /** Closes the connection to {@code cluster}, if any; the next use reconnects. */
    public void disconnect(Request cluster) {
        Connection connection = connections.remove(cluster);
        if (connection != null) {
            connection.close();
            LOG.info("remote cluster disconnected cluster={}", cluster);
        }
    }

    @Override
    public void close() {
        connections.keySet().forEach(this::disconnect);
    }

    private Connection connection(Request cluster) {
        return connections.computeIfAbsent(cluster, this::connect);
    }

    private Connection connect(Request cluster) {
        String secretName = cluster.name() + "-kubeconfig";
        Secret secret = management.secrets().inNamespace(cluster.namespace()).withName(secretName).get();
        if (secret == null || secret.getData() == null || !secret.getData().containsKey(KUBECONFIG_KEY)) {
            throw new IllegalStateException("failed to connect to cluster " + cluster + ": Secret "
                    + cluster.namespace() + "/" + secretName + " has no '" + KUBECONFIG_KEY + "' key");
        }
        String kubeconfig = new String(Base64.getDecoder().decode(secret.getData().get(KUBECONFIG_KEY)),
                StandardCharsets.UTF_8);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig))
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
        InformerCache cache = new InformerCache(client, syncTimeout);
        indexes.forEach(index -> index.addTo(cache));
        cache.start();
        LOG.info("remote cluster connected cluster={}", cluster);
        return new Connection(client, cache, ConcurrentHashMap.newKeySet());
    }
}
