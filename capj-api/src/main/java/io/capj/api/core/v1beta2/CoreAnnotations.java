package io.capj.api.core.v1beta2;

/** Annotation keys (and hook prefixes) that Cluster API sets or reads, with upstream names and values. */
public final class CoreAnnotations {
    public static final String AcknowledgedMoveAnnotation =
            "in-place-updates.internal.cluster.x-k8s.io/acknowledged-move";
    public static final String AnnotationsFromMachineAnnotation = "cluster.x-k8s.io/annotations-from-machine";
    public static final String AutoscalerMaxSizeAnnotation =
            "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
    public static final String AutoscalerMinSizeAnnotation =
            "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";
    public static final String BeforeClusterUpgradeHookAnnotationPrefix =
            "before-upgrade.hook.cluster.cluster.x-k8s.io";
    public static final String CRDMigrationObservedGenerationAnnotation =
            "crd-migration.cluster.x-k8s.io/observed-generation";
    public static final String ClusterNameAnnotation = "cluster.x-k8s.io/cluster-name";
    public static final String ClusterNamespaceAnnotation = "cluster.x-k8s.io/cluster-namespace";
    public static final String ClusterTopologyDeferUpgradeAnnotation = "topology.cluster.x-k8s.io/defer-upgrade";
    public static final String ClusterTopologyHoldUpgradeSequenceAnnotation =
            "topology.cluster.x-k8s.io/hold-upgrade-sequence";
    public static final String ClusterTopologyUnsafeUpdateClassNameAnnotation =
            "unsafe.topology.cluster.x-k8s.io/disable-update-class-name-check";
    public static final String ClusterTopologyUnsafeUpdateVersionAnnotation =
            "unsafe.topology.cluster.x-k8s.io/disable-update-version-check";
    public static final String ClusterTopologyUpgradeConcurrencyAnnotation =
            "topology.cluster.x-k8s.io/upgrade-concurrency";
    public static final String ClusterTopologyUpgradeStepAnnotation = "topology.internal.cluster.x-k8s.io/upgrade-step";
    public static final String DeleteMachineAnnotation = "cluster.x-k8s.io/delete-machine";
    public static final String DesiredReplicasAnnotation = "machinedeployment.clusters.x-k8s.io/desired-replicas";
    public static final String DisableMachineCreateAnnotation = "cluster.x-k8s.io/disable-machine-create";
    public static final String ExcludeNodeDrainingAnnotation = "machine.cluster.x-k8s.io/exclude-node-draining";
    public static final String ExcludeWaitForNodeVolumeDetachAnnotation =
            "machine.cluster.x-k8s.io/exclude-wait-for-node-volume-detach";
    public static final String LabelsFromMachineAnnotation = "cluster.x-k8s.io/labels-from-machine";
    public static final String MachineAnnotation = "cluster.x-k8s.io/machine";
    public static final String MachineCertificatesExpiryDateAnnotation = "machine.cluster.x-k8s.io/certificates-expiry";
    public static final String MachineSetMoveMachinesToMachineSetAnnotation =
            "in-place-updates.internal.cluster.x-k8s.io/move-machines-to-machineset";
    public static final String MachineSetReceiveMachinesFromMachineSetsAnnotation =
            "in-place-updates.internal.cluster.x-k8s.io/receive-machines-from-machinesets";
    public static final String MachineSetSkipPreflightChecksAnnotation =
            "machineset.cluster.x-k8s.io/skip-preflight-checks";
    public static final String MachineSkipRemediationAnnotation = "cluster.x-k8s.io/skip-remediation";
    public static final String ManagedByAnnotation = "cluster.x-k8s.io/managed-by";
    public static final String ManagedNodeAnnotationDomain = "node.cluster.x-k8s.io";
    public static final String MaxReplicasAnnotation = "machinedeployment.clusters.x-k8s.io/max-replicas";
    public static final String OwnerKindAnnotation = "cluster.x-k8s.io/owner-kind";
    public static final String OwnerNameAnnotation = "cluster.x-k8s.io/owner-name";
    public static final String PausedAnnotation = "cluster.x-k8s.io/paused";
    public static final String PendingAcknowledgeMoveAnnotation =
            "in-place-updates.internal.cluster.x-k8s.io/pending-acknowledge-move";
    public static final String PreDrainDeleteHookAnnotationPrefix = "pre-drain.delete.hook.machine.cluster.x-k8s.io";
    public static final String PreTerminateDeleteHookAnnotationPrefix =
            "pre-terminate.delete.hook.machine.cluster.x-k8s.io";
    public static final String RemediateMachineAnnotation = "cluster.x-k8s.io/remediate-machine";
    public static final String ReplicasManagedByAnnotation = "cluster.x-k8s.io/replicas-managed-by";
    public static final String RevisionAnnotation = "machinedeployment.clusters.x-k8s.io/revision";
    public static final String TaintsFromMachineAnnotation = "cluster.x-k8s.io/taints-from-machine";
    public static final String TemplateClonedFromGroupKindAnnotation = "cluster.x-k8s.io/cloned-from-groupkind";
    public static final String TemplateClonedFromNameAnnotation = "cluster.x-k8s.io/cloned-from-name";
    public static final String TopologyDryRunAnnotation = "topology.cluster.x-k8s.io/dry-run";
    public static final String UpdateInProgressAnnotation =
            "in-place-updates.internal.cluster.x-k8s.io/update-in-progress";

    private CoreAnnotations() {
    }
}
