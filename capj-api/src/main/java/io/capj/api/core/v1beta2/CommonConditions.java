package io.capj.api.core.v1beta2;

/**
 * Condition types and reasons shared by the v1beta2 kinds, with upstream Cluster API's names and
 * string values (they appear on objects, so they are part of the API). Kind-specific classes such as
 * {@link ClusterConditions} alias these where the meaning is the same.
 */
public final class CommonConditions {
    public static final String AvailableCondition = "Available";

    public static final String ReadyCondition = "Ready";

    public static final String BootstrapConfigReadyCondition = "BootstrapConfigReady";

    public static final String InfrastructureReadyCondition = "InfrastructureReady";

    public static final String MachinesReadyCondition = "MachinesReady";

    public static final String MachinesUpToDateCondition = "MachinesUpToDate";

    public static final String RollingOutCondition = "RollingOut";

    public static final String ScalingUpCondition = "ScalingUp";

    public static final String ScalingDownCondition = "ScalingDown";

    public static final String RemediatingCondition = "Remediating";

    public static final String DeletingCondition = "Deleting";

    public static final String PausedCondition = "Paused";
    public static final String AvailableReason = "Available";
    public static final String NotAvailableReason = "NotAvailable";
    public static final String AvailableUnknownReason = "AvailableUnknown";
    public static final String ReadyReason = "Ready";
    public static final String NotReadyReason = "NotReady";
    public static final String ReadyUnknownReason = "ReadyUnknown";
    public static final String UpToDateReason = "UpToDate";
    public static final String NotUpToDateReason = "NotUpToDate";
    public static final String UpToDateUnknownReason = "UpToDateUnknown";
    public static final String RollingOutReason = "RollingOut";
    public static final String NotRollingOutReason = "NotRollingOut";
    public static final String ScalingUpReason = "ScalingUp";
    public static final String NotScalingUpReason = "NotScalingUp";
    public static final String ScalingDownReason = "ScalingDown";
    public static final String NotScalingDownReason = "NotScalingDown";
    public static final String RemediatingReason = "Remediating";
    public static final String NotRemediatingReason = "NotRemediating";
    public static final String NoReplicasReason = "NoReplicas";
    public static final String WaitingForReplicasSetReason = "WaitingForReplicasSet";
    public static final String InvalidConditionReportedReason = "InvalidConditionReported";
    public static final String InternalErrorReason = "InternalError";
    public static final String ObjectDoesNotExistReason = "ObjectDoesNotExist";
    public static final String ObjectDeletedReason = "ObjectDeleted";
    public static final String NotPausedReason = "NotPaused";
    public static final String PausedReason = "Paused";
    public static final String ConnectionDownReason = "ConnectionDown";
    public static final String NotDeletingReason = "NotDeleting";
    public static final String DeletingReason = "Deleting";
    public static final String DeletionCompletedReason = "DeletionCompleted";
    public static final String InspectionFailedReason = "InspectionFailed";
    public static final String WaitingForClusterInfrastructureReadyReason = "WaitingForClusterInfrastructureReady";
    public static final String WaitingForControlPlaneInitializedReason = "WaitingForControlPlaneInitialized";
    public static final String WaitingForBootstrapDataReason = "WaitingForBootstrapData";
    public static final String ProvisionedReason = "Provisioned";
    public static final String NotProvisionedReason = "NotProvisioned";

    private CommonConditions() {
    }
}
