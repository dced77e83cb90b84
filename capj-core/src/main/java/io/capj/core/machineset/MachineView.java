package io.capj.core.machineset;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the MachineSet deletion priority needs to know about one Machine: its name, creation and deletion
 * timestamps, annotations, whether it has a nodeRef, and its {@code NodeHealthy} and
 * {@code HealthCheckSucceeded} conditions. A null {@code creationTimestamp} is upstream's zero time.
 */
public record MachineView(String name, Instant creationTimestamp, boolean deleting, Map<String, String> annotations,
        boolean hasNodeRef, ConditionStatus nodeHealthy, ConditionStatus healthCheckSucceeded) {

    public MachineView {
        Objects.requireNonNull(name, "name");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        nodeHealthy = nodeHealthy == null ? ConditionStatus.ABSENT : nodeHealthy;
        healthCheckSucceeded = healthCheckSucceeded == null ? ConditionStatus.ABSENT : healthCheckSucceeded;
    }

    /** A running, healthy Machine created at {@code created}: it has a nodeRef and no failing condition. */
    public static MachineView healthy(String name, Instant created) {
        return new MachineView(name, created, false, Map.of(), true, ConditionStatus.TRUE, ConditionStatus.ABSENT);
    }

    public MachineView withDeleting(boolean value) {
        return new MachineView(name, creationTimestamp, value, annotations, hasNodeRef, nodeHealthy,
                healthCheckSucceeded);
    }

    public MachineView withAnnotations(Map<String, String> value) {
        return new MachineView(name, creationTimestamp, deleting, value, hasNodeRef, nodeHealthy,
                healthCheckSucceeded);
    }

    public MachineView withNodeRef(boolean value) {
        return new MachineView(name, creationTimestamp, deleting, annotations, value, nodeHealthy,
                healthCheckSucceeded);
    }

    public MachineView withNodeHealthy(ConditionStatus value) {
        return new MachineView(name, creationTimestamp, deleting, annotations, hasNodeRef, value,
                healthCheckSucceeded);
    }

    public MachineView withHealthCheckSucceeded(ConditionStatus value) {
        return new MachineView(name, creationTimestamp, deleting, annotations, hasNodeRef, nodeHealthy, value);
    }

    /**
     * Upstream's {@code isMachineHealthy} for prioritisation: a nodeRef, NodeHealthy not False and
     * HealthCheckSucceeded not False (Unknown is not held against the Machine).
     */
    public boolean healthyForDeletion() {
        return hasNodeRef && nodeHealthy != ConditionStatus.FALSE && healthCheckSucceeded != ConditionStatus.FALSE;
    }
}
