package io.capj.core.machinedeployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resizes a MachineDeployment's MachineSets when its replicas change, as upstream's {@code sync.go scale}:
 * a single active (or, with none, the newest) MachineSet takes the full count; a saturated new MachineSet
 * zeroes the old ones; otherwise, during a RollingUpdate, the difference to {@code replicas + maxSurge} is
 * spread in proportion to each set's share of its max-replicas annotation (falling back to the deployment's
 * {@code status.replicas}), and the rounding leftover goes to the first set in size order (largest, newer first
 * when adding; largest, older first when removing).
 */
public final class ProportionalScaling {

    private ProportionalScaling() {
    }

    /** The MachineSets (new one first, when present, then old ones in input order) with their new replicas. */
    public static RolloutStep scale(DeploymentView md, MachineSetView newSet, List<MachineSetView> oldSets) {
        MachineSetView single = findOneActiveOrLatest(newSet, oldSets);
        if (single != null) {
            return resize(newSet, oldSets, Map.of(single.name(), md.replicas()));
        }
        if (RolloutMath.isSaturated(md, newSet)) {
            Map<String, Integer> zero = new HashMap<>();
            oldSets.stream().filter(MachineSetView::active).forEach(ms -> zero.put(ms.name(), 0));
            return resize(newSet, oldSets, zero);
        }
        if (!md.strategy().isRollingUpdate()) {
            return new RolloutStep(newSet, oldSets);
        }
        return resize(newSet, oldSets, proportionalSizes(md, newSet, oldSets));
    }

    /**
     * The one active MachineSet, or the newest one when none is active, or null when several are active
     * (upstream's {@code FindOneActiveOrLatest}).
     */
    public static MachineSetView findOneActiveOrLatest(MachineSetView newSet, List<MachineSetView> oldSets) {
        List<MachineSetView> active = new ArrayList<>();
        if (newSet != null && newSet.active()) {
            active.add(newSet);
        }
        oldSets.stream().filter(MachineSetView::active).forEach(active::add);
        if (active.size() == 1) {
            return active.get(0);
        }
        if (!active.isEmpty()) {
            return null;
        }
        if (newSet != null) {
            return newSet;
        }
        return oldSets.stream().max(MachineSetOrder.BY_CREATION).orElse(null);
    }

    /**
     * How many replicas {@code ms} gains (positive) or loses (negative) out of {@code toAdd}, given
     * {@code added} already handed out (upstream's {@code GetProportion}).
     */
    public static int proportion(MachineSetView ms, DeploymentView md, int toAdd, int added) {
        if (ms == null || ms.replicas() == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = fraction(ms, md);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /** {@code ms}'s share of the deployment's new size minus its current replicas (upstream's fraction). */
    static int fraction(MachineSetView ms, DeploymentView md) {
        if (md.replicas() == 0) {
            return -ms.replicas();
        }
        int deploymentReplicas = md.replicas() + RolloutMath.maxSurge(md);
        int annotated = ReplicasAnnotations.maxReplicasOf(ms).orElse(md.statusReplicas());
        if (annotated <= 0) {
            // Upstream divides by zero here (undefined float-to-int); keeping the size is the safe reading.
            return 0;
        }
        double size = (double) ms.replicas() * deploymentReplicas / annotated;
        return roundHalfAwayFromZero(size) - ms.replicas();
    }

    private static Map<String, Integer> proportionalSizes(DeploymentView md, MachineSetView newSet,
            List<MachineSetView> oldSets) {
        List<MachineSetView> all = new ArrayList<>(oldSets);
        if (newSet != null) {
            all.add(newSet);
        }
        all.removeIf(ms -> !ms.active());
        int allowed = md.replicas() > 0 ? md.replicas() + RolloutMath.maxSurge(md) : 0;
        int toAdd = allowed - RolloutMath.replicas(all);
        Comparator<MachineSetView> order = toAdd > 0 ? MachineSetOrder.BY_SIZE_NEWER : MachineSetOrder.BY_SIZE_OLDER;
        all.sort(order);
        Map<String, Integer> sizes = new HashMap<>();
        int added = 0;
        for (MachineSetView ms : all) {
            int share = proportion(ms, md, toAdd, added);
            sizes.put(ms.name(), ms.replicas() + share);
            added += share;
        }
        if (!all.isEmpty() && toAdd != 0) {
            String first = all.get(0).name();
            sizes.put(first, Math.max(0, sizes.get(first) + toAdd - added));
        }
        return sizes;
    }

    private static int roundHalfAwayFromZero(double value) {
        return (int) (value < 0 ? value - 0.5 : value + 0.5);
    }

    private static RolloutStep resize(MachineSetView newSet, List<MachineSetView> oldSets, Map<String, Integer> sizes) {
        MachineSetView next = newSet == null || !sizes.containsKey(newSet.name())
                ? newSet : newSet.withReplicas(sizes.get(newSet.name()));
        List<MachineSetView> old = oldSets.stream()
                .map(ms -> sizes.containsKey(ms.name()) ? ms.withReplicas(sizes.get(ms.name())) : ms).toList();
        return new RolloutStep(next, old);
    }
}
