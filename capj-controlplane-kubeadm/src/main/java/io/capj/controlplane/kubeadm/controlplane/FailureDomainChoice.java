package io.capj.controlplane.kubeadm.controlplane;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where KCP places a new Machine and from where it takes one away (upstream {@code util/failuredomains} and
 * {@code ControlPlane.MachineInFailureDomainWithMostMachines}). Only the Cluster's control-plane failure
 * domains count; Machines in unknown failure domains are ignored when counting.
 * <p>Ties: upstream leaves them to map order (random); here they fall to the failure-domain name, so the
 * choice is reproducible.
 */
public final class FailureDomainChoice {

    private FailureDomainChoice() {
    }

    private record Count(String name, int priority, int all) {
    }

    /**
     * Upstream {@code PickFewest}: the failure domain with the fewest {@code upToDate} (not deleting) Machines,
     * then the fewest Machines overall, then by name. Empty when there are no control-plane failure domains.
     */
    public static Optional<String> forScaleUp(List<String> failureDomains, ControlPlaneMachines all,
            ControlPlaneMachines upToDate) {
        return count(failureDomains, all, upToDate).stream()
                .min(Comparator.comparingInt(Count::priority).thenComparingInt(Count::all).thenComparing(Count::name))
                .map(Count::name);
    }

    /**
     * Upstream {@code PickMost}: the failure domain with the most {@code eligible} Machines, then the most
     * Machines overall, then by name; empty when none of them holds an eligible Machine.
     */
    public static Optional<String> withMostMachines(List<String> failureDomains, ControlPlaneMachines all,
            ControlPlaneMachines eligible) {
        return count(failureDomains, all, eligible).stream()
                .min(Comparator.comparingInt(Count::priority).reversed()
                        .thenComparing(Comparator.comparingInt(Count::all).reversed())
                        .thenComparing(Count::name))
                .filter(c -> c.priority() > 0)
                .map(Count::name);
    }

    /**
     * Upstream {@code MachineInFailureDomainWithMostMachines}: an eligible Machine outside every known failure
     * domain goes first (the oldest such one decides the domain, "" included); otherwise the failure domain with
     * the most Machines; then the oldest eligible Machine in that domain.
     */
    public static Optional<ControlPlaneMachine> machineToDelete(List<String> failureDomains, ControlPlaneMachines all,
            ControlPlaneMachines eligible) {
        Set<String> known = new HashSet<>(failureDomains);
        ControlPlaneMachines outside = eligible.filter(m -> !known.contains(m.failureDomain()));
        String domain;
        if (!outside.isEmpty()) {
            domain = outside.oldest().orElseThrow().failureDomain();
        } else {
            domain = withMostMachines(failureDomains, all, eligible).orElse("");
        }
        return eligible.inFailureDomains(Set.of(domain)).oldest();
    }

    private static List<Count> count(List<String> failureDomains, ControlPlaneMachines all,
            ControlPlaneMachines priority) {
        Map<String, int[]> counters = new LinkedHashMap<>();
        for (String fd : failureDomains) {
            counters.put(fd, new int[2]);
        }
        for (ControlPlaneMachine m : all) {
            int[] c = counters.get(m.failureDomain());
            if (c != null) {
                c[1]++;
            }
        }
        for (ControlPlaneMachine m : priority) {
            int[] c = counters.get(m.failureDomain());
            if (c != null) {
                c[0]++;
            }
        }
        List<Count> counts = new ArrayList<>();
        counters.forEach((name, c) -> counts.add(new Count(name, c[0], c[1])));
        return counts;
    }
}
