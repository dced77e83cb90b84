package io.capj.api.core.v1beta2;

/**
 * The ClusterClass condition types (v1beta2 {@code metav1.Condition}) and their reasons, named and
 * valued as in upstream Cluster API. Each type is followed by its reasons.
 */
public final class ClusterClassConditions {
    public static final String ClusterClassVariablesReadyCondition = "VariablesReady";
    public static final String ClusterClassVariablesReadyReason = "VariablesReady";
    public static final String ClusterClassVariablesReadyVariableDiscoveryFailedReason = "VariableDiscoveryFailed";

    public static final String ClusterClassRefVersionsUpToDateCondition = "RefVersionsUpToDate";
    public static final String ClusterClassRefVersionsUpToDateReason = "RefVersionsUpToDate";
    public static final String ClusterClassRefVersionsNotUpToDateReason = "RefVersionsNotUpToDate";
    public static final String ClusterClassRefVersionsUpToDateInternalErrorReason =
            CommonConditions.InternalErrorReason;

    private ClusterClassConditions() {
    }
}
