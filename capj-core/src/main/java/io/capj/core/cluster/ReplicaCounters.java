package io.capj.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.contract.ControlPlaneContract;
import java.util.Optional;

/**
 * {@code status.controlPlane} and {@code status.workers} replica counters (desired, current, ready, available,
 * up-to-date). A counter nobody reports stays unset rather than zero, as upstream's pointers do.
 */
final class ReplicaCounters {
    private Long desired;
    private Long replicas;
    private Long ready;
    private Long available;
    private Long upToDate;

    private ReplicaCounters() {
    }

    /**
     * The control plane's counters: those the control plane object reports when the Cluster has one (none
     * while it is missing); otherwise a count of control-plane Machines, each counting as one desired replica.
     * Empty when the Machines could not be listed, so the previous values stay.
     */
    static Optional<ReplicaCounters> controlPlane(ClusterScope s) {
        ReplicaCounters counters = new ReplicaCounters();
        if (s.view().spec().controlPlaneRef().isPresent() || s.view().spec().hasTopology()) {
            if (s.controlPlane == null) {
                return Optional.of(counters);
            }
            ControlPlaneContract contract = ControlPlaneContract.forContract(s.controlPlaneKind.contract());
            counters.desired = contract.replicas().get(s.controlPlane).orElse(null);
            counters.replicas = contract.statusReplicas().get(s.controlPlane).orElse(null);
            counters.ready = contract.readyReplicas().get(s.controlPlane).orElse(null);
            counters.available = contract.availableReplicas(s.controlPlane).orElse(null);
            counters.upToDate = contract.upToDateReplicas().get(s.controlPlane).orElse(null);
            return Optional.of(counters);
        }
        if (s.descendants == null) {
            return Optional.empty();
        }
        s.descendants.controlPlaneMachines().forEach(counters::addMachine);
        return Optional.of(counters);
    }

    /**
     * The workers' counters: MachineDeployments, plus MachineSets and Machines the Cluster owns directly (a
     * stand-alone Machine counts as one desired replica). Empty when the descendants could not be listed.
     */
    static Optional<ReplicaCounters> workers(ClusterScope s) {
        if (s.descendants == null) {
            return Optional.empty();
        }
        ReplicaCounters counters = new ReplicaCounters();
        s.descendants.machineDeployments().forEach(counters::addReplicaSet);
        s.descendants.machineSets().stream().filter(ms -> ClusterOwnership.isOwnedBy(ms, s.name()))
                .forEach(counters::addReplicaSet);
        s.descendants.workerMachines().stream().filter(m -> ClusterOwnership.isOwnedBy(m, s.name()))
                .forEach(counters::addMachine);
        return Optional.of(counters);
    }

    /** Writes the counters into {@code target} ({@code status.controlPlane} or {@code status.workers}). */
    void writeTo(ObjectNode target) {
        put(target, "desiredReplicas", desired);
        put(target, "replicas", replicas);
        put(target, "readyReplicas", ready);
        put(target, "availableReplicas", available);
        put(target, "upToDateReplicas", upToDate);
    }

    private void addReplicaSet(JsonNode object) {
        desired = plus(desired, count(object.at("/spec/replicas")));
        JsonNode status = object.path("status");
        replicas = plus(replicas, count(status.path("replicas")));
        ready = plus(ready, count(status.path("readyReplicas")));
        available = plus(available, count(status.path("availableReplicas")));
        upToDate = plus(upToDate, count(status.path("upToDateReplicas")));
    }

    private void addMachine(JsonNode machine) {
        desired = plus(desired, 1L);
        replicas = plus(replicas, 1L);
        if (isTrue(machine, MachineConditions.MachineReadyCondition)) {
            ready = plus(ready, 1L);
        }
        if (isTrue(machine, MachineConditions.MachineAvailableCondition)) {
            available = plus(available, 1L);
        }
        if (isTrue(machine, MachineConditions.MachineUpToDateCondition)) {
            upToDate = plus(upToDate, 1L);
        }
    }

    static boolean isTrue(JsonNode object, String conditionType) {
        return Condition.find(object.path("status"), conditionType).map(Condition::isTrue).orElse(false);
    }

    private static Long count(JsonNode node) {
        return node.isIntegralNumber() ? node.asLong() : null;
    }

    private static Long plus(Long total, Long value) {
        if (value == null) {
            return total;
        }
        return total == null ? value : total + value;
    }

    private static void put(ObjectNode target, String field, Long value) {
        if (value == null) {
            target.remove(field);
        } else {
            target.put(field, value);
        }
    }
}
