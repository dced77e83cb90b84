package io.capj.core.machinedeployment;

import static io.capj.api.core.v1beta2.MachineDeploymentConditions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.runtime.Conditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The MachineDeployment conditions that aggregate one condition over its Machines (MachinesReady,
 * MachinesUpToDate, Remediating): False when any Machine reports the condition False, else Unknown when any
 * has not reported it, else True; the message groups Machines by what they report
 * ({@code * Machines m-1, m-2: message}), issues first, at most three groups.
 */
final class MachineAggregation {
    private static final int MAX_GROUPS = 3;
    private static final int MAX_NAMES = 3;

    private MachineAggregation() {
    }

    static void machinesReady(DeploymentScope scope) {
        aggregate(scope, scope.machines, MachineConditions.MachineReadyCondition,
                MachineDeploymentMachinesReadyCondition, MachineDeploymentMachinesNotReadyReason,
                MachineDeploymentMachinesReadyUnknownReason, MachineDeploymentMachinesReadyReason,
                MachineDeploymentMachinesReadyNoReplicasReason);
    }

    /** Machines younger than {@code grace} without an UpToDate condition are not counted yet. */
    static void machinesUpToDate(DeploymentScope scope, Duration grace) {
        List<JsonNode> machines = scope.machines.stream()
                .filter(m -> Condition.find(m.path("status"), MachineConditions.MachineUpToDateCondition).isPresent()
                        || !MachineDeploymentStatus.youngerThan(m, grace))
                .toList();
        aggregate(scope, machines, MachineConditions.MachineUpToDateCondition,
                MachineDeploymentMachinesUpToDateCondition, MachineDeploymentMachinesNotUpToDateReason,
                MachineDeploymentMachinesUpToDateUnknownReason, MachineDeploymentMachinesUpToDateReason,
                MachineDeploymentMachinesUpToDateNoReplicasReason);
    }

    /**
     * Remediating is True while Machines marked unhealthy wait for their owner to remediate them
     * (OwnerRemediated reported); otherwise False, naming unhealthy Machines left to others.
     */
    static void remediating(DeploymentScope scope) {
        List<JsonNode> unhealthy = scope.machines.stream().filter(m -> isFalse(m,
                MachineConditions.MachineHealthCheckSucceededCondition)).toList();
        List<JsonNode> toRemediate = unhealthy.stream().filter(m -> Condition.find(m.path("status"),
                MachineConditions.MachineOwnerRemediatedCondition).isPresent()).toList();
        if (toRemediate.isEmpty()) {
            String message = "";
            if (!unhealthy.isEmpty()) {
                List<String> names = unhealthy.stream().map(MachineSetJson::name).sorted().toList();
                message = (names.size() == 1 ? "Machine " : "Machines ") + list(names)
                        + (names.size() == 1 ? " is" : " are")
                        + " not healthy (not to be remediated by MachineDeployment/MachineSet)";
            }
            TreeConditions.set(scope.deployment, MachineDeploymentRemediatingCondition, Conditions.FALSE,
                    MachineDeploymentNotRemediatingReason, message);
            return;
        }
        TreeConditions.set(scope.deployment, MachineDeploymentRemediatingCondition, Conditions.TRUE,
                MachineDeploymentRemediatingReason, message(toRemediate,
                        MachineConditions.MachineOwnerRemediatedCondition, true));
    }

    private static void aggregate(DeploymentScope scope, List<JsonNode> machines, String machineCondition,
            String type, String falseReason, String unknownReason, String trueReason, String noReplicasReason) {
        if (machines.isEmpty()) {
            TreeConditions.set(scope.deployment, type, Conditions.TRUE, noReplicasReason, "");
            return;
        }
        boolean anyFalse = machines.stream().anyMatch(m -> isFalse(m, machineCondition));
        boolean anyUnknown = machines.stream().anyMatch(m -> Condition.find(m.path("status"), machineCondition)
                .map(c -> !c.isTrue() && !Conditions.FALSE.equals(c.status())).orElse(true));
        if (anyFalse) {
            TreeConditions.set(scope.deployment, type, Conditions.FALSE, falseReason,
                    message(machines, machineCondition, false));
        } else if (anyUnknown) {
            TreeConditions.set(scope.deployment, type, Conditions.UNKNOWN, unknownReason,
                    message(machines, machineCondition, false));
        } else {
            TreeConditions.set(scope.deployment, type, Conditions.TRUE, trueReason, "");
        }
    }

    private static boolean isFalse(JsonNode machine, String type) {
        return Condition.find(machine.path("status"), type).map(c -> Conditions.FALSE.equals(c.status()))
                .orElse(false);
    }

    /** Groups Machines by (status, message): issues first, then unknowns; with {@code all}, every group. */
    private static String message(List<JsonNode> machines, String type, boolean all) {
        Map<String, List<String>> issues = new TreeMap<>();
        Map<String, List<String>> unknowns = new TreeMap<>();
        for (JsonNode machine : machines) {
            Optional<Condition> c = Condition.find(machine.path("status"), type);
            String text = c.map(Condition::message).filter(m -> !m.isEmpty())
                    .orElse(c.isPresent() ? "" : "Condition " + type + " not yet reported");
            boolean issue = c.map(x -> Conditions.FALSE.equals(x.status())).orElse(false);
            if (issue || all) {
                issues.computeIfAbsent(text, k -> new ArrayList<>()).add(MachineSetJson.name(machine));
            } else if (c.isEmpty() || !c.get().isTrue()) {
                unknowns.computeIfAbsent(text, k -> new ArrayList<>()).add(MachineSetJson.name(machine));
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map<String, List<String>> groups : List.of(issues, unknowns)) {
            groups.forEach((text, names) -> {
                if (lines.size() < MAX_GROUPS) {
                    names.sort(String::compareTo);
                    lines.add("* " + (names.size() == 1 ? "Machine " : "Machines ") + list(names)
                            + (text.isEmpty() ? "" : ": " + text));
                }
            });
        }
        return String.join("\n", lines);
    }

    private static String list(List<String> names) {
        if (names.size() <= MAX_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES)) + ", ... (" + (names.size() - MAX_NAMES) + " more)";
    }
}
