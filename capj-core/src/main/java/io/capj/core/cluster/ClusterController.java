package io.capj.core.cluster;

import io.capj.core.CoreKinds;
import io.capj.runtime.ControllerBuilder;
import io.capj.runtime.Manager;

/**
 * Wires the Cluster controller: Clusters, plus their MachineDeployments, MachineSets and Machines (mapped by
 * the cluster-name label), so counters and conditions follow the workers and a deleting Cluster wakes up as
 * its descendants disappear; and its CA and kubeconfig Secrets, so the kubeconfig is written as soon as it
 * can be. Provider kinds named by references are watched at run time by the reconciler.
 */
public final class ClusterController {
    /** The controller's name, used for its queue, metrics and run-time watches. */
    public static final String NAME = "cluster";

    private ClusterController() {
    }

    public static void register(Manager manager) {
        ClusterDescendants.registerIndexes(manager.cache());
        manager.add(ControllerBuilder.forKind(CoreKinds.CLUSTER)
                .watches(CoreKinds.MACHINE_DEPLOYMENT, ClusterOwnership::byClusterNameLabel)
                .watches(CoreKinds.MACHINE_SET, ClusterOwnership::byClusterNameLabel)
                .watches(CoreKinds.MACHINE, ClusterOwnership::byClusterNameLabel)
                .watches(CoreKinds.SECRET, ClusterKubeconfig::clusterOf)
                .named(NAME)
                .build(new ClusterReconciler(manager, NAME)));
    }
}
