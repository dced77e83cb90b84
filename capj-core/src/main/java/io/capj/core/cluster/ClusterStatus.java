package io.capj.core.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterPhase;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.runtime.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;

/**
 * Computes a Cluster's status from what the pass observed: phase, control plane and worker replica counters,
 * and conditions. It only changes the scope's tree and condition list; the reconciler sends the patch.
 */
final class ClusterStatus {
    private ClusterStatus() {
    }

    /**
     * Upstream's phase rules: Pending; Provisioning once a reference is set; Provisioned once the
     * infrastructure is provisioned and the endpoint has host and port; Deleting once deletion started.
     */
    static ClusterPhase phase(ClusterView cluster, boolean deleting) {
        if (deleting) {
            return ClusterPhase.Deleting;
        }
        boolean endpointValid = cluster.spec().controlPlaneEndpoint().map(ClusterView.Endpoint::isValid).orElse(false);
        if (cluster.status().infrastructureProvisioned() && endpointValid) {
            return ClusterPhase.Provisioned;
        }
        if (cluster.spec().infrastructureRef().isPresent() || cluster.spec().controlPlaneRef().isPresent()) {
            return ClusterPhase.Provisioning;
        }
        return ClusterPhase.Pending;
    }

    /**
     * Updates phase, counters and conditions in the scope.
     *
     * @return the new phase when it changed, else null
     */
    static ClusterPhase update(ClusterScope s) {
        ObjectNode status = s.cluster.withObject("/status");
        String before = status.path("phase").asText();
        ClusterPhase phase = phase(s.view(), s.deleting());
        status.put("phase", phase.name());
        ReplicaCounters.controlPlane(s).ifPresent(c -> c.writeTo(status.withObject("/controlPlane")));
        ReplicaCounters.workers(s).ifPresent(c -> c.writeTo(status.withObject("/workers")));
        removeIfEmpty(status, "controlPlane");
        removeIfEmpty(status, "workers");
        updateConditions(s);
        return phase.name().equals(before) ? null : phase;
    }

    private static void updateConditions(ClusterScope s) {
        List<Condition> conditions = s.conditions;
        long generation = s.generation();
        Conditions.set(conditions, ClusterConditionRules.infrastructureReady(s), generation);
        Conditions.set(conditions, ClusterConditionRules.controlPlaneAvailable(s), generation);
        ClusterConditionRules.controlPlaneInitialized(s).ifPresent(c -> Conditions.set(conditions, c, generation));
        Instant now = Instant.now();
        for (Condition aggregate : List.of(ClusterAggregateConditions.workersAvailable(s),
                ClusterAggregateConditions.controlPlaneMachinesReady(s),
                ClusterAggregateConditions.workerMachinesReady(s),
                ClusterAggregateConditions.controlPlaneMachinesUpToDate(s, now),
                ClusterAggregateConditions.workerMachinesUpToDate(s, now),
                ClusterAggregateConditions.rollingOut(s), ClusterAggregateConditions.scalingUp(s),
                ClusterAggregateConditions.scalingDown(s), ClusterAggregateConditions.remediating(s))) {
            Conditions.set(conditions, aggregate, generation);
        }
        Conditions.set(conditions, ClusterConditionRules.deleting(s), generation);
        Conditions.set(conditions, ClusterConditionRules.available(s), generation);
    }

    private static void removeIfEmpty(ObjectNode status, String field) {
        if (status.path(field).isObject() && status.path(field).isEmpty()) {
            status.remove(field);
        }
    }
}
