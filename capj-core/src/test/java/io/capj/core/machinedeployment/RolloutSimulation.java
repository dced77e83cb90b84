package io.capj.core.machinedeployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A test-only world for {@link RolloutPlanner}: MachineSets whose scale-ups create unready Machines and whose
 * scale-downs remove unready Machines first (as the MachineSet deletion order does), and a readiness tick in
 * which each unready Machine becomes available with a seeded probability. It records the worst total and the
 * worst availability seen at every intermediate state of every step.
 */
final class RolloutSimulation {

    private final DeploymentView md;
    private final Random random;
    private final double readyProbability;
    private MachineSetView newSet;
    private List<MachineSetView> oldSets;
    private int maxTotal;
    private int minAvailable;
    private int steps;

    RolloutSimulation(DeploymentView md, List<MachineSetView> oldSets, long seed, double readyProbability) {
        this.md = md;
        this.random = new Random(seed);
        this.readyProbability = readyProbability;
        this.oldSets = List.copyOf(oldSets);
        Instant newest = oldSets.stream().map(MachineSetView::creationTimestamp).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        this.newSet = MachineSetView.of(md.name() + "-new", newest.plusSeconds(1), 0, 0);
        this.maxTotal = total();
        this.minAvailable = available();
    }

    /** One reconcile: plan, scale the new set, then the old ones, then let Machines become ready. */
    void step() {
        RolloutStep plan = RolloutPlanner.planRollingUpdate(md, newSet, oldSets);
        newSet = resize(newSet, plan.newSet().replicas());
        observe();
        List<MachineSetView> next = new ArrayList<>();
        for (int i = 0; i < oldSets.size(); i++) {
            next.add(resize(oldSets.get(i), plan.oldSets().get(i).replicas()));
        }
        oldSets = next;
        observe();
        newSet = ready(newSet);
        oldSets = oldSets.stream().map(this::ready).toList();
        observe();
        steps++;
    }

    /** Steps until converged or {@code limit} steps; true when converged. */
    boolean runUntilConverged(int limit) {
        while (!converged() && steps < limit) {
            step();
        }
        return converged();
    }

    boolean converged() {
        return newSet.replicas() == md.replicas() && newSet.availableReplicas() == md.replicas()
                && RolloutMath.replicas(oldSets) == 0;
    }

    int maxTotal() {
        return maxTotal;
    }

    int minAvailable() {
        return minAvailable;
    }

    int steps() {
        return steps;
    }

    private static MachineSetView resize(MachineSetView ms, int replicas) {
        // The simulated MachineSet controller creates and deletes Machines at once.
        return ms.withReplicas(replicas).withExistingMachines(replicas)
                .withAvailableReplicas(Math.min(ms.availableReplicas(), replicas));
    }

    private MachineSetView ready(MachineSetView ms) {
        int available = ms.availableReplicas();
        for (int i = available; i < ms.replicas(); i++) {
            if (random.nextDouble() < readyProbability) {
                available++;
            }
        }
        return ms.withAvailableReplicas(available);
    }

    private void observe() {
        maxTotal = Math.max(maxTotal, total());
        minAvailable = Math.min(minAvailable, available());
    }

    private int total() {
        return newSet.replicas() + RolloutMath.replicas(oldSets);
    }

    private int available() {
        return newSet.availableReplicas() + RolloutMath.availableReplicas(oldSets);
    }
}
