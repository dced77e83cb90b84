package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.api.core.v1beta2.MachineSetConditions;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.runtime.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a MachineSet's status from what a pass observed, as upstream's {@code updateStatus}: the selector
 * string (for the scale subresource), the replica counters from the Machines' Ready, Available and UpToDate
 * conditions, the Machines per Kubernetes version, and the conditions ScalingUp, ScalingDown, MachinesReady,
 * MachinesUpToDate, Remediating and Deleting. Counters are left untouched when the Machines could not be
 * listed. Machine condition aggregation groups Machines by message, as upstream's aggregate condition does,
 * in a simpler form.
 */
final class MachineSetStatus {
    /** New Machines without an UpToDate condition are ignored this long, so MachinesUpToDate does not flicker. */
    static final Duration UP_TO_DATE_GRACE = Duration.ofSeconds(10);
    private static final int NAMES_SHOWN = 3;

    private MachineSetStatus() {
    }

    /** Writes status fields and this controller's conditions into {@code scope.machineSet}. */
    static void update(MachineSetScope scope) {
        ObjectNode ms = scope.machineSet;
        ObjectNode status = ms.with("status");
        status.put("selector", LabelSelector.fromMetaV1(ms.at("/spec/selector")).toString());
        long generation = ms.at("/metadata/generation").asLong();
        List<Condition> conditions = ConditionTrees.read(ms);
        if (!scope.machinesListed) {
            for (String type : List.of(MachineSetConditions.MachineSetScalingUpCondition,
                    MachineSetConditions.MachineSetScalingDownCondition,
                    MachineSetConditions.MachineSetMachinesReadyCondition,
                    MachineSetConditions.MachineSetMachinesUpToDateCondition,
                    MachineSetConditions.MachineSetRemediatingCondition,
                    MachineSetConditions.MachineSetDeletingCondition)) {
                Conditions.set(conditions, Conditions.of(type, Conditions.UNKNOWN,
                        CommonConditions.InternalErrorReason,
                        "Please check controller logs for errors"), generation);
            }
            ConditionTrees.write(ms, conditions);
            return;
        }
        setReplicas(status, scope.machines);
        for (Condition c : List.of(scalingUp(scope), scalingDown(scope), machinesReady(scope.machines),
                machinesUpToDate(scope.machines, scope.now), remediating(scope.machines), deleting(scope))) {
            Conditions.set(conditions, c, generation);
        }
        ConditionTrees.write(ms, conditions);
    }

    /** When to look again: soon while not every replica is ready, as upstream's counter refresh. */
    static Optional<Duration> refreshAfter(MachineSetScope scope) {
        int replicas = scope.desiredReplicas().orElse(0);
        int ready = scope.machineSet.at("/status/readyReplicas").asInt(0);
        int available = scope.machineSet.at("/status/availableReplicas").asInt(0);
        int minReadySeconds = scope.machineSet.at("/spec/template/spec/minReadySeconds").asInt(0);
        if (minReadySeconds > 0 && ready == replicas && available != replicas) {
            return Optional.of(Duration.ofSeconds(minReadySeconds));
        }
        return ready != replicas ? Optional.of(Duration.ofSeconds(15)) : Optional.empty();
    }

    private static void setReplicas(ObjectNode status, List<ObjectNode> machines) {
        int ready = 0;
        int available = 0;
        int upToDate = 0;
        for (JsonNode machine : machines) {
            if (machine.at("/metadata/annotations").has(CoreAnnotations.UpdateInProgressAnnotation)) {
                continue;
            }
            ready += isTrue(machine, MachineConditions.MachineReadyCondition) ? 1 : 0;
            available += isTrue(machine, MachineConditions.MachineAvailableCondition) ? 1 : 0;
            upToDate += isTrue(machine, MachineConditions.MachineUpToDateCondition) ? 1 : 0;
        }
        status.put("replicas", machines.size()).put("readyReplicas", ready).put("availableReplicas", available)
                .put("upToDateReplicas", upToDate);
        Map<String, Integer> versions = versions(machines);
        if (versions.isEmpty()) {
            status.remove("versions");
        } else {
            ArrayNode list = status.putArray("versions");
            versions.forEach((version, count) -> list.addObject().put("version", version).put("replicas", count));
        }
    }

    /**
     * Machines per Kubernetes version (the kubelet's when reported, else {@code spec.version}), lowest version
     * first, as upstream's {@code VersionsFromMachines}.
     */
    static Map<String, Integer> versions(List<ObjectNode> machines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        machines.stream().sorted(Comparator.comparing(MachineSetStatus::created)
                        .thenComparing(MachineSetScope::nameOf))
                .forEach(m -> {
                    String version = m.at("/status/nodeInfo/kubeletVersion").asText("");
                    if (version.isEmpty()) {
                        version = m.at("/spec/version").asText("");
                    }
                    if (!version.isEmpty()) {
                        counts.merge(version, 1, Integer::sum);
                    }
                });
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(MachineSetStatus::compareVersions);
        Map<String, Integer> sorted = new LinkedHashMap<>();
        order.forEach(v -> sorted.put(v, counts.get(v)));
        return sorted;
    }

    /** Compares {@code vMAJOR.MINOR.PATCH[-pre][+build]} numerically; unparsable parts compare equal. */
    static int compareVersions(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        String core = version.replaceFirst("^v", "").split("[-+]", 2)[0];
        String[] parts = core.split("\\.");
        int[] out = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }

    static Condition scalingUp(MachineSetScope scope) {
        String type = MachineSetConditions.MachineSetScalingUpCondition;
        Optional<Integer> spec = scope.desiredReplicas();
        if (spec.isEmpty()) {
            return Conditions.of(type, Conditions.UNKNOWN,
                    MachineSetConditions.MachineSetScalingUpWaitingForReplicasSetReason,
                    "Waiting for spec.replicas set");
        }
        int desired = scope.deleting() ? 0 : spec.get();
        int current = scope.machines.size();
        String missing = missingReferences(scope);
        if (current >= desired) {
            String message = !scope.deleting() && !missing.isEmpty()
                    ? "Scaling up would be blocked because " + missing : "";
            return Conditions.of(type, Conditions.FALSE, MachineSetConditions.MachineSetNotScalingUpReason, message);
        }
        StringBuilder message = new StringBuilder("Scaling up from " + current + " to " + desired + " replicas");
        List<String> blockers = new ArrayList<>(scope.scaleUpBlockedBy);
        if (!missing.isEmpty()) {
            blockers.add(missing);
        }
        if (!blockers.isEmpty()) {
            message.append(" is blocked because:");
            blockers.forEach(b -> message.append("\n* ").append(b));
        }
        return Conditions.of(type, Conditions.TRUE, MachineSetConditions.MachineSetScalingUpReason, message.toString());
    }

    static Condition scalingDown(MachineSetScope scope) {
        String type = MachineSetConditions.MachineSetScalingDownCondition;
        Optional<Integer> spec = scope.desiredReplicas();
        if (spec.isEmpty()) {
            return Conditions.of(type, Conditions.UNKNOWN,
                    MachineSetConditions.MachineSetScalingDownWaitingForReplicasSetReason,
                    "Waiting for spec.replicas set");
        }
        int desired = scope.deleting() ? 0 : spec.get();
        int current = scope.machines.size();
        if (current > desired) {
            return Conditions.of(type, Conditions.TRUE, MachineSetConditions.MachineSetScalingDownReason,
                    "Scaling down from " + current + " to " + desired + " replicas");
        }
        return Conditions.of(type, Conditions.FALSE, MachineSetConditions.MachineSetNotScalingDownReason, "");
    }

    static Condition machinesReady(List<ObjectNode> machines) {
        String type = MachineSetConditions.MachineSetMachinesReadyCondition;
        if (machines.isEmpty()) {
            return Conditions.of(type, Conditions.TRUE, MachineSetConditions.MachineSetMachinesReadyNoReplicasReason,
                    "");
        }
        return aggregate(type, machines, MachineConditions.MachineReadyCondition,
                MachineSetConditions.MachineSetMachinesNotReadyReason,
                MachineSetConditions.MachineSetMachinesReadyUnknownReason,
                MachineSetConditions.MachineSetMachinesReadyReason);
    }

    static Condition machinesUpToDate(List<ObjectNode> machines, Instant now) {
        String type = MachineSetConditions.MachineSetMachinesUpToDateCondition;
        List<ObjectNode> considered = machines.stream()
                .filter(m -> ConditionTrees.status(m, MachineConditions.MachineUpToDateCondition)
                        != ConditionStatus.ABSENT
                        || created(m).plus(UP_TO_DATE_GRACE).isBefore(now))
                .toList();
        if (considered.isEmpty()) {
            return Conditions.of(type, Conditions.TRUE,
                    MachineSetConditions.MachineSetMachinesUpToDateNoReplicasReason, "");
        }
        return aggregate(type, considered, MachineConditions.MachineUpToDateCondition,
                MachineSetConditions.MachineSetMachinesNotUpToDateReason,
                MachineSetConditions.MachineSetMachinesUpToDateUnknownReason,
                MachineSetConditions.MachineSetMachinesUpToDateReason);
    }

    static Condition remediating(List<ObjectNode> machines) {
        String type = MachineSetConditions.MachineSetRemediatingCondition;
        List<ObjectNode> toRemediate = machines.stream().filter(MachineSetRemediation::needsRemediation).toList();
        if (toRemediate.isEmpty()) {
            List<String> unhealthy = machines.stream()
                    .filter(m -> ConditionTrees.status(m, MachineConditions.MachineHealthCheckSucceededCondition)
                            == ConditionStatus.FALSE)
                    .map(MachineSetScope::nameOf).sorted().toList();
            String message = unhealthy.isEmpty() ? "" : machinesPhrase(unhealthy)
                    + " not healthy (not to be remediated by MachineSet)";
            return Conditions.of(type, Conditions.FALSE, MachineSetConditions.MachineSetNotRemediatingReason, message);
        }
        Condition owner = aggregate(type, toRemediate, MachineConditions.MachineOwnerRemediatedCondition,
                "", "", "");
        return Conditions.of(type, Conditions.TRUE, MachineSetConditions.MachineSetRemediatingReason,
                owner.getMessage());
    }

    static Condition deleting(MachineSetScope scope) {
        String type = MachineSetConditions.MachineSetDeletingCondition;
        if (!scope.deleting()) {
            return Conditions.of(type, Conditions.FALSE, MachineSetConditions.MachineSetNotDeletingReason, "");
        }
        int count = scope.machines.size();
        String message = count == 0 ? "Deletion completed"
                : "Deleting " + count + (count == 1 ? " Machine" : " Machines");
        return Conditions.of(type, Conditions.TRUE, MachineSetConditions.MachineSetDeletingReason, message);
    }

    /**
     * Aggregates condition {@code source} of {@code machines} into {@code type}: False if any Machine reports
     * False, else Unknown if any is Unknown or missing, else True; the message groups Machines by message.
     */
    static Condition aggregate(String type, List<ObjectNode> machines, String source, String falseReason,
            String unknownReason, String trueReason) {
        Map<String, List<String>> issues = new LinkedHashMap<>();
        Map<String, List<String>> unknowns = new LinkedHashMap<>();
        for (ObjectNode machine : machines.stream().sorted(Comparator.comparing(MachineSetScope::nameOf)).toList()) {
            ConditionStatus status = ConditionTrees.status(machine, source);
            String message = status == ConditionStatus.ABSENT ? "Condition " + source + " not yet reported"
                    : ConditionTrees.message(machine, source);
            if (status == ConditionStatus.FALSE) {
                issues.computeIfAbsent(message, k -> new ArrayList<>()).add(MachineSetScope.nameOf(machine));
            } else if (status != ConditionStatus.TRUE) {
                unknowns.computeIfAbsent(message, k -> new ArrayList<>()).add(MachineSetScope.nameOf(machine));
            }
        }
        if (!issues.isEmpty()) {
            return Conditions.of(type, Conditions.FALSE, falseReason, groupMessage(issues));
        }
        if (!unknowns.isEmpty()) {
            return Conditions.of(type, Conditions.UNKNOWN, unknownReason, groupMessage(unknowns));
        }
        return Conditions.of(type, Conditions.TRUE, trueReason, "");
    }

    private static String groupMessage(Map<String, List<String>> byMessage) {
        List<String> lines = new ArrayList<>();
        byMessage.forEach((message, names) -> {
            String who = (names.size() == 1 ? "Machine " : "Machines ") + listNames(names);
            lines.add("* " + who + (message.isBlank() ? "" : ": " + message.replace("\n", "\n  ")));
        });
        return String.join("\n", lines);
    }

    private static String machinesPhrase(List<String> names) {
        return (names.size() == 1 ? "Machine " : "Machines ") + listNames(names) + (names.size() == 1 ? " is" : " are");
    }

    private static String listNames(List<String> names) {
        if (names.size() <= NAMES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + ", ... (" + (names.size() - NAMES_SHOWN) + " more)";
    }

    private static String missingReferences(MachineSetScope scope) {
        List<String> missing = new ArrayList<>();
        if (scope.bootstrapTemplateNotFound) {
            missing.add(scope.machineSet.at("/spec/template/spec/bootstrap/configRef/kind").asText());
        }
        if (scope.infraTemplateNotFound) {
            missing.add(scope.machineSet.at("/spec/template/spec/infrastructureRef/kind").asText());
        }
        if (missing.isEmpty()) {
            return "";
        }
        return missing.size() == 1 ? missing.get(0) + " does not exist"
                : String.join(" and ", missing) + " do not exist";
    }

    private static boolean isTrue(JsonNode machine, String type) {
        return ConditionTrees.status(machine, type) == ConditionStatus.TRUE;
    }

    private static Instant created(JsonNode machine) {
        JsonNode ts = machine.at("/metadata/creationTimestamp");
        return ts.isTextual() ? Instant.parse(ts.asText()) : Instant.EPOCH;
    }
}
