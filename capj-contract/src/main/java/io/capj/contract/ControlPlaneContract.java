package io.capj.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The ControlPlane contract (KubeadmControlPlane, ...): desired and observed version and replicas,
 * initialization, endpoint, selector and the machine template, with the paths of the resolved contract
 * version. Under v1beta1, initialization is {@code status.initialized}, up-to-date replicas are
 * {@code status.updatedReplicas}, availability is derived from {@code status.unavailableReplicas}, and the
 * infrastructure reference sits one level up ({@code spec.machineTemplate.infrastructureRef}, an
 * {@code ObjectReference}).
 */
public final class ControlPlaneContract {
    /** The condition core mirrors into the Cluster's ControlPlaneAvailable. */
    public static final String AVAILABLE_CONDITION = "Available";

    private static final ControlPlaneContract V1BETA2 = new ControlPlaneContract(false);
    private static final ControlPlaneContract V1BETA1 = new ControlPlaneContract(true);

    private final Field<Long> replicas = new Field<>(Codec.INT64, "spec", "replicas");
    private final Field<String> version = new Field<>(Codec.STRING, "spec", "version");
    private final Field<String> statusVersion = new Field<>(Codec.STRING, "status", "version");
    private final Field<Long> statusReplicas = new Field<>(Codec.INT64, "status", "replicas");
    private final Field<ApiEndpoint> controlPlaneEndpoint =
            new Field<>(Shapes.ENDPOINT, "spec", "controlPlaneEndpoint");
    private final Field<String> selector = new Field<>(Codec.STRING, "status", "selector");
    private final Field<Boolean> externalManagedControlPlane =
            new Field<>(Codec.BOOL, "status", "externalManagedControlPlane");
    private final Field<ObjectNode> machineTemplateMetadata =
            new Field<>(Codec.OBJECT, "spec", "machineTemplate", "metadata");
    private final Field<List<Condition>> conditions = new Field<>(Shapes.CONDITIONS, "status", "conditions");
    private final Field<Long> readyReplicas = new Field<>(Codec.INT64, "status", "readyReplicas");
    private final Field<Long> availableReplicas = new Field<>(Codec.INT64, "status", "availableReplicas");
    private final Field<Long> v1beta1UnavailableReplicas = new Field<>(Codec.INT64, "status", "unavailableReplicas");
    private final boolean v1beta1;
    private final Field<Long> upToDateReplicas;
    private final Field<Boolean> initialized;
    private final Field<ContractReference> machineTemplateInfrastructureRef;
    private final Field<Duration> nodeDrainTimeout;
    private final Field<Duration> nodeVolumeDetachTimeout;
    private final Field<Duration> nodeDeletionTimeout;

    private ControlPlaneContract(boolean v1beta1) {
        this.v1beta1 = v1beta1;
        if (v1beta1) {
            upToDateReplicas = new Field<>(Codec.INT64, "status", "updatedReplicas");
            initialized = new Field<>(Codec.BOOL, "status", "initialized");
            machineTemplateInfrastructureRef = new Field<>(Shapes.V1BETA1_REFERENCE, "spec", "machineTemplate",
                    "infrastructureRef").readOnly("a v1beta1 ObjectReference needs an apiVersion with a version");
            nodeDrainTimeout = new Field<>(Shapes.GO_DURATION, "spec", "machineTemplate", "nodeDrainTimeout");
            nodeVolumeDetachTimeout =
                    new Field<>(Shapes.GO_DURATION, "spec", "machineTemplate", "nodeVolumeDetachTimeout");
            nodeDeletionTimeout = new Field<>(Shapes.GO_DURATION, "spec", "machineTemplate", "nodeDeletionTimeout");
        } else {
            upToDateReplicas = new Field<>(Codec.INT64, "status", "upToDateReplicas");
            initialized = new Field<>(Codec.BOOL, "status", "initialization", "controlPlaneInitialized");
            machineTemplateInfrastructureRef =
                    new Field<>(Shapes.REFERENCE, "spec", "machineTemplate", "spec", "infrastructureRef");
            nodeDrainTimeout = deletionSeconds("nodeDrainTimeoutSeconds");
            nodeVolumeDetachTimeout = deletionSeconds("nodeVolumeDetachTimeoutSeconds");
            nodeDeletionTimeout = deletionSeconds("nodeDeletionTimeoutSeconds");
        }
    }

    private static Field<Duration> deletionSeconds(String name) {
        return new Field<>(Shapes.SECONDS, "spec", "machineTemplate", "spec", "deletion", name);
    }

    /** The accessors for a contract version ({@code v1beta1} or {@code v1beta2}, bare or label form). */
    public static ControlPlaneContract forContract(String contract) {
        return ContractVersion.isV1Beta1(contract) ? V1BETA1 : V1BETA2;
    }

    /** {@code spec.replicas}, for control planes that have machines. */
    public Field<Long> replicas() {
        return replicas;
    }

    /** {@code spec.version}: the desired Kubernetes version. */
    public Field<String> version() {
        return version;
    }

    /** {@code status.version}: the lowest Kubernetes version running in the control plane. */
    public Field<String> statusVersion() {
        return statusVersion;
    }

    /** {@code status.replicas}. */
    public Field<Long> statusReplicas() {
        return statusReplicas;
    }

    /** {@code status.readyReplicas} (its meaning changed in v1beta2: machines whose Ready condition is true). */
    public Field<Long> readyReplicas() {
        return readyReplicas;
    }

    /**
     * {@code status.availableReplicas}, introduced by v1beta2; v1beta1 providers report
     * {@link #v1beta1UnavailableReplicas()} instead, see {@link #availableReplicas(JsonNode)}.
     */
    public Field<Long> availableReplicas() {
        return availableReplicas;
    }

    /** {@code status.upToDateReplicas}, or {@code status.updatedReplicas} under v1beta1. */
    public Field<Long> upToDateReplicas() {
        return upToDateReplicas;
    }

    /** {@code status.unavailableReplicas}, the v1beta1 counter that v1beta2 replaced by availableReplicas. */
    public Field<Long> v1beta1UnavailableReplicas() {
        return v1beta1UnavailableReplicas;
    }

    /**
     * Available replicas under either contract: {@code status.availableReplicas} in v1beta2; in v1beta1
     * {@code spec.replicas - status.unavailableReplicas}, with a missing unavailableReplicas counted as 0 (after
     * {@code clusterctl move} a v1beta1 provider may never write the zero). Empty when the inputs are missing.
     */
    public Optional<Long> availableReplicas(JsonNode controlPlane) {
        if (!v1beta1) {
            return availableReplicas.get(controlPlane);
        }
        long unavailable = v1beta1UnavailableReplicas.get(controlPlane).orElse(0L);
        return replicas.get(controlPlane).map(desired -> desired - unavailable);
    }

    /**
     * True while the control plane is created for the first time: {@code status.version} is not set (or empty),
     * as no machine has reported a running version yet.
     */
    public boolean isProvisioning(JsonNode controlPlane) {
        return statusVersion.get(controlPlane).map(String::isEmpty).orElse(true);
    }

    /**
     * True while the control plane is scaling: any of status replicas, up-to-date, ready and available
     * replicas is missing or differs from {@code spec.replicas}.
     *
     * @throws ContractException when {@code spec.replicas} is not set, or a counter has the wrong type
     */
    public boolean isScaling(JsonNode controlPlane) {
        long desired = replicas.require(controlPlane);
        for (Optional<Long> observed : List.of(statusReplicas.get(controlPlane), upToDateReplicas.get(controlPlane),
                readyReplicas.get(controlPlane), availableReplicas(controlPlane))) {
            if (observed.isEmpty() || observed.get() != desired) {
                return true;
            }
        }
        return false;
    }

    /** {@code status.initialization.controlPlaneInitialized}, or {@code status.initialized} under v1beta1. */
    public Field<Boolean> initialized() {
        return initialized;
    }

    /** {@code spec.controlPlaneEndpoint}. */
    public Field<ApiEndpoint> controlPlaneEndpoint() {
        return controlPlaneEndpoint;
    }

    /** {@code status.selector}: the label selector (string form) of the control plane's machines. */
    public Field<String> selector() {
        return selector;
    }

    /** {@code status.externalManagedControlPlane}: true for hosted control planes without machines. */
    public Field<Boolean> externalManagedControlPlane() {
        return externalManagedControlPlane;
    }

    /**
     * {@code spec.machineTemplate.spec.infrastructureRef}, or {@code spec.machineTemplate.infrastructureRef}
     * under v1beta1 (read-only there: an {@code ObjectReference} carries a version this shape does not).
     */
    public Field<ContractReference> machineTemplateInfrastructureRef() {
        return machineTemplateInfrastructureRef;
    }

    /** {@code spec.machineTemplate.metadata} (deep copy on read). */
    public Field<ObjectNode> machineTemplateMetadata() {
        return machineTemplateMetadata;
    }

    /** {@code status.conditions}; look up {@link #AVAILABLE_CONDITION} with {@link Condition#find}. */
    public Field<List<Condition>> conditions() {
        return conditions;
    }

    /**
     * {@code spec.machineTemplate.spec.deletion.nodeDrainTimeoutSeconds}, or the v1beta1 Go duration
     * {@code spec.machineTemplate.nodeDrainTimeout}; both read as a {@link Duration}.
     */
    public Field<Duration> nodeDrainTimeout() {
        return nodeDrainTimeout;
    }

    /** {@code ...deletion.nodeVolumeDetachTimeoutSeconds}, or v1beta1 {@code ...nodeVolumeDetachTimeout}. */
    public Field<Duration> nodeVolumeDetachTimeout() {
        return nodeVolumeDetachTimeout;
    }

    /** {@code ...deletion.nodeDeletionTimeoutSeconds}, or v1beta1 {@code ...nodeDeletionTimeout}. */
    public Field<Duration> nodeDeletionTimeout() {
        return nodeDeletionTimeout;
    }
}
