package io.capj.core.machinedeployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The old-MachineSet half of an OnDelete rollout, as upstream's {@code reconcileOldMachineSetsOnDelete}: old
 * MachineSets are never scaled down on their own initiative. Each first follows its actual Machine count (users
 * delete Machines; a MachineSet with {@code disable-machine-create} does not replace them); then, if the total
 * still exceeds the deployment's replicas (it was scaled down), old sets shrink oldest first.
 */
final class OnDeletePlanner {

    private OnDeletePlanner() {
    }

    /**
     * The old sets with their next replicas.
     *
     * @param actualReplicas {@code status.replicas} of each old set, by name
     */
    static List<MachineSetView> scaleDownOldMachineSets(DeploymentView md, MachineSetView newSet,
            List<MachineSetView> oldSets, Map<String, Integer> actualReplicas) {
        int oldReplicas = RolloutMath.replicas(oldSets);
        if (oldReplicas == 0) {
            return oldSets;
        }
        int newReplicas = newSet == null ? 0 : newSet.replicas();
        int excess = Math.max(oldReplicas + newReplicas - md.replicas(), 0);
        List<MachineSetView> sorted = new ArrayList<>(oldSets);
        sorted.sort(MachineSetOrder.BY_CREATION);
        Map<String, Integer> target = new HashMap<>();
        for (MachineSetView ms : sorted) {
            int gone = Math.max(ms.replicas() - actualReplicas.getOrDefault(ms.name(), ms.replicas()), 0);
            if (ms.replicas() > 0 && gone > 0) {
                target.put(ms.name(), ms.replicas() - gone);
                excess -= gone;
            }
        }
        for (MachineSetView ms : sorted) {
            if (excess <= 0) {
                break;
            }
            int current = target.getOrDefault(ms.name(), ms.replicas());
            int count = Math.min(current, excess);
            if (count > 0) {
                target.put(ms.name(), current - count);
                excess -= count;
            }
        }
        return oldSets.stream().map(ms -> target.containsKey(ms.name()) ? ms.withReplicas(target.get(ms.name())) : ms)
                .toList();
    }
}
