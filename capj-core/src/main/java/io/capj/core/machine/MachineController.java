package io.capj.core.machine;

import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.core.ClusterChanges;
import io.capj.core.CoreKinds;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.Manager;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Wires the Machine controller ({@value #NAME}): Machines, their Cluster, the provider objects they reference
 * (watched as they are discovered) and the Nodes of each workload cluster. Fleets have thousands of Machines,
 * so it runs {@value #DEFAULT_CONCURRENCY} workers by default.
 */
public final class MachineController {
    public static final String NAME = "machine";
    public static final int DEFAULT_CONCURRENCY = 10;

    /** Tunables: controller name, worker count and how often an unfinished drain is retried (upstream 20 s). */
    public record Settings(String name, int concurrency, Duration drainRetryInterval) {
        public static Settings defaults() {
            return new Settings(NAME, DEFAULT_CONCURRENCY, NodeDrain.DRAIN_RETRY_INTERVAL);
        }
    }

    private MachineController() {
    }

    /** Registers the controller with default settings; call before {@link Manager#start()}. */
    public static void register(Manager manager, RemoteClusters remotes) {
        register(manager, remotes, Settings.defaults());
    }

    /** Registers the controller with {@code settings}; call before {@link Manager#start()}. */
    public static void register(Manager manager, RemoteClusters remotes, Settings settings) {
        NodeLink.registerIndexes(manager.cache(), remotes);
        manager.add(ControllerBuilder.forKind(CoreKinds.MACHINE)
                .watches(CoreKinds.CLUSTER, cluster -> machinesOf(manager, cluster),
                        ClusterChanges.thatConcernDescendants())
                .named(settings.name())
                .withConcurrency(settings.concurrency())
                .build(new MachineReconciler(manager, remotes, settings)));
    }

    private static Collection<Request> machinesOf(Manager manager, GenericKubernetesResource cluster) {
        return manager.cache().list(CoreKinds.MACHINE, cluster.getMetadata().getNamespace(),
                Map.of(CoreLabels.ClusterNameLabel, cluster.getMetadata().getName())).stream().map(Request::of).toList();
    }
}
