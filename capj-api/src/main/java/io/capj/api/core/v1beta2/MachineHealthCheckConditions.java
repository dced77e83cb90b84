package io.capj.api.core.v1beta2;

/**
 * The MachineHealthCheck condition types (v1beta2 {@code metav1.Condition}) and their reasons, named and
 * valued as in upstream Cluster API. Each type is followed by its reasons.
 */
public final class MachineHealthCheckConditions {
    public static final String MachineHealthCheckRemediationAllowedCondition = "RemediationAllowed";
    public static final String MachineHealthCheckTooManyUnhealthyReason = "TooManyUnhealthy";
    public static final String MachineHealthCheckRemediationAllowedReason = "RemediationAllowed";

    private MachineHealthCheckConditions() {
    }
}
