package io.capj.core.machinedeployment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What rollout math needs from a MachineSet: name, creation time, {@code spec.replicas},
 * {@code status.availableReplicas} and annotations (revision, desired-replicas, max-replicas).
 */
public record MachineSetView(String name, Instant creationTimestamp, int replicas, int availableReplicas,
        Map<String, String> annotations) {

    public MachineSetView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(creationTimestamp, "creationTimestamp");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static MachineSetView of(String name, Instant created, int replicas, int availableReplicas) {
        return new MachineSetView(name, created, replicas, availableReplicas, Map.of());
    }

    public MachineSetView withReplicas(int value) {
        return new MachineSetView(name, creationTimestamp, value, availableReplicas, annotations);
    }

    public MachineSetView withAvailableReplicas(int value) {
        return new MachineSetView(name, creationTimestamp, replicas, value, annotations);
    }

    public MachineSetView withAnnotation(String key, String value) {
        Map<String, String> copy = new HashMap<>(annotations);
        copy.put(key, value);
        return new MachineSetView(name, creationTimestamp, replicas, availableReplicas, copy);
    }

    /** True when the MachineSet wants at least one Machine (upstream's "active"). */
    public boolean active() {
        return replicas > 0;
    }
}
