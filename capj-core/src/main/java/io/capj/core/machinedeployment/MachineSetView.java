package io.capj.core.machinedeployment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What rollout math needs from a MachineSet: name, creation time, {@code spec.replicas},
 * {@code status.availableReplicas}, annotations (revision, desired-replicas, max-replicas) and
 * {@code status.replicas}, the Machines that exist now (including those being deleted).
 */
public record MachineSetView(String name, Instant creationTimestamp, int replicas, int availableReplicas,
        Map<String, String> annotations, int existingMachines) {

    public MachineSetView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(creationTimestamp, "creationTimestamp");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** A view whose existing Machines are exactly its {@code spec.replicas} (a MachineSet at rest). */
    public MachineSetView(String name, Instant creationTimestamp, int replicas, int availableReplicas,
            Map<String, String> annotations) {
        this(name, creationTimestamp, replicas, availableReplicas, annotations, replicas);
    }

    /**
     * The Machines this set counts for maxSurge: the larger of what it wants and what exists, so Machines still
     * being deleted after a scale down keep their surge slot until they are gone (upstream's
     * {@code TotalMachineSetsReplicaSum}).
     */
    public int surgeCount() {
        return Math.max(replicas, existingMachines);
    }

    public static MachineSetView of(String name, Instant created, int replicas, int availableReplicas) {
        return new MachineSetView(name, created, replicas, availableReplicas, Map.of());
    }

    public MachineSetView withReplicas(int value) {
        return new MachineSetView(name, creationTimestamp, value, availableReplicas, annotations, existingMachines);
    }

    public MachineSetView withExistingMachines(int value) {
        return new MachineSetView(name, creationTimestamp, replicas, availableReplicas, annotations, value);
    }

    public MachineSetView withAvailableReplicas(int value) {
        return new MachineSetView(name, creationTimestamp, replicas, value, annotations, existingMachines);
    }

    public MachineSetView withAnnotation(String key, String value) {
        Map<String, String> copy = new HashMap<>(annotations);
        copy.put(key, value);
        return new MachineSetView(name, creationTimestamp, replicas, availableReplicas, copy, existingMachines);
    }

    /** True when the MachineSet wants at least one Machine (upstream's "active"). */
    public boolean active() {
        return replicas > 0;
    }
}
