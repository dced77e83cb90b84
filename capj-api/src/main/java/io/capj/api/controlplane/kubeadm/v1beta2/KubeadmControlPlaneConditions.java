package io.capj.api.controlplane.kubeadm.v1beta2;

import io.capj.api.core.v1beta2.CommonConditions;

/**
 * KubeadmControlPlane's v1beta2 condition types and reasons, and those it sets on its control-plane
 * Machines, with upstream's names and values.
 */
public final class KubeadmControlPlaneConditions {
    // Available: not deleting, certificates available, and at least one Machine with healthy components and
    // (with stacked etcd) an etcd quorum.
    public static final String KubeadmControlPlaneAvailableCondition = CommonConditions.AvailableCondition;
    public static final String KubeadmControlPlaneAvailableInspectionFailedReason =
            CommonConditions.InspectionFailedReason;
    public static final String KubeadmControlPlaneAvailableReason = CommonConditions.AvailableReason;
    public static final String KubeadmControlPlaneNotAvailableReason = CommonConditions.NotAvailableReason;

    // Initialized: the control plane accepts requests.
    public static final String KubeadmControlPlaneInitializedCondition = "Initialized";
    public static final String KubeadmControlPlaneInitializedReason = "Initialized";
    public static final String KubeadmControlPlaneNotInitializedReason = "NotInitialized";

    // CertificatesAvailable: every cluster certificate exists.
    public static final String KubeadmControlPlaneCertificatesAvailableCondition = "CertificatesAvailable";
    public static final String KubeadmControlPlaneCertificatesInternalErrorReason =
            CommonConditions.InternalErrorReason;
    public static final String KubeadmControlPlaneCertificatesAvailableReason = CommonConditions.AvailableReason;
    public static final String KubeadmControlPlaneCertificatesNotAvailableReason =
            CommonConditions.NotAvailableReason;

    // EtcdClusterHealthy: the stacked etcd cluster (not set with external etcd).
    public static final String KubeadmControlPlaneEtcdClusterHealthyCondition = "EtcdClusterHealthy";
    public static final String KubeadmControlPlaneEtcdClusterInspectionFailedReason =
            CommonConditions.InspectionFailedReason;
    public static final String KubeadmControlPlaneEtcdClusterConnectionDownReason =
            CommonConditions.ConnectionDownReason;
    public static final String KubeadmControlPlaneEtcdClusterHealthyReason = "Healthy";
    public static final String KubeadmControlPlaneEtcdClusterNotHealthyReason = "NotHealthy";
    public static final String KubeadmControlPlaneEtcdClusterHealthUnknownReason = "HealthUnknown";

    // ControlPlaneComponentsHealthy: API server, controller manager, scheduler (and etcd) Pods.
    public static final String KubeadmControlPlaneControlPlaneComponentsHealthyCondition =
            "ControlPlaneComponentsHealthy";
    public static final String KubeadmControlPlaneControlPlaneComponentsInspectionFailedReason =
            CommonConditions.InspectionFailedReason;
    public static final String KubeadmControlPlaneControlPlaneComponentsConnectionDownReason =
            CommonConditions.ConnectionDownReason;
    public static final String KubeadmControlPlaneControlPlaneComponentsHealthyReason = "Healthy";
    public static final String KubeadmControlPlaneControlPlaneComponentsNotHealthyReason = "NotHealthy";
    public static final String KubeadmControlPlaneControlPlaneComponentsHealthUnknownReason = "HealthUnknown";

    // MachinesReady: aggregate of the Machines' Ready conditions.
    public static final String KubeadmControlPlaneMachinesReadyCondition = CommonConditions.MachinesReadyCondition;
    public static final String KubeadmControlPlaneMachinesReadyReason = CommonConditions.ReadyReason;
    public static final String KubeadmControlPlaneMachinesNotReadyReason = CommonConditions.NotReadyReason;
    public static final String KubeadmControlPlaneMachinesReadyUnknownReason = CommonConditions.ReadyUnknownReason;
    public static final String KubeadmControlPlaneMachinesReadyNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String KubeadmControlPlaneMachinesReadyInternalErrorReason =
            CommonConditions.InternalErrorReason;

    // MachinesUpToDate: aggregate of the Machines' UpToDate conditions.
    public static final String KubeadmControlPlaneMachinesUpToDateCondition =
            CommonConditions.MachinesUpToDateCondition;
    public static final String KubeadmControlPlaneMachinesUpToDateReason = CommonConditions.UpToDateReason;
    public static final String KubeadmControlPlaneMachinesNotUpToDateReason = CommonConditions.NotUpToDateReason;
    public static final String KubeadmControlPlaneMachinesUpToDateUnknownReason =
            CommonConditions.UpToDateUnknownReason;
    public static final String KubeadmControlPlaneMachinesUpToDateNoReplicasReason =
            CommonConditions.NoReplicasReason;
    public static final String KubeadmControlPlaneMachinesUpToDateInternalErrorReason =
            CommonConditions.InternalErrorReason;

    // RollingOut: at least one Machine is not up to date.
    public static final String KubeadmControlPlaneRollingOutCondition = CommonConditions.RollingOutCondition;
    public static final String KubeadmControlPlaneRollingOutReason = CommonConditions.RollingOutReason;
    public static final String KubeadmControlPlaneNotRollingOutReason = CommonConditions.NotRollingOutReason;

    // ScalingUp / ScalingDown: actual replicas below / above desired.
    public static final String KubeadmControlPlaneScalingUpCondition = CommonConditions.ScalingUpCondition;
    public static final String KubeadmControlPlaneScalingUpReason = CommonConditions.ScalingUpReason;
    public static final String KubeadmControlPlaneNotScalingUpReason = CommonConditions.NotScalingUpReason;
    public static final String KubeadmControlPlaneScalingUpWaitingForReplicasSetReason =
            CommonConditions.WaitingForReplicasSetReason;
    public static final String KubeadmControlPlaneScalingDownCondition = CommonConditions.ScalingDownCondition;
    public static final String KubeadmControlPlaneScalingDownReason = CommonConditions.ScalingDownReason;
    public static final String KubeadmControlPlaneNotScalingDownReason = CommonConditions.NotScalingDownReason;
    public static final String KubeadmControlPlaneScalingDownWaitingForReplicasSetReason =
            CommonConditions.WaitingForReplicasSetReason;

    // Remediating: some Machine is being remediated.
    public static final String KubeadmControlPlaneRemediatingCondition = CommonConditions.RemediatingCondition;
    public static final String KubeadmControlPlaneRemediatingReason = CommonConditions.RemediatingReason;
    public static final String KubeadmControlPlaneNotRemediatingReason = CommonConditions.NotRemediatingReason;
    public static final String KubeadmControlPlaneRemediatingInternalErrorReason =
            CommonConditions.InternalErrorReason;

    // Reasons KCP sets on a Machine's OwnerRemediated condition.
    public static final String KubeadmControlPlaneMachineRemediationInternalErrorReason =
            CommonConditions.InternalErrorReason;
    public static final String KubeadmControlPlaneMachineCannotBeRemediatedReason = "CannotBeRemediated";
    public static final String KubeadmControlPlaneMachineRemediationDeferredReason = "RemediationDeferred";
    public static final String KubeadmControlPlaneMachineRemediationMachineDeletingReason = "MachineDeleting";

    // Deleting.
    public static final String KubeadmControlPlaneDeletingCondition = CommonConditions.DeletingCondition;
    public static final String KubeadmControlPlaneNotDeletingReason = CommonConditions.NotDeletingReason;
    public static final String KubeadmControlPlaneDeletingWaitingForWorkersDeletionReason =
            "WaitingForWorkersDeletion";
    public static final String KubeadmControlPlaneDeletingWaitingForMachineDeletionReason =
            "WaitingForMachineDeletion";
    public static final String KubeadmControlPlaneDeletingDeletionCompletedReason =
            CommonConditions.DeletionCompletedReason;
    public static final String KubeadmControlPlaneDeletingInternalErrorReason = CommonConditions.InternalErrorReason;

    // Pod conditions KCP sets on each control-plane Machine.
    public static final String KubeadmControlPlaneMachineAPIServerPodHealthyCondition = "APIServerPodHealthy";
    public static final String KubeadmControlPlaneMachineControllerManagerPodHealthyCondition =
            "ControllerManagerPodHealthy";
    public static final String KubeadmControlPlaneMachineSchedulerPodHealthyCondition = "SchedulerPodHealthy";
    public static final String KubeadmControlPlaneMachineEtcdPodHealthyCondition = "EtcdPodHealthy";
    public static final String KubeadmControlPlaneMachinePodRunningReason = "Running";
    public static final String KubeadmControlPlaneMachinePodProvisioningReason = "Provisioning";
    public static final String KubeadmControlPlaneMachinePodDoesNotExistReason = "DoesNotExist";
    public static final String KubeadmControlPlaneMachinePodFailedReason = "Failed";
    public static final String KubeadmControlPlaneMachinePodInspectionFailedReason =
            CommonConditions.InspectionFailedReason;
    public static final String KubeadmControlPlaneMachinePodConnectionDownReason =
            CommonConditions.ConnectionDownReason;
    public static final String KubeadmControlPlaneMachinePodDeletingReason = "Deleting";

    // EtcdMemberHealthy on each control-plane Machine.
    public static final String KubeadmControlPlaneMachineEtcdMemberHealthyCondition = "EtcdMemberHealthy";
    public static final String KubeadmControlPlaneMachineEtcdMemberNotHealthyReason = "NotHealthy";
    public static final String KubeadmControlPlaneMachineEtcdMemberHealthyReason = "Healthy";
    public static final String KubeadmControlPlaneMachineEtcdMemberInspectionFailedReason =
            CommonConditions.InspectionFailedReason;
    public static final String KubeadmControlPlaneMachineEtcdMemberConnectionDownReason =
            CommonConditions.ConnectionDownReason;
    public static final String KubeadmControlPlaneMachineEtcdMemberDeletingReason = "Deleting";

    // NodeKubeadmLabelsAndTaintsSet on each control-plane Machine.
    public static final String KubeadmControlPlaneMachineNodeKubeadmLabelsAndTaintsSetCondition =
            "NodeKubeadmLabelsAndTaintsSet";
    public static final String KubeadmControlPlaneMachineNodeKubeadmLabelsAndTaintsInspectionFailedReason =
            CommonConditions.InspectionFailedReason;
    public static final String KubeadmControlPlaneMachineNodeKubeadmLabelsAndTaintsConnectionDownReason =
            CommonConditions.ConnectionDownReason;
    public static final String KubeadmControlPlaneMachineNodeKubeadmLabelsAndTaintsNotSetReason = "NotSet";
    public static final String KubeadmControlPlaneMachineNodeKubeadmLabelsAndTaintsSetReason = "Set";
    public static final String KubeadmControlPlaneMachineNodeKubeadmLabelsAndTaintsDeletingReason = "Deleting";

    private KubeadmControlPlaneConditions() {
    }
}
