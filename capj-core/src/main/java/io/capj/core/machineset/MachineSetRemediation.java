package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.api.core.v1beta2.MachineSetConditions;
import io.capj.core.machinedeployment.IntOrPercent;
import io.capj.runtime.Conditions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remediates a MachineSet's unhealthy Machines, as upstream's {@code reconcileUnhealthyMachines}: Machines that
 * a MachineHealthCheck marked {@code HealthCheckSucceeded=False} with {@code OwnerRemediated=False} are
 * deleted (the set then replaces them), those with the remediate-machine annotation first, then newest first.
 * A set owned by a MachineDeployment remediates only when it is the deployment's current revision, and at most
 * {@code spec.remediation.maxInFlight} at a time (deleting Machines this controller remediated count against
 * it); the rest are marked deferred. Healthy Machines lose a stale OwnerRemediated condition. Preflight checks
 * are not run.
 */
final class MachineSetRemediation {
    private static final Logger LOG = LoggerFactory.getLogger(MachineSetRemediation.class);
    private static final String HEALTH_CHECK = MachineConditions.MachineHealthCheckSucceededCondition;
    private static final String OWNER_REMEDIATED = MachineConditions.MachineOwnerRemediatedCondition;
    private static final String DELETING_REASON =
            MachineSetConditions.MachineSetMachineRemediationMachineDeletingReason;

    private final MachineSetMachines machines;

    MachineSetRemediation(MachineSetMachines machines) {
        this.machines = machines;
    }

    void remediate(MachineSetScope scope) {
        List<ObjectNode> toRemediate = new ArrayList<>();
        for (ObjectNode machine : scope.machines) {
            if (MachineSetScope.isDeleting(machine)) {
                continue;
            }
            if (status(machine, HEALTH_CHECK) == ConditionStatus.TRUE
                    && status(machine, OWNER_REMEDIATED) == ConditionStatus.FALSE) {
                machines.deleteCondition(machine, MachineConditions.MachineOwnerRemediatedCondition);
            } else if (needsRemediation(machine)) {
                toRemediate.add(machine);
            }
        }
        if (toRemediate.isEmpty()) {
            return;
        }
        int maxInFlight = Integer.MAX_VALUE;
        String maxInFlightText = "";
        if (scope.owningDeployment != null) {
            String deploymentRevision = annotation(scope.owningDeployment, CoreAnnotations.RevisionAnnotation);
            if (!deploymentRevision.equals(annotation(scope.machineSet, CoreAnnotations.RevisionAnnotation))) {
                mark(toRemediate, MachineSetConditions.MachineSetMachineCannotBeRemediatedReason,
                        "Machine won't be remediated because it is pending removal due to rollout");
                return;
            }
            JsonNode limit = scope.owningDeployment.at("/spec/remediation/maxInFlight");
            if (!limit.isMissingNode() && !limit.isNull()) {
                IntOrPercent value = limit.isInt() ? IntOrPercent.of(limit.asInt()) : IntOrPercent.of(limit.asText());
                maxInFlight = value.scaledValue(scope.owningDeployment.at("/spec/replicas").asInt(1), true);
                maxInFlightText = limit.asText();
            }
        }
        for (ObjectNode machine : scope.machines) {
            if (MachineSetScope.isDeleting(machine)
                    && DELETING_REASON.equals(ConditionTrees.reason(machine, OWNER_REMEDIATED))) {
                maxInFlight--;
            }
        }
        String deferred = "Waiting because there are already too many remediations in progress "
                + "(spec.strategy.remediation.maxInFlight is " + maxInFlightText + ")";
        if (maxInFlight <= 0) {
            mark(toRemediate, MachineSetConditions.MachineSetMachineRemediationDeferredReason, deferred);
            return;
        }
        toRemediate.sort(remediationOrder());
        if (toRemediate.size() > maxInFlight) {
            mark(toRemediate.subList(maxInFlight, toRemediate.size()),
                    MachineSetConditions.MachineSetMachineRemediationDeferredReason, deferred);
            toRemediate = new ArrayList<>(toRemediate.subList(0, maxInFlight));
        }
        // Mark before deleting, so a Machine whose deletion fails is retried and one deleted carries the mark.
        mark(toRemediate, DELETING_REASON, "Machine is deleting");
        for (ObjectNode machine : toRemediate) {
            machines.delete(scope, machine);
            LOG.info("deleting Machine (remediating unhealthy Machine) {} Machine={}/{}", scope.logKeys(),
                    scope.namespace(), MachineSetScope.nameOf(machine));
        }
    }

    /** Upstream's {@code IsUnhealthyAndOwnerRemediated}: HealthCheckSucceeded and OwnerRemediated both False. */
    static boolean needsRemediation(JsonNode machine) {
        return status(machine, HEALTH_CHECK) == ConditionStatus.FALSE
                && status(machine, OWNER_REMEDIATED) == ConditionStatus.FALSE;
    }

    /** Remediate-machine annotation first, then newest, then by name. */
    static Comparator<JsonNode> remediationOrder() {
        Comparator<JsonNode> annotated = Comparator.comparing(
                m -> !m.at("/metadata/annotations").has(CoreAnnotations.RemediateMachineAnnotation));
        Comparator<JsonNode> newest = Comparator.comparing(MachineSetRemediation::created).reversed();
        return annotated.thenComparing(newest).thenComparing(MachineSetScope::nameOf);
    }

    private void mark(List<ObjectNode> targets, String reason, String message) {
        for (ObjectNode machine : targets) {
            machines.setCondition(machine, MachineConditions.MachineOwnerRemediatedCondition, Conditions.FALSE,
                    reason, message);
        }
    }

    private static ConditionStatus status(JsonNode machine, String type) {
        return ConditionTrees.status(machine, type);
    }

    private static Instant created(JsonNode machine) {
        JsonNode ts = machine.at("/metadata/creationTimestamp");
        return ts.isTextual() ? Instant.parse(ts.asText()) : Instant.EPOCH;
    }

    private static String annotation(JsonNode object, String key) {
        return object.at("/metadata/annotations").path(key).asText("");
    }

    /** The deployment-name label of {@code machineSet}, empty for a stand-alone set. */
    static String deploymentName(JsonNode machineSet) {
        return machineSet.at("/metadata/labels").path(CoreLabels.MachineDeploymentNameLabel).asText("");
    }
}
