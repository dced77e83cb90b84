package io.capj.api.core.v1beta2;

/** The finalizers each Cluster API controller adds, with upstream names and values. */
public final class CoreFinalizers {
    public static final String ClusterFinalizer = "cluster.cluster.x-k8s.io";
    public static final String MachineDeploymentFinalizer = "cluster.x-k8s.io/machinedeployment";
    public static final String MachineDeploymentTopologyFinalizer = "machinedeployment.topology.cluster.x-k8s.io";
    public static final String MachineFinalizer = "machine.cluster.x-k8s.io";
    public static final String MachinePoolFinalizer = "machinepool.cluster.x-k8s.io";
    public static final String MachineSetFinalizer = "cluster.x-k8s.io/machineset";
    public static final String MachineSetTopologyFinalizer = "machineset.topology.cluster.x-k8s.io";

    private CoreFinalizers() {
    }
}
