package io.capj.api.core.v1beta2;

/**
 * The Cluster condition types (v1beta2 {@code metav1.Condition}) and their reasons, named and
 * valued as in upstream Cluster API. Each type is followed by its reasons.
 */
public final class ClusterConditions {
    public static final String ClusterAvailableCondition = CommonConditions.AvailableCondition;
    public static final String ClusterAvailableReason = CommonConditions.AvailableReason;
    public static final String ClusterNotAvailableReason = CommonConditions.NotAvailableReason;
    public static final String ClusterAvailableUnknownReason = CommonConditions.AvailableUnknownReason;
    public static final String ClusterAvailableInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterTopologyReconciledCondition = "TopologyReconciled";
    public static final String ClusterTopologyReconcileSucceededReason = "ReconcileSucceeded";
    public static final String ClusterTopologyReconciledFailedReason = "ReconcileFailed";
    public static final String ClusterTopologyReconciledClusterCreatingReason = "ClusterCreating";
    public static final String ClusterTopologyReconciledControlPlaneUpgradePendingReason = "ControlPlaneUpgradePending";
    public static final String ClusterTopologyReconciledMachineDeploymentsCreatePendingReason =
            "MachineDeploymentsCreatePending";
    public static final String ClusterTopologyReconciledMachineDeploymentsUpgradePendingReason =
            "MachineDeploymentsUpgradePending";
    public static final String ClusterTopologyReconciledMachineDeploymentsUpgradeDeferredReason =
            "MachineDeploymentsUpgradeDeferred";
    public static final String ClusterTopologyReconciledMachinePoolsUpgradePendingReason = "MachinePoolsUpgradePending";
    public static final String ClusterTopologyReconciledMachinePoolsCreatePendingReason = "MachinePoolsCreatePending";
    public static final String ClusterTopologyReconciledMachinePoolsUpgradeDeferredReason =
            "MachinePoolsUpgradeDeferred";
    public static final String ClusterTopologyReconciledHookBlockingReason = "LifecycleHookBlocking";
    public static final String ClusterTopologyReconciledClusterUpgradingReason = "ClusterUpgrading";
    public static final String ClusterTopologyReconciledClusterClassNotReconciledReason = "ClusterClassNotReconciled";
    public static final String ClusterTopologyReconciledDeletingReason = CommonConditions.DeletingReason;
    public static final String ClusterTopologyReconcilePausedReason = CommonConditions.PausedReason;

    public static final String ClusterInfrastructureReadyCondition = CommonConditions.InfrastructureReadyCondition;
    public static final String ClusterInfrastructureReadyReason = CommonConditions.ReadyReason;
    public static final String ClusterInfrastructureNotReadyReason = CommonConditions.NotReadyReason;
    public static final String ClusterInfrastructureInvalidConditionReportedReason =
            CommonConditions.InvalidConditionReportedReason;
    public static final String ClusterInfrastructureInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String ClusterInfrastructureDoesNotExistReason = CommonConditions.ObjectDoesNotExistReason;
    public static final String ClusterInfrastructureDeletedReason = CommonConditions.ObjectDeletedReason;

    public static final String ClusterControlPlaneInitializedCondition = "ControlPlaneInitialized";
    public static final String ClusterControlPlaneInitializedReason = "Initialized";
    public static final String ClusterControlPlaneNotInitializedReason = "NotInitialized";
    public static final String ClusterControlPlaneInitializedInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterControlPlaneAvailableCondition = "ControlPlaneAvailable";
    public static final String ClusterControlPlaneAvailableReason = CommonConditions.AvailableReason;
    public static final String ClusterControlPlaneNotAvailableReason = CommonConditions.NotAvailableReason;
    public static final String ClusterControlPlaneInvalidConditionReportedReason =
            CommonConditions.InvalidConditionReportedReason;
    public static final String ClusterControlPlaneInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String ClusterControlPlaneDoesNotExistReason = CommonConditions.ObjectDoesNotExistReason;
    public static final String ClusterControlPlaneDeletedReason = CommonConditions.ObjectDeletedReason;

    public static final String ClusterWorkersAvailableCondition = "WorkersAvailable";
    public static final String ClusterWorkersAvailableReason = CommonConditions.AvailableReason;
    public static final String ClusterWorkersNotAvailableReason = CommonConditions.NotAvailableReason;
    public static final String ClusterWorkersAvailableUnknownReason = CommonConditions.AvailableUnknownReason;
    public static final String ClusterWorkersAvailableNoWorkersReason = "NoWorkers";
    public static final String ClusterWorkersAvailableInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterControlPlaneMachinesReadyCondition = "ControlPlaneMachinesReady";
    public static final String ClusterControlPlaneMachinesReadyReason = CommonConditions.ReadyReason;
    public static final String ClusterControlPlaneMachinesNotReadyReason = CommonConditions.NotReadyReason;
    public static final String ClusterControlPlaneMachinesReadyUnknownReason = CommonConditions.ReadyUnknownReason;
    public static final String ClusterControlPlaneMachinesReadyNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String ClusterControlPlaneMachinesReadyInternalErrorReason =
            CommonConditions.InternalErrorReason;

    public static final String ClusterWorkerMachinesReadyCondition = "WorkerMachinesReady";
    public static final String ClusterWorkerMachinesReadyReason = CommonConditions.ReadyReason;
    public static final String ClusterWorkerMachinesNotReadyReason = CommonConditions.NotReadyReason;
    public static final String ClusterWorkerMachinesReadyUnknownReason = CommonConditions.ReadyUnknownReason;
    public static final String ClusterWorkerMachinesReadyNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String ClusterWorkerMachinesReadyInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterControlPlaneMachinesUpToDateCondition = "ControlPlaneMachinesUpToDate";
    public static final String ClusterControlPlaneMachinesUpToDateReason = CommonConditions.UpToDateReason;
    public static final String ClusterControlPlaneMachinesNotUpToDateReason = CommonConditions.NotUpToDateReason;
    public static final String ClusterControlPlaneMachinesUpToDateUnknownReason =
            CommonConditions.UpToDateUnknownReason;
    public static final String ClusterControlPlaneMachinesUpToDateNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String ClusterControlPlaneMachinesUpToDateInternalErrorReason =
            CommonConditions.InternalErrorReason;

    public static final String ClusterWorkerMachinesUpToDateCondition = "WorkerMachinesUpToDate";
    public static final String ClusterWorkerMachinesUpToDateReason = CommonConditions.UpToDateReason;
    public static final String ClusterWorkerMachinesNotUpToDateReason = CommonConditions.NotUpToDateReason;
    public static final String ClusterWorkerMachinesUpToDateUnknownReason = CommonConditions.UpToDateUnknownReason;
    public static final String ClusterWorkerMachinesUpToDateNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String ClusterWorkerMachinesUpToDateInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterRemoteConnectionProbeCondition = "RemoteConnectionProbe";
    public static final String ClusterRemoteConnectionProbeFailedReason = "ProbeFailed";
    public static final String ClusterRemoteConnectionProbeSucceededReason = "ProbeSucceeded";

    public static final String ClusterRollingOutCondition = CommonConditions.RollingOutCondition;
    public static final String ClusterRollingOutReason = CommonConditions.RollingOutReason;
    public static final String ClusterNotRollingOutReason = CommonConditions.NotRollingOutReason;
    public static final String ClusterRollingOutUnknownReason = "RollingOutUnknown";
    public static final String ClusterRollingOutInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterScalingUpCondition = CommonConditions.ScalingUpCondition;
    public static final String ClusterScalingUpReason = CommonConditions.ScalingUpReason;
    public static final String ClusterNotScalingUpReason = CommonConditions.NotScalingUpReason;
    public static final String ClusterScalingUpUnknownReason = "ScalingUpUnknown";
    public static final String ClusterScalingUpInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterScalingDownCondition = CommonConditions.ScalingDownCondition;
    public static final String ClusterScalingDownReason = CommonConditions.ScalingDownReason;
    public static final String ClusterNotScalingDownReason = CommonConditions.NotScalingDownReason;
    public static final String ClusterScalingDownUnknownReason = "ScalingDownUnknown";
    public static final String ClusterScalingDownInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterRemediatingCondition = CommonConditions.RemediatingCondition;
    public static final String ClusterRemediatingReason = CommonConditions.RemediatingReason;
    public static final String ClusterNotRemediatingReason = CommonConditions.NotRemediatingReason;
    public static final String ClusterRemediatingInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String ClusterDeletingCondition = CommonConditions.DeletingCondition;
    public static final String ClusterNotDeletingReason = CommonConditions.NotDeletingReason;
    public static final String ClusterDeletingWaitingForBeforeDeleteHookReason = "WaitingForBeforeDeleteHook";
    public static final String ClusterDeletingWaitingForWorkersDeletionReason = "WaitingForWorkersDeletion";
    public static final String ClusterDeletingWaitingForControlPlaneDeletionReason = "WaitingForControlPlaneDeletion";
    public static final String ClusterDeletingWaitingForInfrastructureDeletionReason =
            "WaitingForInfrastructureDeletion";
    public static final String ClusterDeletingDeletionCompletedReason = CommonConditions.DeletionCompletedReason;
    public static final String ClusterDeletingInternalErrorReason = CommonConditions.InternalErrorReason;

    private ClusterConditions() {
    }
}
