package io.capj.api.core.v1beta2;

/**
 * The MachineDeployment condition types (v1beta2 {@code metav1.Condition}) and their reasons, named and
 * valued as in upstream Cluster API. Each type is followed by its reasons.
 */
public final class MachineDeploymentConditions {
    public static final String MachineDeploymentAvailableCondition = CommonConditions.AvailableCondition;
    public static final String MachineDeploymentAvailableWaitingForReplicasSetReason =
            CommonConditions.WaitingForReplicasSetReason;
    public static final String MachineDeploymentAvailableWaitingForAvailableReplicasSetReason =
            "WaitingForAvailableReplicasSet";
    public static final String MachineDeploymentAvailableReason = CommonConditions.AvailableReason;
    public static final String MachineDeploymentNotAvailableReason = CommonConditions.NotAvailableReason;
    public static final String MachineDeploymentAvailableInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String MachineDeploymentMachinesReadyCondition = CommonConditions.MachinesReadyCondition;
    public static final String MachineDeploymentMachinesReadyReason = CommonConditions.ReadyReason;
    public static final String MachineDeploymentMachinesNotReadyReason = CommonConditions.NotReadyReason;
    public static final String MachineDeploymentMachinesReadyUnknownReason = CommonConditions.ReadyUnknownReason;
    public static final String MachineDeploymentMachinesReadyNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String MachineDeploymentMachinesReadyInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String MachineDeploymentMachinesUpToDateCondition = CommonConditions.MachinesUpToDateCondition;
    public static final String MachineDeploymentMachinesUpToDateReason = CommonConditions.UpToDateReason;
    public static final String MachineDeploymentMachinesNotUpToDateReason = CommonConditions.NotUpToDateReason;
    public static final String MachineDeploymentMachinesUpToDateUnknownReason = CommonConditions.UpToDateUnknownReason;
    public static final String MachineDeploymentMachinesUpToDateNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String MachineDeploymentMachinesUpToDateInternalErrorReason =
            CommonConditions.InternalErrorReason;

    public static final String MachineDeploymentRollingOutCondition = CommonConditions.RollingOutCondition;
    public static final String MachineDeploymentRollingOutReason = CommonConditions.RollingOutReason;
    public static final String MachineDeploymentNotRollingOutReason = CommonConditions.NotRollingOutReason;
    public static final String MachineDeploymentRollingOutInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String MachineDeploymentScalingUpCondition = CommonConditions.ScalingUpCondition;
    public static final String MachineDeploymentScalingUpReason = CommonConditions.ScalingUpReason;
    public static final String MachineDeploymentNotScalingUpReason = CommonConditions.NotScalingUpReason;
    public static final String MachineDeploymentScalingUpInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineDeploymentScalingUpWaitingForReplicasSetReason =
            CommonConditions.WaitingForReplicasSetReason;

    public static final String MachineDeploymentScalingDownCondition = CommonConditions.ScalingDownCondition;
    public static final String MachineDeploymentScalingDownReason = CommonConditions.ScalingDownReason;
    public static final String MachineDeploymentNotScalingDownReason = CommonConditions.NotScalingDownReason;
    public static final String MachineDeploymentScalingDownInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineDeploymentScalingDownWaitingForReplicasSetReason =
            CommonConditions.WaitingForReplicasSetReason;

    public static final String MachineDeploymentRemediatingCondition = CommonConditions.RemediatingCondition;
    public static final String MachineDeploymentRemediatingReason = CommonConditions.RemediatingReason;
    public static final String MachineDeploymentNotRemediatingReason = CommonConditions.NotRemediatingReason;
    public static final String MachineDeploymentRemediatingInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String MachineDeploymentDeletingCondition = CommonConditions.DeletingCondition;
    public static final String MachineDeploymentNotDeletingReason = CommonConditions.NotDeletingReason;
    public static final String MachineDeploymentDeletingReason = CommonConditions.DeletingReason;
    public static final String MachineDeploymentDeletingInternalErrorReason = CommonConditions.InternalErrorReason;

    private MachineDeploymentConditions() {
    }
}
