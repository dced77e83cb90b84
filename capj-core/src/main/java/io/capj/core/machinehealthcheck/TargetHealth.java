package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.core.v1beta2.ClusterConditions;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.Condition;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.MachineConditions;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.api.core.v1beta2.webhooks.MachineHealthCheckWebhook;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges one target at one instant, as upstream's {@code needsRemediation}: the remediate-machine annotation
 * is unhealthy at once; otherwise nothing is judged before the Cluster's infrastructure is ready, and only
 * control-plane Machines before its control plane is initialized. Then the Machine conditions and the Node
 * (deleted, never appeared within the node startup timeout, or its conditions) are checked, and all findings
 * go into one message. A match still inside its timeout makes the target undecided until the earliest
 * deadline (plus a second, as condition times have second precision). Pure: the caller supplies the clock.
 */
final class TargetHealth {
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final ClusterView cluster;
    private final JsonNode checks;
    private final Instant now;

    /** Judges targets of a health check whose {@code spec.checks} is {@code checks}, at {@code now}. */
    TargetHealth(JsonNode cluster, JsonNode checks, Instant now) {
        this.cluster = ClusterView.of(cluster);
        this.checks = checks;
        this.now = now;
    }

    Verdict judge(HealthCheckTarget target) {
        JsonNode machine = target.machine();
        if (machine.at("/metadata/annotations").has(CoreAnnotations.RemediateMachineAnnotation)) {
            return Verdict.unhealthy(MachineConditions.MachineHealthCheckHasRemediateAnnotationReason,
                    "Health check failed: marked for remediation via " + CoreAnnotations.RemediateMachineAnnotation
                            + " annotation");
        }
        if (!controlPlaneInitialized(cluster) && !MachineView.of(machine).isControlPlane()) {
            return Verdict.undecided(Duration.ZERO);
        }
        if (!infrastructureReady(cluster)) {
            return Verdict.undecided(Duration.ZERO);
        }
        Findings machineFindings = conditionFindings(MachineView.of(machine).status().conditions(),
                checks.path("unhealthyMachineConditions"), "Machine");
        Findings nodeFindings = nodeFindings(target);
        if (machineFindings.messages.isEmpty() && nodeFindings.messages.isEmpty()) {
            return Verdict.undecided(earliest(machineFindings.recheckAfter, nodeFindings.recheckAfter));
        }
        String reason = machineFindings.messages.isEmpty() ? nodeFindings.reason
                : MachineConditions.MachineHealthCheckUnhealthyMachineReason;
        List<String> all = new ArrayList<>(machineFindings.messages);
        all.addAll(nodeFindings.messages);
        return Verdict.unhealthy(reason, "Health check failed:\n" + String.join("\n",
                all.stream().map(m -> "  * " + m).toList()));
    }

    /**
     * Whether {@code verdict} (undecided) is in fact healthy: nothing pending, a Node to vouch for the Machine,
     * and the Machine not deleting.
     */
    static Verdict settle(Verdict verdict, HealthCheckTarget target) {
        if (verdict.kind() == Verdict.Kind.UNDECIDED && verdict.recheckAfter().isZero() && target.node() != null
                && !target.deleting()) {
            return Verdict.healthy();
        }
        return verdict;
    }

    /** Unhealthy findings of one kind (Machine or Node), with the reason to report and when to look again. */
    private record Findings(String reason, List<String> messages, Duration recheckAfter) {
        static Findings none(Duration recheckAfter) {
            return new Findings("", List.of(), recheckAfter);
        }
    }

    private Findings nodeFindings(HealthCheckTarget target) {
        if (target.nodeMissing()) {
            return new Findings(MachineConditions.MachineHealthCheckNodeDeletedReason,
                    List.of("Node " + target.machine().at("/status/nodeRef/name").asText() + " has been deleted"),
                    Duration.ZERO);
        }
        if (target.node() == null) {
            return nodeStartup(target.machine());
        }
        Findings found = conditionFindings(NodeConditions.of(target.node()), checks.path("unhealthyNodeConditions"),
                "Node");
        return found.messages.isEmpty() ? found
                : new Findings(MachineConditions.MachineHealthCheckUnhealthyNodeReason, found.messages, Duration.ZERO);
    }

    private Findings nodeStartup(JsonNode machine) {
        long timeoutSeconds = checks.path("nodeStartupTimeoutSeconds")
                .asLong(MachineHealthCheckWebhook.DEFAULT_NODE_STARTUP_TIMEOUT_SECONDS);
        if (timeoutSeconds == 0) {
            return Findings.none(Duration.ZERO);
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Instant since = nodeStartupReference(machine);
        if (since.plus(timeout).isBefore(now)) {
            return new Findings(MachineConditions.MachineHealthCheckNodeStartupTimeoutReason,
                    List.of("Node failed to report startup in " + GoDuration.format(timeout)), Duration.ZERO);
        }
        return Findings.none(timeout.minus(Duration.between(since, now)).plus(GRACE));
    }

    /**
     * The latest of: the Machine's creation, and the transitions to True of the Cluster's InfrastructureReady
     * and ControlPlaneInitialized and the Machine's InfrastructureReady conditions.
     */
    private Instant nodeStartupReference(JsonNode machine) {
        Instant latest = instant(machine.at("/metadata/creationTimestamp").asText()).orElse(Instant.EPOCH);
        List<Optional<Condition>> milestones = List.of(
                cluster.status().condition(ClusterConditions.ClusterControlPlaneInitializedCondition),
                cluster.status().condition(ClusterConditions.ClusterInfrastructureReadyCondition),
                MachineView.of(machine).status().condition(CommonConditions.InfrastructureReadyCondition));
        for (Optional<Condition> milestone : milestones) {
            Optional<Instant> at = milestone.filter(Condition::isTrue).flatMap(c -> instant(c.lastTransitionTime()));
            if (at.isPresent() && at.get().isAfter(latest)) {
                latest = at.get();
            }
        }
        return latest;
    }

    /** Matches {@code conditions} against the checks in {@code wanted} ({@code [{type,status,timeoutSeconds}]}). */
    private Findings conditionFindings(List<Condition> conditions, JsonNode wanted, String owner) {
        List<String> messages = new ArrayList<>();
        Duration recheck = Duration.ZERO;
        for (JsonNode check : wanted) {
            String type = check.path("type").asText();
            String status = check.path("status").asText();
            Optional<Condition> found = conditions.stream().filter(c -> c.type().equals(type)).findFirst();
            if (found.isEmpty() || !found.get().status().equals(status)) {
                continue;
            }
            Duration timeout = Duration.ofSeconds(check.path("timeoutSeconds").asLong(0));
            Instant since = instant(found.get().lastTransitionTime()).orElse(Instant.EPOCH);
            if (since.plus(timeout).isBefore(now)) {
                messages.add("Condition " + type + " on " + owner + " is reporting status " + status + " with reason "
                        + found.get().reason() + " for more than " + GoDuration.format(timeout));
                continue;
            }
            recheck = earliest(recheck, timeout.minus(Duration.between(since, now)).plus(GRACE));
        }
        return messages.isEmpty() ? Findings.none(recheck) : new Findings("", messages, Duration.ZERO);
    }

    static boolean controlPlaneInitialized(ClusterView cluster) {
        return cluster.status().controlPlaneInitialized() || isTrue(cluster,
                ClusterConditions.ClusterControlPlaneInitializedCondition);
    }

    static boolean infrastructureReady(ClusterView cluster) {
        return isTrue(cluster, ClusterConditions.ClusterInfrastructureReadyCondition)
                || cluster.status().infrastructureProvisioned();
    }

    private static boolean isTrue(ClusterView cluster, String type) {
        return cluster.status().condition(type).map(Condition::isTrue).orElse(false);
    }

    /** The smaller positive duration; zero means "none". */
    static Duration earliest(Duration a, Duration b) {
        if (a.isZero() || a.isNegative()) {
            return b.isNegative() ? Duration.ZERO : b;
        }
        if (b.isZero() || b.isNegative()) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
