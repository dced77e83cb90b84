package io.capj.core.testing;

import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays every test provider at once, as fast as it can: provisions each TestInfraCluster, marks each
 * TestBootstrapConfig ready with a data secret, provisions each TestInfraMachine and registers a Ready Node
 * for it in its Cluster's workload cluster, and initializes each TestControlPlane. Used by user stories and
 * the scale benchmark, where stepping providers by hand would drown the story. Clusters whose workload
 * cluster was not {@link #register registered} get no Nodes.
 */
public final class SimulatedProvider implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedProvider.class);

    private final CorePlane plane;
    private final Map<String, WorkloadCluster> workloads = new ConcurrentHashMap<>();
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "simulated-provider");
        thread.setDaemon(true);
        return thread;
    });

    private SimulatedProvider(CorePlane plane) {
        this.plane = plane;
    }

    /** Starts playing the providers of every namespace of {@code plane}. */
    public static SimulatedProvider start(CorePlane plane) {
        SimulatedProvider provider = new SimulatedProvider(plane);
        provider.inform(TestProviders.INFRA_CLUSTER, provider::provisionCluster);
        provider.inform(TestProviders.BOOTSTRAP_CONFIG, provider::bootstrap);
        provider.inform(TestProviders.INFRA_MACHINE, provider::provisionMachine);
        provider.inform(TestProviders.CONTROL_PLANE, provider::initializeControlPlane);
        return provider;
    }

    /** Nodes for machines of Cluster {@code namespace/cluster} are created in {@code workload}. */
    public SimulatedProvider register(String namespace, String cluster, WorkloadCluster workload) {
        workloads.put(namespace + "/" + cluster, workload);
        return this;
    }

    private void inform(String kindName, Consumer<GenericKubernetesResource> action) {
        ResourceKind<GenericKubernetesResource> kind = TestProviders.kind(kindName);
        KubernetesClient client = plane.client();
        SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(
                kind.definitionContext()).inAnyNamespace().inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource object) {
                        submit(action, object);
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource object) {
                        submit(action, object);
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource object, boolean unknownFinalState) {
                    }
                }, 30_000L);
        informers.add(informer);
    }

    private void submit(Consumer<GenericKubernetesResource> action, GenericKubernetesResource object) {
        if (object.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        workers.submit(() -> {
            try {
                action.accept(object);
            } catch (RuntimeException e) {
                LOG.debug("simulated provider step failed object={}: {}", object.getMetadata().getName(),
                        e.getMessage());
            }
        });
    }

    private void provisionCluster(GenericKubernetesResource cluster) {
        if (!provisioned(cluster)) {
            plane.provisionInfraCluster(cluster.getMetadata().getNamespace(), cluster.getMetadata().getName(),
                    "127.0.0.1", 6443, "fd1", "fd2", "fd3");
        }
    }

    private void bootstrap(GenericKubernetesResource config) {
        if (!Boolean.TRUE.equals(status(config, "initialization", "dataSecretCreated"))) {
            plane.bootstrapReady(config.getMetadata().getNamespace(), config.getMetadata().getName());
        }
    }

    private void provisionMachine(GenericKubernetesResource machine) {
        String namespace = machine.getMetadata().getNamespace();
        String name = machine.getMetadata().getName();
        String providerID = "test://" + namespace + "/" + name;
        if (!provisioned(machine)) {
            plane.provisionInfraMachine(namespace, name, providerID);
        }
        String cluster = machine.getMetadata().getLabels() == null ? null
                : machine.getMetadata().getLabels().get("cluster.x-k8s.io/cluster-name");
        WorkloadCluster workload = cluster == null ? null : workloads.get(namespace + "/" + cluster);
        if (workload != null && workload.client().nodes().withName(name).get() == null) {
            workload.createNode(name, providerID);
        }
    }

    private void initializeControlPlane(GenericKubernetesResource controlPlane) {
        if (!Boolean.TRUE.equals(status(controlPlane, "initialization", "controlPlaneInitialized"))) {
            plane.mergePatchStatus(TestProviders.kind(TestProviders.CONTROL_PLANE),
                    controlPlane.getMetadata().getNamespace(), controlPlane.getMetadata().getName(),
                    "{\"status\":{\"initialization\":{\"controlPlaneInitialized\":true}}}");
        }
    }

    private static boolean provisioned(GenericKubernetesResource object) {
        return Boolean.TRUE.equals(status(object, "initialization", "provisioned"));
    }

    private static Object status(GenericKubernetesResource object, String... path) {
        Object value = object.getAdditionalProperties().get("status");
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
