package io.capj.core.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.CapiCrds;
import io.capj.api.CapiWebhooks;
import io.capj.apimachinery.Json;
import io.capj.apiserver.ApiServer;
import io.capj.core.Trees;
import io.capj.runtime.Manager;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.ResourceKind;
import io.capj.core.CoreKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * A real embedded management plane for core controller tests: the API server (memory or SQLite store) with
 * the Cluster API CRDs and webhooks and the {@link TestProviders} kinds installed, a cluster-admin fabric8
 * client, controllers started and stopped on demand (to test a manager restart), and simulated workload
 * clusters. Tests play the providers: they flip test infrastructure and bootstrap objects to ready.
 *
 * <pre>{@code
 * try (CorePlane plane = CorePlane.start()) {
 *     plane.startControllers((manager, remotes) -> CoreControllers.register(manager, remotes));
 *     String ns = plane.newNamespace("story");
 *     ...
 * }
 * }</pre>
 */
public final class CorePlane implements AutoCloseable {
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    private final Path dataDir;
    private final ApiServer server;
    private final KubernetesClient client;
    private final List<WorkloadCluster> workloads = new ArrayList<>();
    private Manager manager;
    private RemoteClusters remotes;

    private CorePlane(Path dataDir, String storeUrl) {
        this.dataDir = dataDir;
        this.server = ApiServer.builder().dataDir(dataDir).port(0).storeUrl(storeUrl)
                .admissionHooks(CapiWebhooks.all()).build().start();
        this.client = WorkloadCluster.clientFor(server.adminKubeconfig());
        List<ObjectNode> crds = new ArrayList<>(CapiCrds.all());
        crds.addAll(TestProviders.crds());
        for (ObjectNode crd : crds) {
            client.apiextensions().v1().customResourceDefinitions()
                    .resource(Json.MAPPER.convertValue(crd, CustomResourceDefinition.class)).create();
        }
    }

    /** A plane on the memory store. */
    public static CorePlane start() {
        Path dir = tempDir();
        return new CorePlane(dir, "memory://");
    }

    /** A plane on SQLite, for tests that restart the API server. */
    public static CorePlane startDurable() {
        Path dir = tempDir();
        return new CorePlane(dir, "sqlite://" + dir.resolve("state.db"));
    }

    public KubernetesClient client() {
        return client;
    }

    /**
     * Builds a manager (fast retries, as tests want), lets {@code wiring} register controllers on it and its
     * remote-cluster cache, and starts it. Stops any manager started before.
     */
    public synchronized Manager startControllers(BiConsumer<Manager, RemoteClusters> wiring) {
        stopControllers();
        manager = Manager.builder(client).retryBackoff(Duration.ofMillis(5), Duration.ofSeconds(2))
                .retryRateLimit(1000, 1000).shutdownGrace(Duration.ofSeconds(10)).build();
        remotes = RemoteClusters.forManager(manager, CoreKinds.CLUSTER);
        wiring.accept(manager, remotes);
        manager.start();
        return manager;
    }

    /** Stops the running manager, as a crashed or restarted process would lose it. */
    public synchronized void stopControllers() {
        if (manager != null) {
            manager.close();
            remotes.close();
            manager = null;
            remotes = null;
        }
    }

    /** Creates a fresh namespace named {@code prefix-N}. */
    public String newNamespace(String prefix) {
        String name = prefix + "-" + NAMESPACES.incrementAndGet();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return name;
    }

    /**
     * Starts a workload cluster for Cluster {@code namespace/clusterName} and stores its kubeconfig as the
     * {@code <clusterName>-kubeconfig} secret, as a control-plane provider would.
     */
    public WorkloadCluster startWorkloadCluster(String namespace, String clusterName) {
        WorkloadCluster workload = WorkloadCluster.start();
        synchronized (this) {
            workloads.add(workload);
        }
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName(clusterName + "-kubeconfig").withNamespace(namespace)
                .addToLabels("cluster.x-k8s.io/cluster-name", clusterName).endMetadata()
                .withType("cluster.x-k8s.io/secret").addToStringData("value", workload.kubeconfig()).build())
                .create();
        return workload;
    }

    // ---- generic object access -------------------------------------------------------------------------

    /** Creates {@code object} (any kind with apiVersion/kind set) and returns it as stored. */
    public ObjectNode create(ResourceKind<GenericKubernetesResource> kind, ObjectNode object) {
        return Trees.of(client.genericKubernetesResources(kind.definitionContext())
                .inNamespace(object.at("/metadata/namespace").asText()).resource(Trees.generic(object)).create());
    }

    /** The object, read from the API server (not a cache). */
    public Optional<ObjectNode> get(ResourceKind<GenericKubernetesResource> kind, String namespace, String name) {
        return Optional.ofNullable(client.genericKubernetesResources(kind.definitionContext()).inNamespace(namespace)
                .withName(name).get()).map(Trees::of);
    }

    /** Every object of {@code kind} in {@code namespace}, read from the API server. */
    public List<ObjectNode> list(ResourceKind<GenericKubernetesResource> kind, String namespace) {
        return client.genericKubernetesResources(kind.definitionContext()).inNamespace(namespace).list().getItems()
                .stream().map(Trees::of).toList();
    }

    /** A JSON merge patch on the object's main resource. */
    public void mergePatch(ResourceKind<GenericKubernetesResource> kind, String namespace, String name, String patch) {
        client.genericKubernetesResources(kind.definitionContext()).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    /** A JSON merge patch on the object's status subresource. */
    public void mergePatchStatus(ResourceKind<GenericKubernetesResource> kind, String namespace, String name,
            String patch) {
        client.genericKubernetesResources(kind.definitionContext()).inNamespace(namespace).withName(name)
                .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    public void delete(ResourceKind<GenericKubernetesResource> kind, String namespace, String name) {
        client.genericKubernetesResources(kind.definitionContext()).inNamespace(namespace).withName(name).delete();
    }

    // ---- playing the providers -------------------------------------------------------------------------

    /** Marks a TestInfraCluster provisioned with an endpoint and failure domains, as an infra provider would. */
    public void provisionInfraCluster(String namespace, String name, String host, int port, String... failureDomains) {
        mergePatch(TestProviders.kind(TestProviders.INFRA_CLUSTER), namespace, name,
                "{\"spec\":{\"controlPlaneEndpoint\":{\"host\":\"" + host + "\",\"port\":" + port + "}}}");
        StringBuilder domains = new StringBuilder();
        for (String domain : failureDomains) {
            domains.append(domains.isEmpty() ? "" : ",").append("{\"name\":\"").append(domain)
                    .append("\",\"controlPlane\":true}");
        }
        mergePatchStatus(TestProviders.kind(TestProviders.INFRA_CLUSTER), namespace, name,
                "{\"status\":{\"initialization\":{\"provisioned\":true},\"failureDomains\":[" + domains + "]}}");
    }

    /** Marks a TestInfraMachine provisioned with {@code providerID} and an internal address. */
    public void provisionInfraMachine(String namespace, String name, String providerID) {
        mergePatch(TestProviders.kind(TestProviders.INFRA_MACHINE), namespace, name,
                "{\"spec\":{\"providerID\":\"" + providerID + "\"}}");
        mergePatchStatus(TestProviders.kind(TestProviders.INFRA_MACHINE), namespace, name,
                "{\"status\":{\"initialization\":{\"provisioned\":true},"
                        + "\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.0.0.1\"}]}}");
    }

    /** Writes a bootstrap data secret named after the TestBootstrapConfig and marks the config ready. */
    public void bootstrapReady(String namespace, String name) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata().withType("cluster.x-k8s.io/secret")
                .addToStringData("value", "#cloud-config\n").addToStringData("format", "cloud-config").build())
                .createOr(existing -> existing.update());
        mergePatchStatus(TestProviders.kind(TestProviders.BOOTSTRAP_CONFIG), namespace, name,
                "{\"status\":{\"dataSecretName\":\"" + name + "\",\"initialization\":{\"dataSecretCreated\":true}}}");
    }

    @Override
    public void close() {
        stopControllers();
        List<WorkloadCluster> started;
        synchronized (this) {
            started = List.copyOf(workloads);
        }
        started.forEach(WorkloadCluster::close);
        client.close();
        server.close();
        deleteTree(dataDir);
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("capj-core-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to delete " + dir, e);
        }
    }
}
