package io.capj.core.machinehealthcheck;

import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.core.ClusterChanges;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Cache;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.EventFilter;
import io.capj.runtime.Manager;
import io.capj.runtime.RemoteClusters;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Wires the MachineHealthCheck controller ({@value #NAME}): MachineHealthChecks; the Machines their selectors
 * match (only changes a health check reads: labels, annotations, Node reference, conditions, deletion); their
 * Cluster (the changes descendants care about); and, once a Cluster's control plane is initialized, the Nodes
 * of its workload cluster (attached by the reconciler).
 */
public final class MachineHealthCheckController {
    /** The controller's name (queue, metrics, logs, remote watches). */
    public static final String NAME = "machinehealthcheck";
    /** Workers; one health check may touch many Machines, so a few run in parallel. */
    public static final int DEFAULT_CONCURRENCY = 4;

    private MachineHealthCheckController() {
    }

    /** Registers the controller on {@code manager}; call before {@link Manager#start()}. */
    public static void register(Manager manager, RemoteClusters remotes) {
        manager.add(ControllerBuilder.forKind(CoreKinds.MACHINE_HEALTH_CHECK)
                .watches(CoreKinds.MACHINE, machine -> healthChecksOf(manager.cache(), machine), machineChanges())
                .watches(CoreKinds.CLUSTER, cluster -> healthChecksOfCluster(manager.cache(),
                        cluster.getMetadata().getNamespace(), cluster.getMetadata().getName()),
                        ClusterChanges.thatConcernDescendants())
                .named(NAME)
                .withConcurrency(DEFAULT_CONCURRENCY)
                .build(new MachineHealthCheckReconciler(manager, remotes, NAME)));
    }

    /** The health checks of Cluster {@code namespace/cluster} (by their cluster-name label). */
    static List<Request> healthChecksOfCluster(Cache cache, String namespace, String cluster) {
        return cache.list(CoreKinds.MACHINE_HEALTH_CHECK, namespace, Map.of(CoreLabels.ClusterNameLabel, cluster))
                .stream().map(Request::of).toList();
    }

    /** The health checks whose selector matches {@code machine}. */
    private static List<Request> healthChecksOf(Cache cache, GenericKubernetesResource machine) {
        Object clusterName = machine.get("spec", "clusterName");
        if (!(clusterName instanceof String cluster)) {
            return List.of();
        }
        Map<String, String> labels = HealthCheckTargets.labels(machine);
        return cache.list(CoreKinds.MACHINE_HEALTH_CHECK, machine.getMetadata().getNamespace(),
                        Map.of(CoreLabels.ClusterNameLabel, cluster)).stream()
                .filter(mhc -> HealthCheckTargets.selector(Trees.of(mhc)).matches(labels))
                .map(Request::of).toList();
    }

    /** Machine updates a health check reads, as upstream's {@code machineIsChangedPredicate} (plus deletion). */
    private static EventFilter machineChanges() {
        return new EventFilter() {
            @Override
            public boolean update(HasMetadata oldObject, HasMetadata newObject) {
                return !facts(oldObject).equals(facts(newObject));
            }
        };
    }

    private static List<Object> facts(HasMetadata machine) {
        var tree = Trees.of(machine);
        return List.of(Objects.requireNonNullElse(machine.getMetadata().getLabels(), Map.of()),
                Objects.requireNonNullElse(machine.getMetadata().getAnnotations(), Map.of()),
                Objects.requireNonNullElse(machine.getMetadata().getDeletionTimestamp(), ""),
                tree.at("/status/nodeRef/name").asText(), tree.at("/status/conditions"));
    }
}
