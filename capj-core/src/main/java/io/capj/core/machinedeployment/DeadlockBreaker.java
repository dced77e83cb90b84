package io.capj.core.machinedeployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upstream's RollingUpdate deadlock breaker: when old MachineSets hold unavailable Machines, nothing is scaling,
 * the new MachineSet is fully available and yet the planner cannot move (maxUnavailable is used up by the sick
 * old Machines), it scales the oldest old set with unavailable Machines down by one, knowingly breaching
 * maxUnavailable once, because the Machine removed is likely one of the unavailable ones.
 */
final class DeadlockBreaker {

    private DeadlockBreaker() {
    }

    /**
     * {@code planned} with at most one old set shrunk by one.
     *
     * @param current      the sets as read, before planning
     * @param actual       {@code status.replicas} by name
     * @param available    {@code status.availableReplicas} by name
     */
    static RolloutStep apply(RolloutStep current, RolloutStep planned, Map<String, Integer> actual,
            Map<String, Integer> available) {
        List<MachineSetView> oldSets = current.oldSets();
        int oldActual = oldSets.stream().mapToInt(ms -> actual.getOrDefault(ms.name(), 0)).sum();
        int oldAvailable = oldSets.stream().mapToInt(ms -> available.getOrDefault(ms.name(), 0)).sum();
        if (oldActual == 0 || oldActual == oldAvailable || current.newSet() == null) {
            return planned;
        }
        List<MachineSetView> before = current.all();
        List<MachineSetView> after = planned.all();
        for (int i = 0; i < before.size(); i++) {
            MachineSetView ms = before.get(i);
            if (ms.replicas() != actual.getOrDefault(ms.name(), 0) || after.get(i).replicas() != ms.replicas()) {
                return planned;
            }
        }
        String newName = current.newSet().name();
        if (!available.getOrDefault(newName, 0).equals(actual.getOrDefault(newName, 0))) {
            return planned;
        }
        List<MachineSetView> sorted = new ArrayList<>(planned.oldSets());
        sorted.sort(MachineSetOrder.BY_CREATION);
        for (MachineSetView ms : sorted) {
            if (ms.replicas() == 0 || available.getOrDefault(ms.name(), 0).equals(actual.getOrDefault(ms.name(), 0))) {
                continue;
            }
            List<MachineSetView> old = planned.oldSets().stream()
                    .map(o -> o.name().equals(ms.name()) ? o.withReplicas(o.replicas() - 1) : o).toList();
            return new RolloutStep(planned.newSet(), old);
        }
        return planned;
    }
}
