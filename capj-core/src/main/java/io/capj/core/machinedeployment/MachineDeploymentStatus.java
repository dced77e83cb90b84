package io.capj.core.machinedeployment;

import static io.capj.api.core.v1beta2.MachineDeploymentConditions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.api.core.v1beta2.MachineDeploymentPhase;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.runtime.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A MachineDeployment's status computed from one pass's observations, as upstream's
 * {@code machinedeployment_status.go}: the replica counters summed over its MachineSets, the selector string
 * of the scale subresource, the phase, and the v1beta2 conditions Available, RollingOut, ScalingUp,
 * ScalingDown, MachinesReady, MachinesUpToDate, Remediating and Deleting.
 */
final class MachineDeploymentStatus {
    private static final String INTERNAL_ERROR_MESSAGE = "Please check controller logs for errors";
    private static final Duration UP_TO_DATE_GRACE = Duration.ofSeconds(10);

    private MachineDeploymentStatus() {
    }

    static void update(DeploymentScope scope) {
        ObjectNode md = scope.deployment;
        ObjectNode status = md.withObject("/status");
        status.put("selector", LabelSelector.fromMetaV1(md.at("/spec/selector")).toString());
        if (scope.machineSetsKnown) {
            status.put("replicas", sum(scope, "replicas"));
            status.put("readyReplicas", sum(scope, "readyReplicas"));
            status.put("availableReplicas", sum(scope, "availableReplicas"));
            status.put("upToDateReplicas", sum(scope, "upToDateReplicas"));
        }
        status.put("phase", phase(scope).name());
        setAvailable(scope);
        setRollingOut(scope);
        setScaling(scope);
        MachineAggregation.machinesReady(scope);
        MachineAggregation.machinesUpToDate(scope, UP_TO_DATE_GRACE);
        MachineAggregation.remediating(scope);
        setDeleting(scope);
    }

    private static int sum(DeploymentScope scope, String field) {
        return scope.machineSets.stream().mapToInt(ms -> ms.path("status").path(field).asInt(0)).sum();
    }

    static MachineDeploymentPhase phase(DeploymentScope scope) {
        if (!scope.machineSetsKnown) {
            return MachineDeploymentPhase.Unknown;
        }
        if (scope.deleting()) {
            return MachineDeploymentPhase.ScalingDown;
        }
        int desired = DeploymentViews.of(scope.deployment).replicas();
        int current = sum(scope, "replicas");
        if (desired == current) {
            return MachineDeploymentPhase.Running;
        }
        return desired < current ? MachineDeploymentPhase.ScalingDown : MachineDeploymentPhase.ScalingUp;
    }

    private static void setAvailable(DeploymentScope scope) {
        ObjectNode md = scope.deployment;
        if (!scope.machineSetsKnown) {
            TreeConditions.set(md, MachineDeploymentAvailableCondition, Conditions.UNKNOWN,
                    MachineDeploymentAvailableInternalErrorReason, INTERNAL_ERROR_MESSAGE);
            return;
        }
        if (!md.at("/status/availableReplicas").isNumber()) {
            TreeConditions.set(md, MachineDeploymentAvailableCondition, Conditions.UNKNOWN,
                    MachineDeploymentAvailableWaitingForAvailableReplicasSetReason,
                    "Waiting for status.availableReplicas set");
            return;
        }
        DeploymentView view = DeploymentViews.of(md);
        int minimum = view.replicas() - RolloutMath.maxUnavailable(view);
        int available = md.at("/status/availableReplicas").asInt();
        if (available >= minimum) {
            TreeConditions.set(md, MachineDeploymentAvailableCondition, Conditions.TRUE,
                    MachineDeploymentAvailableReason, "");
            return;
        }
        String message = available + " available replicas, at least " + minimum + " required";
        if (view.strategy().isRollingUpdate()) {
            message += " (spec.strategy.rollout.maxUnavailable is " + view.strategy().maxUnavailable()
                    + ", spec.replicas is " + view.replicas() + ")";
        }
        if (scope.deleting()) {
            message = "Deletion in progress";
        }
        TreeConditions.set(md, MachineDeploymentAvailableCondition, Conditions.FALSE,
                MachineDeploymentNotAvailableReason, message);
    }

    private static void setRollingOut(DeploymentScope scope) {
        int rollingOut = 0;
        TreeSet<String> reasons = new TreeSet<>((a, b) -> {
            boolean av = a.startsWith("* Version");
            boolean bv = b.startsWith("* Version");
            return av == bv ? a.compareTo(b) : av ? -1 : 1;
        });
        for (JsonNode machine : scope.machines) {
            Optional<Condition> upToDate = Condition.find(machine.path("status"),
                    MachineConditions.MachineUpToDateCondition);
            if (upToDate.isEmpty() || !Conditions.FALSE.equals(upToDate.get().status())) {
                continue;
            }
            rollingOut++;
            if (!upToDate.get().message().isEmpty()) {
                reasons.addAll(List.of(upToDate.get().message().split("\n")));
            }
        }
        if (rollingOut == 0) {
            TreeConditions.set(scope.deployment, MachineDeploymentRollingOutCondition, Conditions.FALSE,
                    MachineDeploymentNotRollingOutReason, "");
            return;
        }
        String message = "Rolling out " + rollingOut + " not up-to-date replicas"
                + (reasons.isEmpty() ? "" : "\n" + String.join("\n", reasons));
        TreeConditions.set(scope.deployment, MachineDeploymentRollingOutCondition, Conditions.TRUE,
                MachineDeploymentRollingOutReason, message);
    }

    private static void setScaling(DeploymentScope scope) {
        ObjectNode md = scope.deployment;
        if (!scope.machineSetsKnown) {
            TreeConditions.set(md, MachineDeploymentScalingUpCondition, Conditions.UNKNOWN,
                    MachineDeploymentScalingUpInternalErrorReason, INTERNAL_ERROR_MESSAGE);
            TreeConditions.set(md, MachineDeploymentScalingDownCondition, Conditions.UNKNOWN,
                    MachineDeploymentScalingDownInternalErrorReason, INTERNAL_ERROR_MESSAGE);
            return;
        }
        int desired = scope.deleting() ? 0 : DeploymentViews.of(md).replicas();
        int current = sum(scope, "replicas");
        String missing = missingTemplatesMessage(scope);
        if (current >= desired) {
            String message = !scope.deleting() && !missing.isEmpty() ? "Scaling up would be blocked " + missing : "";
            TreeConditions.set(md, MachineDeploymentScalingUpCondition, Conditions.FALSE,
                    MachineDeploymentNotScalingUpReason, message);
        } else {
            String message = "Scaling up from " + current + " to " + desired + " replicas"
                    + (missing.isEmpty() ? "" : " is blocked " + missing);
            TreeConditions.set(md, MachineDeploymentScalingUpCondition, Conditions.TRUE,
                    MachineDeploymentScalingUpReason, message);
        }
        if (current > desired) {
            TreeConditions.set(md, MachineDeploymentScalingDownCondition, Conditions.TRUE,
                    MachineDeploymentScalingDownReason, "Scaling down from " + current + " to " + desired + " replicas");
        } else {
            TreeConditions.set(md, MachineDeploymentScalingDownCondition, Conditions.FALSE,
                    MachineDeploymentNotScalingDownReason, "");
        }
    }

    private static String missingTemplatesMessage(DeploymentScope scope) {
        List<String> missing = scope.missingTemplateKinds;
        if (missing.isEmpty()) {
            return "";
        }
        return missing.size() == 1 ? "because " + missing.get(0) + " does not exist"
                : "because " + String.join(" and ", missing) + " do not exist";
    }

    private static void setDeleting(DeploymentScope scope) {
        ObjectNode md = scope.deployment;
        if (!scope.machineSetsKnown) {
            TreeConditions.set(md, MachineDeploymentDeletingCondition, Conditions.UNKNOWN,
                    MachineDeploymentDeletingInternalErrorReason, INTERNAL_ERROR_MESSAGE);
            return;
        }
        if (!scope.deleting()) {
            TreeConditions.set(md, MachineDeploymentDeletingCondition, Conditions.FALSE,
                    MachineDeploymentNotDeletingReason, "");
            return;
        }
        int machines = scope.machines.size();
        String message;
        if (machines > 0) {
            message = "Deleting " + machines + (machines == 1 ? " Machine" : " Machines");
        } else if (!scope.machineSets.isEmpty()) {
            message = "Deleting " + scope.machineSets.size() + " MachineSets";
        } else {
            message = "Deletion completed";
        }
        TreeConditions.set(md, MachineDeploymentDeletingCondition, Conditions.TRUE, MachineDeploymentDeletingReason,
                message);
    }

    /** Whether {@code machine} was created less than {@code age} ago. */
    static boolean youngerThan(JsonNode machine, Duration age) {
        String created = machine.at("/metadata/creationTimestamp").asText();
        return !created.isEmpty() && Instant.parse(created).plus(age).isAfter(Instant.now());
    }
}
