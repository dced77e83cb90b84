package io.capj.api.core.v1beta2;

/** Label keys (and label domains) that Cluster API sets or reads, with upstream names and values. */
public final class CoreLabels {
    public static final String ClusterNameLabel = "cluster.x-k8s.io/cluster-name";
    public static final String ClusterTopologyMachineDeploymentNameLabel = "topology.cluster.x-k8s.io/deployment-name";
    public static final String ClusterTopologyMachinePoolNameLabel = "topology.cluster.x-k8s.io/pool-name";
    public static final String ClusterTopologyOwnedLabel = "topology.cluster.x-k8s.io/owned";
    public static final String InterruptibleLabel = "cluster.x-k8s.io/interruptible";
    public static final String MachineControlPlaneLabel = "cluster.x-k8s.io/control-plane";
    public static final String MachineControlPlaneNameLabel = "cluster.x-k8s.io/control-plane-name";
    public static final String MachineDeploymentNameLabel = "cluster.x-k8s.io/deployment-name";
    public static final String MachineDeploymentUniqueLabel = "machine-template-hash";
    public static final String MachinePoolNameLabel = "cluster.x-k8s.io/pool-name";
    public static final String MachineSetNameLabel = "cluster.x-k8s.io/set-name";
    public static final String ManagedNodeLabelDomain = "node.cluster.x-k8s.io";
    public static final String NodeRestrictionLabelDomain = "node-restriction.kubernetes.io";
    public static final String NodeRoleLabelPrefix = "node-role.kubernetes.io";
    public static final String PodDrainLabel = "cluster.x-k8s.io/drain";
    public static final String ProviderNameLabel = "cluster.x-k8s.io/provider";
    public static final String WatchLabel = "cluster.x-k8s.io/watch-filter";

    private CoreLabels() {
    }
}
