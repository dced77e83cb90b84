package io.capj.core.machinedeployment;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one planning pass: the new MachineSet (or null when there is none) and the old MachineSets
 * with their target {@code spec.replicas}. Status fields are carried over unchanged.
 */
public record RolloutStep(MachineSetView newSet, List<MachineSetView> oldSets) {

    public RolloutStep {
        oldSets = List.copyOf(oldSets);
    }

    /** New and old MachineSets together, new first. */
    public List<MachineSetView> all() {
        List<MachineSetView> all = new ArrayList<>();
        if (newSet != null) {
            all.add(newSet);
        }
        all.addAll(oldSets);
        return all;
    }
}
