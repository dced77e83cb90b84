package io.capj.infrastructure.dev;

/**
 * Condition types, reasons and finalizers of DevCluster and DevMachine, with upstream's string values
 * ({@code test/infrastructure/docker/api/v1beta2}); {@link #BackendUnavailableReason} is capj's own.
 */
public final class DevConditions {
    /** Finalizer of DevCluster (upstream keeps the DockerCluster name). */
    public static final String ClusterFinalizer = "dockercluster.infrastructure.cluster.x-k8s.io";
    /** Finalizer of DevMachine (upstream keeps the DockerMachine name). */
    public static final String MachineFinalizer = "dockermachine.infrastructure.cluster.x-k8s.io";

    public static final String ReadyCondition = "Ready";
    public static final String ReadyReason = "Ready";
    public static final String NotReadyReason = "NotReady";
    public static final String ReadyUnknownReason = "ReadyUnknown";
    /** The Docker backend was asked for; capj has none (capj's own reason). */
    public static final String BackendUnavailableReason = "BackendUnavailable";
    /** The message that goes with {@link #BackendUnavailableReason}. */
    public static final String BackendUnavailableMessage =
            "The docker backend is not available in capj; use spec.backend.inMemory";

    public static final String VMProvisionedCondition = "VMProvisioned";
    public static final String NodeProvisionedCondition = "NodeProvisioned";
    public static final String EtcdProvisionedCondition = "EtcdProvisioned";
    public static final String APIServerProvisionedCondition = "APIServerProvisioned";

    public static final String WaitingForClusterInfrastructureReason = "WaitingForClusterInfrastructureReady";
    public static final String WaitingForControlPlaneInitializedReason = "WaitingForControlPlaneInitialized";
    public static final String WaitingForBootstrapDataReason = "WaitingForBootstrapData";
    public static final String WaitingForStartupTimeoutReason = "WaitingForStartupTimeout";
    public static final String WaitingForVMProvisionedReason = "WaitingForVMProvisioned";
    public static final String WaitingForNodeProvisionedReason = "WaitingForNodeProvisioned";
    /** capj: the APIServer step follows the etcd step (upstream starts both when the Node is provisioned). */
    public static final String WaitingForEtcdProvisionedReason = "WaitingForEtcdProvisioned";
    /** capj: the workload cluster cannot be served yet because the {@code <cluster>-ca} Secret is missing. */
    public static final String WaitingForClusterCertificatesReason = "WaitingForClusterCertificates";
    public static final String ProvisionedReason = "Provisioned";
    public static final String NotProvisionedReason = "NotProvisioned";
    public static final String InternalErrorReason = "InternalError";
    public static final String DeletingReason = "Deleting";

    private DevConditions() {
    }
}
