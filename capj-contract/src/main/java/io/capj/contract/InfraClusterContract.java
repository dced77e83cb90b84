package io.capj.contract;

import java.util.List;

/**
 * The InfrastructureCluster contract (DevCluster, AWSCluster, ...): what core reads from and writes to an
 * infrastructure cluster, with the paths of the resolved contract version.
 */
public final class InfraClusterContract {
    /** The condition core mirrors into the Cluster's InfrastructureReady. */
    public static final String READY_CONDITION = "Ready";

    private static final InfraClusterContract V1BETA2 = new InfraClusterContract(false);
    private static final InfraClusterContract V1BETA1 = new InfraClusterContract(true);

    private final Field<ApiEndpoint> controlPlaneEndpoint;
    private final Field<String> controlPlaneHost;
    private final Field<Long> controlPlanePort;
    private final Field<Boolean> provisioned;
    private final Field<List<FailureDomain>> failureDomains;
    private final Field<List<Condition>> conditions;
    private final Field<String> failureReason = new Field<>(Codec.STRING, "status", "failureReason");
    private final Field<String> failureMessage = new Field<>(Codec.STRING, "status", "failureMessage");

    private InfraClusterContract(boolean v1beta1) {
        controlPlaneEndpoint = new Field<>(Shapes.ENDPOINT, "spec", "controlPlaneEndpoint");
        controlPlaneHost = new Field<>(Codec.STRING, "spec", "controlPlaneEndpoint", "host");
        controlPlanePort = new Field<>(Codec.INT64, "spec", "controlPlaneEndpoint", "port");
        provisioned = v1beta1 ? new Field<>(Codec.BOOL, "status", "ready")
                : new Field<>(Codec.BOOL, "status", "initialization", "provisioned");
        failureDomains = new Field<>(v1beta1 ? Shapes.FAILURE_DOMAIN_MAP : Shapes.FAILURE_DOMAIN_LIST,
                "status", "failureDomains");
        conditions = new Field<>(Shapes.CONDITIONS, "status", "conditions");
    }

    /** The accessors for a contract version ({@code v1beta1} or {@code v1beta2}, bare or label form). */
    public static InfraClusterContract forContract(String contract) {
        return ContractVersion.isV1Beta1(contract) ? V1BETA1 : V1BETA2;
    }

    /** {@code spec.controlPlaneEndpoint}; host and port default to empty and 0 when one is missing. */
    public Field<ApiEndpoint> controlPlaneEndpoint() {
        return controlPlaneEndpoint;
    }

    /** {@code spec.controlPlaneEndpoint.host}. */
    public Field<String> controlPlaneHost() {
        return controlPlaneHost;
    }

    /** {@code spec.controlPlaneEndpoint.port}. */
    public Field<Long> controlPlanePort() {
        return controlPlanePort;
    }

    /** {@code status.initialization.provisioned}, or {@code status.ready} under v1beta1. */
    public Field<Boolean> provisioned() {
        return provisioned;
    }

    /** {@code status.failureDomains}: a list in v1beta2, a map in v1beta1; always read as a list sorted by name. */
    public Field<List<FailureDomain>> failureDomains() {
        return failureDomains;
    }

    /** {@code status.conditions}; look up {@link #READY_CONDITION} with {@link Condition#find}. */
    public Field<List<Condition>> conditions() {
        return conditions;
    }

    /** {@code status.failureReason}: informational only since v1beta2, never terminal. */
    public Field<String> failureReason() {
        return failureReason;
    }

    /** {@code status.failureMessage}: informational only since v1beta2, never terminal. */
    public Field<String> failureMessage() {
        return failureMessage;
    }
}
