package io.capj.api.core.v1beta2;

/**
 * The Machine condition types (v1beta2 {@code metav1.Condition}) and their reasons, named and
 * valued as in upstream Cluster API. Each type is followed by its reasons.
 */
public final class MachineConditions {
    public static final String MachineAvailableCondition = CommonConditions.AvailableCondition;
    public static final String MachineWaitingForMinReadySecondsReason = "WaitingForMinReadySeconds";
    public static final String MachineAvailableReason = CommonConditions.AvailableReason;
    public static final String MachineAvailableInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String MachineReadyCondition = CommonConditions.ReadyCondition;
    public static final String MachineReadyReason = CommonConditions.ReadyReason;
    public static final String MachineNotReadyReason = CommonConditions.NotReadyReason;
    public static final String MachineReadyUnknownReason = CommonConditions.ReadyUnknownReason;
    public static final String MachineReadyInternalErrorReason = CommonConditions.InternalErrorReason;

    public static final String MachineUpToDateCondition = "UpToDate";
    public static final String MachineUpToDateReason = "UpToDate";
    public static final String MachineNotUpToDateReason = "NotUpToDate";
    public static final String MachineUpToDateUpdatingReason = "Updating";

    public static final String MachineUpdatingCondition = "Updating";
    public static final String MachineNotUpdatingReason = "NotUpdating";
    public static final String MachineInPlaceUpdatingReason = "InPlaceUpdating";
    public static final String MachineInPlaceUpdateFailedReason = "InPlaceUpdateFailed";

    public static final String MachineBootstrapConfigReadyCondition = CommonConditions.BootstrapConfigReadyCondition;
    public static final String MachineBootstrapDataSecretProvidedReason = "DataSecretProvided";
    public static final String MachineBootstrapConfigReadyReason = CommonConditions.ReadyReason;
    public static final String MachineBootstrapConfigNotReadyReason = CommonConditions.NotReadyReason;
    public static final String MachineBootstrapConfigInvalidConditionReportedReason =
            CommonConditions.InvalidConditionReportedReason;
    public static final String MachineBootstrapConfigInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineBootstrapConfigDoesNotExistReason = CommonConditions.ObjectDoesNotExistReason;
    public static final String MachineBootstrapConfigDeletedReason = CommonConditions.ObjectDeletedReason;

    public static final String MachineInfrastructureReadyCondition = CommonConditions.InfrastructureReadyCondition;
    public static final String MachineInfrastructureReadyReason = CommonConditions.ReadyReason;
    public static final String MachineInfrastructureNotReadyReason = CommonConditions.NotReadyReason;
    public static final String MachineInfrastructureInvalidConditionReportedReason =
            CommonConditions.InvalidConditionReportedReason;
    public static final String MachineInfrastructureInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineInfrastructureDoesNotExistReason = CommonConditions.ObjectDoesNotExistReason;
    public static final String MachineInfrastructureDeletedReason = CommonConditions.ObjectDeletedReason;

    public static final String MachineNodeHealthyCondition = "NodeHealthy";

    public static final String MachineNodeReadyCondition = "NodeReady";
    public static final String MachineNodeReadyReason = "NodeReady";
    public static final String MachineNodeNotReadyReason = "NodeNotReady";
    public static final String MachineNodeReadyUnknownReason = "NodeReadyUnknown";
    public static final String MachineNodeHealthyReason = "NodeHealthy";
    public static final String MachineNodeNotHealthyReason = "NodeNotHealthy";
    public static final String MachineNodeHealthUnknownReason = "NodeHealthyUnknown";
    public static final String MachineNodeInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineNodeDoesNotExistReason = "NodeDoesNotExist";
    public static final String MachineNodeDeletedReason = "NodeDeleted";
    public static final String MachineNodeInspectionFailedReason = CommonConditions.InspectionFailedReason;
    public static final String MachineNodeConnectionDownReason = CommonConditions.ConnectionDownReason;

    public static final String MachineHealthCheckSucceededCondition = "HealthCheckSucceeded";
    public static final String MachineHealthCheckSucceededReason = "HealthCheckSucceeded";
    public static final String MachineHealthCheckUnhealthyNodeReason = "UnhealthyNode";
    public static final String MachineHealthCheckUnhealthyMachineReason = "UnhealthyMachine";
    public static final String MachineHealthCheckNodeStartupTimeoutReason = "NodeStartupTimeout";
    public static final String MachineHealthCheckNodeDeletedReason = "NodeDeleted";
    public static final String MachineHealthCheckHasRemediateAnnotationReason = "HasRemediateAnnotation";

    public static final String MachineOwnerRemediatedCondition = "OwnerRemediated";
    public static final String MachineOwnerRemediatedWaitingForRemediationReason = "WaitingForRemediation";

    public static final String MachineExternallyRemediatedCondition = "ExternallyRemediated";
    public static final String MachineExternallyRemediatedWaitingForRemediationReason = "WaitingForRemediation";
    public static final String MachineExternallyRemediatedRemediationTemplateNotFoundReason =
            "RemediationTemplateNotFound";
    public static final String MachineExternallyRemediatedRemediationRequestCreationFailedReason =
            "RemediationRequestCreationFailed";

    public static final String MachineDeletingCondition = CommonConditions.DeletingCondition;
    public static final String MachineNotDeletingReason = CommonConditions.NotDeletingReason;
    public static final String MachineDeletingReason = CommonConditions.DeletingReason;
    public static final String MachineDeletingInternalErrorReason = CommonConditions.InternalErrorReason;
    public static final String MachineDeletingWaitingForPreDrainHookReason = "WaitingForPreDrainHook";
    public static final String MachineDeletingDrainingNodeReason = "DrainingNode";
    public static final String MachineDeletingWaitingForVolumeDetachReason = "WaitingForVolumeDetach";
    public static final String MachineDeletingWaitingForPreTerminateHookReason = "WaitingForPreTerminateHook";
    public static final String MachineDeletingWaitingForInfrastructureDeletionReason =
            "WaitingForInfrastructureDeletion";
    public static final String MachineDeletingWaitingForBootstrapDeletionReason = "WaitingForBootstrapDeletion";
    public static final String MachineDeletingDeletingNodeReason = "DeletingNode";
    public static final String MachineDeletingDeletionCompletedReason = CommonConditions.DeletionCompletedReason;

    private MachineConditions() {
    }
}
