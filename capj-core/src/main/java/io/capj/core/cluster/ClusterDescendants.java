package io.capj.core.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.ObjectMeta;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Cache;
import io.capj.runtime.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The MachineDeployments, MachineSets and Machines of one Cluster (selected by the cluster-name label), with
 * Machines split into control-plane ones (the {@code cluster.x-k8s.io/control-plane} label) and workers.
 * Deletion decides from it what the Cluster deletes itself and what it still waits for.
 */
record ClusterDescendants(List<ObjectNode> machineDeployments, List<ObjectNode> machineSets,
        List<ObjectNode> controlPlaneMachines, List<ObjectNode> workerMachines) {

    /** A child to delete, with the kind to delete it through. */
    record Child(ResourceKind<GenericKubernetesResource> kind, ObjectNode object) {
        String name() {
            return ObjectMeta.name(object);
        }
    }

    /**
     * Index of MachineDeployments, MachineSets and Machines by {@code namespace/cluster-name label}, so a pass
     * reads its Cluster's descendants without scanning every object of the kind.
     */
    static final String CLUSTER_INDEX = "cluster.capj.io/cluster-name";

    /** Registers {@link #CLUSTER_INDEX} on the descendant kinds; call before the manager starts. */
    static void registerIndexes(Cache cache) {
        for (ResourceKind<GenericKubernetesResource> kind : List.of(CoreKinds.MACHINE_DEPLOYMENT,
                CoreKinds.MACHINE_SET, CoreKinds.MACHINE)) {
            cache.addIndex(kind, CLUSTER_INDEX, ClusterDescendants::clusterKey);
        }
    }

    /** Reads the descendants of Cluster {@code namespace/clusterName} from the cache, each list sorted by name. */
    static ClusterDescendants list(Cache cache, String namespace, String clusterName) {
        String key = namespace + "/" + clusterName;
        List<ObjectNode> machines = read(cache, CoreKinds.MACHINE, key);
        List<ObjectNode> controlPlane = new ArrayList<>();
        List<ObjectNode> workers = new ArrayList<>();
        for (ObjectNode machine : machines) {
            (isControlPlane(machine) ? controlPlane : workers).add(machine);
        }
        return new ClusterDescendants(read(cache, CoreKinds.MACHINE_DEPLOYMENT, key),
                read(cache, CoreKinds.MACHINE_SET, key), List.copyOf(controlPlane),
                List.copyOf(workers));
    }

    static boolean isControlPlane(ObjectNode machine) {
        return ObjectMeta.labels(machine).containsKey(CoreLabels.MachineControlPlaneLabel);
    }

    /**
     * What the Cluster deletes itself: MachineDeployments, MachineSets and worker Machines that it owns directly
     * (those controlled by a MachineDeployment or MachineSet go with their owner), then control-plane Machines
     * when no control plane object manages them. Upstream deletes only Cluster-owned objects; capj also deletes
     * ones without any controller, which upstream's adoption would have given the Cluster as owner, so a
     * deletion never waits on an object nobody will delete.
     */
    List<Child> ownedChildren(String clusterName, boolean hasControlPlaneRef) {
        List<Child> children = new ArrayList<>();
        addOwned(children, CoreKinds.MACHINE_DEPLOYMENT, machineDeployments, clusterName);
        addOwned(children, CoreKinds.MACHINE_SET, machineSets, clusterName);
        addOwned(children, CoreKinds.MACHINE, workerMachines, clusterName);
        if (!hasControlPlaneRef) {
            addOwned(children, CoreKinds.MACHINE, controlPlaneMachines, clusterName);
        }
        return children;
    }

    /**
     * One line per kind of descendant still present (upstream's wording, at most five names each), empty when
     * the workers are gone; control-plane Machines count only without a control plane object.
     */
    List<String> pendingDeletion(boolean hasControlPlaneRef) {
        List<String> lines = new ArrayList<>();
        if (!hasControlPlaneRef) {
            addLine(lines, "Control plane Machines", controlPlaneMachines);
        }
        addLine(lines, "MachineDeployments", machineDeployments);
        addLine(lines, "MachineSets", machineSets);
        addLine(lines, "Worker Machines", workerMachines);
        return lines;
    }

    private static void addOwned(List<Child> children, ResourceKind<GenericKubernetesResource> kind,
            List<ObjectNode> objects, String clusterName) {
        objects.stream().filter(o -> ClusterOwnership.isOwnedBy(o, clusterName) || ClusterOwnership.hasNoController(o))
                .forEach(o -> children.add(new Child(kind, o)));
    }

    private static void addLine(List<String> lines, String title, List<ObjectNode> objects) {
        if (!objects.isEmpty()) {
            lines.add(title + ": " + NameLists.shortList(objects.stream().map(ObjectMeta::name).toList(), 5));
        }
    }

    private static List<ObjectNode> read(Cache cache, ResourceKind<GenericKubernetesResource> kind, String key) {
        return cache.byIndex(kind, CLUSTER_INDEX, key).stream().map(Trees::of)
                .sorted(Comparator.comparing(ObjectMeta::name)).toList();
    }

    private static List<String> clusterKey(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String cluster = labels == null ? null : labels.get(CoreLabels.ClusterNameLabel);
        return cluster == null || cluster.isEmpty() ? List.of()
                : List.of(object.getMetadata().getNamespace() + "/" + cluster);
    }
}
