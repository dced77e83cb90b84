package io.capj.core.machineset;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A Machine as a candidate for scale-down: what the MachineSet deletion priority needs to know about it, its
 * name, creation and deletion timestamps, annotations, whether it has a nodeRef, and its {@code NodeHealthy}
 * and {@code HealthCheckSucceeded} conditions. A null {@code creationTimestamp} is upstream's zero time.
 */
public record DeletionCandidate(String name, Instant creationTimestamp, boolean deleting,
        Map<String, String> annotations, boolean hasNodeRef, ConditionStatus nodeHealthy,
        ConditionStatus healthCheckSucceeded) {

    public DeletionCandidate {
        Objects.requireNonNull(name, "name");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        nodeHealthy = nodeHealthy == null ? ConditionStatus.ABSENT : nodeHealthy;
        healthCheckSucceeded = healthCheckSucceeded == null ? ConditionStatus.ABSENT : healthCheckSucceeded;
    }

    /** A running, healthy Machine created at {@code created}: it has a nodeRef and no failing condition. */
    public static DeletionCandidate healthy(String name, Instant created) {
        return new DeletionCandidate(name, created, false, Map.of(), true, ConditionStatus.TRUE,
                ConditionStatus.ABSENT);
    }

    public DeletionCandidate withDeleting(boolean value) {
        return new DeletionCandidate(name, creationTimestamp, value, annotations, hasNodeRef, nodeHealthy,
                healthCheckSucceeded);
    }

    public DeletionCandidate withAnnotations(Map<String, String> value) {
        return new DeletionCandidate(name, creationTimestamp, deleting, value, hasNodeRef, nodeHealthy,
                healthCheckSucceeded);
    }

    public DeletionCandidate withNodeRef(boolean value) {
        return new DeletionCandidate(name, creationTimestamp, deleting, annotations, value, nodeHealthy,
                healthCheckSucceeded);
    }

    public DeletionCandidate withNodeHealthy(ConditionStatus value) {
        return new DeletionCandidate(name, creationTimestamp, deleting, annotations, hasNodeRef, value,
                healthCheckSucceeded);
    }

    public DeletionCandidate withHealthCheckSucceeded(ConditionStatus value) {
        return new DeletionCandidate(name, creationTimestamp, deleting, annotations, hasNodeRef, nodeHealthy, value);
    }

    /**
     * Upstream's {@code isMachineHealthy} for prioritisation: a nodeRef, NodeHealthy not False and
     * HealthCheckSucceeded not False (Unknown is not held against the Machine).
     */
    public boolean healthyForDeletion() {
        return hasNodeRef && nodeHealthy != ConditionStatus.FALSE && healthCheckSucceeded != ConditionStatus.FALSE;
    }
}
