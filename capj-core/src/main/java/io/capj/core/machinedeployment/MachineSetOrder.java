package io.capj.core.machinedeployment;

import java.util.Comparator;

/** The MachineSet orderings upstream's rollout code sorts by, each ending in the name so results are stable. */
final class MachineSetOrder {

    private MachineSetOrder() {
    }

    /** Oldest first. */
    static final Comparator<MachineSetView> BY_CREATION = Comparator
            .comparing(MachineSetView::creationTimestamp).thenComparing(MachineSetView::name);

    /** Largest first; among equals, newest first (upstream's {@code MachineSetsBySizeNewer}). */
    static final Comparator<MachineSetView> BY_SIZE_NEWER = Comparator
            .comparingInt(MachineSetView::replicas).reversed()
            .thenComparing(MachineSetView::creationTimestamp, Comparator.reverseOrder())
            .thenComparing(MachineSetView::name);

    /** Largest first; among equals, oldest first (upstream's {@code MachineSetsBySizeOlder}). */
    static final Comparator<MachineSetView> BY_SIZE_OLDER = Comparator
            .comparingInt(MachineSetView::replicas).reversed()
            .thenComparing(MachineSetView::creationTimestamp)
            .thenComparing(MachineSetView::name);
}
