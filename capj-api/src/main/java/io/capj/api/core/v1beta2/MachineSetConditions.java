package io.capj.api.core.v1beta2;

/**
 * The MachineSet condition types (v1beta2 {@code metav1.Condition}) and their reasons, named and
 * valued as in upstream Cluster API. Each type is followed by its reasons.
 */
public final class MachineSetConditions {
    public static final String MachineSetScalingUpCondition = CommonConditions.ScalingUpCondition;
    public static final String MachineSetScalingUpReason = CommonConditions.ScalingUpReason;
    public static final String MachineSetNotScalingUpReason = CommonConditions.NotScalingUpReason;
    public static final String MachineSetScalingUpInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineSetScalingUpWaitingForReplicasSetReason =
            CommonConditions.WaitingForReplicasSetReason;

    public static final String MachineSetScalingDownCondition = CommonConditions.ScalingDownCondition;
    public static final String MachineSetScalingDownReason = CommonConditions.ScalingDownReason;
    public static final String MachineSetNotScalingDownReason = CommonConditions.NotScalingDownReason;
    public static final String MachineSetScalingDownInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineSetScalingDownWaitingForReplicasSetReason =
            CommonConditions.WaitingForReplicasSetReason;

    public static final String MachineSetMachinesReadyCondition = CommonConditions.MachinesReadyCondition;
    public static final String MachineSetMachinesReadyReason = CommonConditions.ReadyReason;
    public static final String MachineSetMachinesNotReadyReason = CommonConditions.NotReadyReason;
    public static final String MachineSetMachinesReadyUnknownReason = CommonConditions.ReadyUnknownReason;
    public static final String MachineSetMachinesReadyNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String MachineSetMachinesReadyInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String MachineSetMachinesUpToDateCondition = CommonConditions.MachinesUpToDateCondition;
    public static final String MachineSetMachinesUpToDateReason = CommonConditions.UpToDateReason;
    public static final String MachineSetMachinesNotUpToDateReason = CommonConditions.NotUpToDateReason;
    public static final String MachineSetMachinesUpToDateUnknownReason = CommonConditions.UpToDateUnknownReason;
    public static final String MachineSetMachinesUpToDateNoReplicasReason = CommonConditions.NoReplicasReason;
    public static final String MachineSetMachinesUpToDateInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String MachineSetRemediatingCondition = CommonConditions.RemediatingCondition;
    public static final String MachineSetRemediatingReason = CommonConditions.RemediatingReason;
    public static final String MachineSetNotRemediatingReason = CommonConditions.NotRemediatingReason;
    public static final String MachineSetRemediatingInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineSetMachineCannotBeRemediatedReason = "CannotBeRemediated";
    public static final String MachineSetMachineRemediationDeferredReason = "RemediationDeferred";
    public static final String MachineSetMachineRemediationMachineDeletingReason = "MachineDeleting";

    public static final String MachineSetDeletingCondition = CommonConditions.DeletingCondition;
    public static final String MachineSetNotDeletingReason = CommonConditions.NotDeletingReason;
    public static final String MachineSetDeletingReason = CommonConditions.DeletingReason;
    public static final String MachineSetDeletingInternalErrorReason = CommonConditions.InternalErrorReason;

    private MachineSetConditions() {
    }
}
