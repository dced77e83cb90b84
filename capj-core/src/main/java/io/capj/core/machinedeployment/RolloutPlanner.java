package io.capj.core.machinedeployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One RollingUpdate pass of a MachineDeployment, as upstream's {@code rolloutRolling}: first grow (or trim) the
 * new MachineSet within {@code replicas + maxSurge}, then shrink old MachineSets while keeping
 * {@code replicas − maxUnavailable} available — unhealthy old replicas first (oldest MachineSet first), then
 * healthy ones (oldest first). Nothing here waits: the controller calls it again on the next reconcile.
 */
public final class RolloutPlanner {

    private RolloutPlanner() {
    }

    /** Plans one pass; {@code newSet} may be null (it is then created elsewhere with 0 replicas). */
    public static RolloutStep planRollingUpdate(DeploymentView md, MachineSetView newSet, List<MachineSetView> oldSets) {
        MachineSetView newPlanned = newSet == null ? null : reconcileNewMachineSet(md, newSet, oldSets);
        return new RolloutStep(newPlanned, reconcileOldMachineSets(md, newPlanned, oldSets));
    }

    /** Upstream's {@code reconcileNewMachineSet}: the new set's next replicas. */
    public static MachineSetView reconcileNewMachineSet(DeploymentView md, MachineSetView newSet,
            List<MachineSetView> oldSets) {
        if (newSet.replicas() == md.replicas()) {
            return newSet;
        }
        if (newSet.replicas() > md.replicas()) {
            return newSet.withReplicas(md.replicas());
        }
        List<MachineSetView> all = new ArrayList<>(oldSets);
        all.add(newSet);
        return newSet.withReplicas(RolloutMath.newMachineSetReplicas(md, all, newSet.replicas()));
    }

    /** Upstream's {@code reconcileOldMachineSets}: the old sets' next replicas. */
    public static List<MachineSetView> reconcileOldMachineSets(DeploymentView md, MachineSetView newSet,
            List<MachineSetView> oldSets) {
        if (RolloutMath.replicas(oldSets) == 0) {
            return oldSets;
        }
        List<MachineSetView> all = withNew(oldSets, newSet);
        int minAvailable = md.replicas() - RolloutMath.maxUnavailable(md);
        int newUnavailable = newSet == null ? 0 : newSet.replicas() - newSet.availableReplicas();
        int maxScaledDown = RolloutMath.replicas(all) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return oldSets;
        }
        List<MachineSetView> cleaned = cleanupUnhealthyReplicas(oldSets, maxScaledDown);
        return scaleDownOldMachineSets(md, newSet, cleaned);
    }

    /**
     * Removes up to {@code maxCleanup} unavailable replicas from old MachineSets, oldest set first, as upstream's
     * {@code cleanupUnhealthyReplicas}; available replicas are untouched.
     */
    public static List<MachineSetView> cleanupUnhealthyReplicas(List<MachineSetView> oldSets, int maxCleanup) {
        Map<String, Integer> target = new HashMap<>();
        int scaledDown = 0;
        for (MachineSetView ms : sorted(oldSets)) {
            if (scaledDown >= maxCleanup) {
                break;
            }
            int unhealthy = ms.replicas() - ms.availableReplicas();
            if (ms.replicas() == 0 || unhealthy <= 0) {
                continue;
            }
            int count = Math.min(maxCleanup - scaledDown, unhealthy);
            target.put(ms.name(), ms.replicas() - count);
            scaledDown += count;
        }
        return apply(oldSets, target);
    }

    /**
     * Scales old MachineSets down, oldest first, by as many replicas as keep {@code replicas − maxUnavailable}
     * available across all sets (upstream's {@code scaleDownOldMachineSetsForRollingUpdate}).
     */
    public static List<MachineSetView> scaleDownOldMachineSets(DeploymentView md, MachineSetView newSet,
            List<MachineSetView> oldSets) {
        int minAvailable = md.replicas() - RolloutMath.maxUnavailable(md);
        int available = RolloutMath.availableReplicas(withNew(oldSets, newSet));
        if (available <= minAvailable) {
            return oldSets;
        }
        int total = available - minAvailable;
        int scaledDown = 0;
        Map<String, Integer> target = new HashMap<>();
        for (MachineSetView ms : sorted(oldSets)) {
            if (scaledDown >= total) {
                break;
            }
            if (ms.replicas() == 0) {
                continue;
            }
            int count = Math.min(ms.replicas(), total - scaledDown);
            target.put(ms.name(), ms.replicas() - count);
            scaledDown += count;
        }
        return apply(oldSets, target);
    }

    private static List<MachineSetView> withNew(List<MachineSetView> oldSets, MachineSetView newSet) {
        List<MachineSetView> all = new ArrayList<>(oldSets);
        if (newSet != null) {
            all.add(newSet);
        }
        return all;
    }

    private static List<MachineSetView> sorted(List<MachineSetView> sets) {
        List<MachineSetView> copy = new ArrayList<>(sets);
        copy.sort(MachineSetOrder.BY_CREATION);
        return copy;
    }

    private static List<MachineSetView> apply(List<MachineSetView> sets, Map<String, Integer> target) {
        return sets.stream().map(ms -> target.containsKey(ms.name()) ? ms.withReplicas(target.get(ms.name())) : ms)
                .toList();
    }
}
