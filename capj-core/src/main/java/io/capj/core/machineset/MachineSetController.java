package io.capj.core.machineset;

import io.capj.apimachinery.selector.LabelSelector;
import io.capj.core.ClusterChanges;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.Manager;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;

/**
 * Wires the MachineSet controller ({@code machineset}): MachineSets, the Machines they control, orphan Machines
 * their selector matches (to adopt them), and Clusters (to the MachineSets of that Cluster, so pausing and
 * unpausing take effect).
 */
public final class MachineSetController {
    /** The controller's name (queue, metrics, logs). */
    public static final String NAME = "machineset";

    private MachineSetController() {
    }

    /** Registers the controller on {@code manager}. */
    public static void register(Manager manager) {
        manager.add(ControllerBuilder.forKind(CoreKinds.MACHINE_SET)
                .owns(CoreKinds.MACHINE)
                .watches(CoreKinds.MACHINE, machine -> setsAdopting(manager, machine))
                .watches(CoreKinds.CLUSTER, cluster -> setsOfCluster(manager, cluster),
                        ClusterChanges.thatConcernDescendants())
                .named(NAME)
                .build(new MachineSetReconciler(manager)));
    }

    private static List<Request> setsOfCluster(Manager manager, GenericKubernetesResource cluster) {
        String namespace = cluster.getMetadata().getNamespace();
        String name = cluster.getMetadata().getName();
        return manager.cache().list(CoreKinds.MACHINE_SET, namespace, Map.of()).stream()
                .filter(ms -> name.equals(Trees.of(ms).at("/spec/clusterName").asText()))
                .map(Request::of).toList();
    }

    /** The MachineSets whose selector matches an orphan Machine (none for a Machine with a controller). */
    private static List<Request> setsAdopting(Manager manager, GenericKubernetesResource machine) {
        List<OwnerReference> owners = machine.getMetadata().getOwnerReferences();
        if (owners != null && owners.stream().anyMatch(r -> Boolean.TRUE.equals(r.getController()))) {
            return List.of();
        }
        Map<String, String> labels = machine.getMetadata().getLabels() == null ? Map.of()
                : machine.getMetadata().getLabels();
        if (labels.isEmpty()) {
            return List.of();
        }
        return manager.cache().list(CoreKinds.MACHINE_SET, machine.getMetadata().getNamespace(), Map.of()).stream()
                .filter(ms -> LabelSelector.fromMetaV1(Trees.of(ms).at("/spec/selector")).matches(labels))
                .map(Request::of).toList();
    }
}
