package io.capj.core.machine;

import static io.capj.api.core.v1beta2.MachineConditions.*;
import io.capj.core.machinedeployment.MachineTemplates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.CommonConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.MachinePhase;
import io.capj.apimachinery.Json;
import io.capj.contract.BootstrapConfigContract;
import io.capj.contract.ContractException;
import io.capj.contract.InfraMachineContract;
import io.capj.runtime.Conditions;
import io.capj.runtime.Result;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a Machine's status from what one pass observed, as upstream's {@code updateStatus} does:
 * BootstrapConfigReady and InfrastructureReady (mirrored from the provider object's Ready condition, or
 * derived from the contract's initialization flags), NodeReady and NodeHealthy (from the Node's conditions),
 * Deleting, Updating, the Ready summary, the phase with {@code lastUpdated}, and Available (Ready for
 * minReadySeconds; the returned {@link Result} asks for a pass at the moment it turns true). UpToDate is
 * left to the owning MachineSet.
 */
final class MachineStatus {
    private static final Set<String> DELETED_REASONS = Set.of(MachineBootstrapConfigDeletedReason,
            MachineBootstrapConfigDoesNotExistReason, MachineNodeDeletedReason, MachineNodeDoesNotExistReason);
    private static final String NODE_READY = "Ready";
    private static final List<String> NODE_PRESSURE = List.of("MemoryPressure", "DiskPressure", "PIDPressure");

    private MachineStatus() {
    }

    static Result update(MachineScope s) {
        setBootstrapConfigReady(s);
        setInfrastructureReady(s);
        setNodeConditions(s);
        setDeleting(s);
        setUpdating(s);
        setUpToDate(s);
        setReady(s);
        setPhase(s);
        Result available = setAvailable(s);
        s.status().set("conditions", Json.MAPPER.valueToTree(s.conditions));
        return available;
    }

    private static void set(MachineScope s, String type, String status, String reason, String message) {
        Conditions.set(s.conditions, Conditions.of(type, status, reason, message), s.generation());
    }

    static void setBootstrapConfigReady(MachineScope s) {
        String type = MachineBootstrapConfigReadyCondition;
        Optional<String> kind = s.view().spec().bootstrapConfigRef().map(r -> r.kind());
        if (kind.isEmpty()) {
            set(s, type, Conditions.TRUE, MachineBootstrapDataSecretProvidedReason, "");
            return;
        }
        boolean created = s.view().status().bootstrapDataSecretCreated();
        if (s.bootstrapConfig != null) {
            try {
                List<io.capj.contract.Condition> source = BootstrapConfigContract.forContract(s.bootstrapKind.contract())
                        .conditions().get(s.bootstrapConfig).orElse(List.of());
                mirror(s, type, source, BootstrapConfigContract.READY_CONDITION, created, MachineBootstrapConfigReadyReason,
                        MachineBootstrapConfigNotReadyReason, CommonConditions.ReadyUnknownReason,
                        kind.get() + " status.initialization.dataSecretCreated is " + created);
            } catch (ContractException e) {
                set(s, type, Conditions.UNKNOWN, MachineBootstrapConfigInvalidConditionReportedReason, e.getMessage());
            }
        } else if (!s.bootstrapConfigNotFound) {
            set(s, type, Conditions.UNKNOWN, MachineBootstrapConfigInternalErrorReason,
                    "Please check controller logs for errors");
        } else if (s.deleting() && created) {
            set(s, type, Conditions.FALSE, MachineBootstrapConfigDeletedReason, kind.get() + " has been deleted");
        } else {
            set(s, type, Conditions.FALSE, MachineBootstrapConfigDoesNotExistReason, kind.get() + " does not exist");
        }
    }

    static void setInfrastructureReady(MachineScope s) {
        String type = MachineInfrastructureReadyCondition;
        String kind = s.view().spec().infrastructureRef().map(r -> r.kind()).orElse("InfrastructureMachine");
        boolean provisioned = s.view().status().infrastructureProvisioned();
        if (s.infraMachine != null) {
            try {
                List<io.capj.contract.Condition> source = InfraMachineContract.forContract(s.infraKind.contract())
                        .conditions().get(s.infraMachine).orElse(List.of());
                mirror(s, type, source, InfraMachineContract.READY_CONDITION, provisioned,
                        MachineInfrastructureReadyReason, MachineInfrastructureNotReadyReason,
                        CommonConditions.ReadyUnknownReason, kind + " status.initialization.provisioned is " + provisioned);
            } catch (ContractException e) {
                set(s, type, Conditions.UNKNOWN, MachineInfrastructureInvalidConditionReportedReason, e.getMessage());
            }
        } else if (!s.infraMachineNotFound) {
            set(s, type, Conditions.UNKNOWN, MachineInfrastructureInternalErrorReason,
                    "Please check controller logs for errors");
        } else if (provisioned) {
            set(s, type, Conditions.FALSE, MachineInfrastructureDeletedReason, kind + " has been deleted"
                    + (s.deleting() ? "" : " while the Machine still exists"));
        } else {
            set(s, type, Conditions.FALSE, MachineInfrastructureDoesNotExistReason, kind + " does not exist");
        }
    }

    /** Mirrors the provider's {@code sourceType} condition into {@code type}, or falls back to {@code flag}. */
    private static void mirror(MachineScope s, String type, List<io.capj.contract.Condition> source, String sourceType,
            boolean flag, String trueReason, String falseReason, String unknownReason, String falseMessage) {
        Optional<io.capj.contract.Condition> ready = io.capj.contract.Condition.find(source, sourceType);
        if (ready.isEmpty()) {
            set(s, type, flag ? Conditions.TRUE : Conditions.FALSE, flag ? trueReason : falseReason,
                    flag ? "" : falseMessage);
            return;
        }
        io.capj.contract.Condition c = ready.get();
        String status = c.status() == null ? Conditions.UNKNOWN : c.status();
        String reason = c.reason() != null && !c.reason().isEmpty() ? c.reason()
                : Conditions.TRUE.equals(status) ? trueReason : Conditions.FALSE.equals(status) ? falseReason
                : unknownReason;
        set(s, type, status, reason, c.message());
    }

    static void setNodeConditions(MachineScope s) {
        ClusterView cluster = s.clusterView();
        if (!cluster.status().infrastructureProvisioned()) {
            setBothNode(s, Conditions.UNKNOWN, MachineNodeInspectionFailedReason,
                    "Waiting for Cluster status.initialization.infrastructureProvisioned to be true");
        } else if (!NodeLink.controlPlaneInitialized(cluster)) {
            setBothNode(s, Conditions.UNKNOWN, MachineNodeInspectionFailedReason,
                    "Waiting for Cluster control plane to be initialized");
        } else if (s.nodeError != null) {
            boolean connection = String.valueOf(s.nodeError.getMessage()).startsWith("failed to connect");
            setBothNode(s, Conditions.UNKNOWN, connection ? MachineNodeConnectionDownReason
                    : MachineNodeInternalErrorReason, connection ? "" : "Please check controller logs for errors");
        } else if (s.node != null) {
            setFromNode(s, s.node);
        } else {
            Optional<String> nodeName = s.view().status().nodeName();
            Optional<String> providerID = s.view().spec().providerID();
            if (s.deleting() && nodeName.isPresent()) {
                setBothNode(s, Conditions.FALSE, MachineNodeDeletedReason, "Node " + nodeName.get() + " has been deleted");
            } else if (s.deleting()) {
                setBothNode(s, Conditions.UNKNOWN, MachineNodeDoesNotExistReason, "Node does not exist");
            } else if (nodeName.isPresent()) {
                setBothNode(s, Conditions.FALSE, MachineNodeDeletedReason,
                        "Node " + nodeName.get() + " has been deleted while the Machine still exists");
            } else if (providerID.isPresent()) {
                setBothNode(s, Conditions.UNKNOWN, MachineNodeInspectionFailedReason,
                        "Waiting for a Node with spec.providerID " + providerID.get() + " to exist");
            } else {
                setBothNode(s, Conditions.UNKNOWN, MachineNodeInspectionFailedReason, "Waiting for "
                        + s.view().spec().infrastructureRef().map(r -> r.kind()).orElse("InfrastructureMachine")
                        + " to report spec.providerID");
            }
        }
    }

    private static void setBothNode(MachineScope s, String status, String reason, String message) {
        set(s, MachineNodeReadyCondition, status, reason, message);
        set(s, MachineNodeHealthyCondition, status, reason, message);
    }

    private static void setFromNode(MachineScope s, Node node) {
        List<NodeCondition> conditions = node.getStatus() == null || node.getStatus().getConditions() == null
                ? List.of() : node.getStatus().getConditions();
        Optional<NodeCondition> ready = conditions.stream().filter(c -> NODE_READY.equals(c.getType())).findFirst();
        if (ready.isEmpty()) {
            set(s, MachineNodeReadyCondition, Conditions.UNKNOWN, MachineNodeReadyUnknownReason,
                    "* Node.Ready: Condition not yet reported");
        } else {
            String status = ready.get().getStatus();
            String reason = Conditions.TRUE.equals(status) ? MachineNodeReadyReason
                    : Conditions.FALSE.equals(status) ? MachineNodeNotReadyReason : MachineNodeReadyUnknownReason;
            String message = !Conditions.TRUE.equals(status) && ready.get().getMessage() != null
                    && !ready.get().getMessage().isEmpty() ? "* Node.Ready: " + ready.get().getMessage() : "";
            set(s, MachineNodeReadyCondition, status, reason, message);
        }
        int bad = 0;
        int unknown = 0;
        List<String> messages = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        List<String> types = new ArrayList<>(List.of(NODE_READY));
        types.addAll(NODE_PRESSURE);
        for (String type : types) {
            Optional<NodeCondition> c = conditions.stream().filter(x -> type.equals(x.getType())).findFirst();
            if (c.isEmpty()) {
                messages.add("* Node." + type + ": Condition not yet reported");
                unknown++;
                continue;
            }
            String healthy = NODE_READY.equals(type) ? Conditions.TRUE : Conditions.FALSE;
            String status = c.get().getStatus();
            if (healthy.equals(status)) {
                continue;
            }
            String m = c.get().getMessage() == null || c.get().getMessage().isEmpty()
                    ? "Condition is " + status : c.get().getMessage();
            distinct.add(m);
            messages.add("* Node." + type + ": " + m);
            if (Conditions.UNKNOWN.equals(status)) {
                unknown++;
            } else {
                bad++;
            }
        }
        if (distinct.size() == 1 && messages.size() > 1 && unknown == 0) {
            messages = List.of("* Node.AllConditions: " + distinct.iterator().next());
        }
        String message = String.join("\n", messages);
        if (bad > 0) {
            set(s, MachineNodeHealthyCondition, Conditions.FALSE, MachineNodeNotHealthyReason, message);
        } else if (unknown > 0) {
            set(s, MachineNodeHealthyCondition, Conditions.UNKNOWN, MachineNodeHealthUnknownReason, message);
        } else {
            set(s, MachineNodeHealthyCondition, Conditions.TRUE, MachineNodeHealthyReason, "");
        }
    }

    /**
     * UpToDate, only for worker Machines of a MachineDeployment (upstream leaves the others to whoever manages
     * them): the owning MachineSet's template against the MachineDeployment's, as the MachineDeployment
     * decides rollouts, plus an expired {@code rollout.after} and a kubelet still on another version.
     */
    static void setUpToDate(MachineScope s) {
        if (s.owningMachineSet == null || s.owningMachineDeployment == null) {
            return;
        }
        List<String> reasons = new ArrayList<>(MachineTemplates
                .rolloutReasons(s.owningMachineSet.at("/spec/template"), s.owningMachineDeployment.at("/spec/template")));
        String after = s.owningMachineDeployment.at("/spec/rollout/after").asText("");
        if (!after.isEmpty()) {
            Instant rolloutAfter = Instant.parse(after);
            Instant setCreated = Instant.parse(
                    s.owningMachineSet.at("/metadata/creationTimestamp").asText(s.now.toString()));
            if (rolloutAfter.isBefore(s.now) && setCreated.isBefore(rolloutAfter)) {
                reasons.add("MachineDeployment spec.rolloutAfter expired");
            }
        }
        if (!reasons.isEmpty()) {
            set(s, MachineUpToDateCondition, Conditions.FALSE, MachineNotUpToDateReason,
                    String.join("\n", reasons.stream().map(r -> "* " + r).toList()));
            return;
        }
        if (Conditions.isTrue(s.conditions, MachineUpdatingCondition)) {
            set(s, MachineUpToDateCondition, Conditions.FALSE, MachineUpToDateUpdatingReason,
                    "* In-place update in progress");
            return;
        }
        String kubelet = s.machine.at("/status/nodeInfo/kubeletVersion").asText("");
        String version = s.view().spec().version().orElse("");
        if (!kubelet.isEmpty() && !kubelet.equals(version)) {
            set(s, MachineUpToDateCondition, Conditions.FALSE, MachineUpToDateUpdatingReason,
                    "* Node.status.nodeInfo.kubeletVersion " + kubelet + ", " + version + " required");
            return;
        }
        set(s, MachineUpToDateCondition, Conditions.TRUE, MachineUpToDateReason, "");
    }

    static void setDeleting(MachineScope s) {
        if (!s.deleting()) {
            set(s, MachineDeletingCondition, Conditions.FALSE, MachineNotDeletingReason, "");
            return;
        }
        String reason = s.deletingReason == null ? MachineDeletingReason : s.deletingReason;
        set(s, MachineDeletingCondition, Conditions.TRUE, reason, s.deletingMessage);
    }

    static void setUpdating(MachineScope s) {
        if (s.annotation(CoreAnnotations.UpdateInProgressAnnotation).isPresent()) {
            set(s, MachineUpdatingCondition, Conditions.TRUE, MachineInPlaceUpdatingReason, "In-place update in progress");
        } else {
            set(s, MachineUpdatingCondition, Conditions.FALSE, MachineNotUpdatingReason, "");
        }
    }

    /** Ready: a summary of the default gates and the readiness gates, with deletion-stage overrides. */
    static void setReady(MachineScope s) {
        List<String> sources = new ArrayList<>(List.of(MachineDeletingCondition, MachineUpdatingCondition,
                MachineBootstrapConfigReadyCondition, MachineInfrastructureReadyCondition, MachineNodeHealthyCondition));
        if (Conditions.get(s.conditions, MachineHealthCheckSucceededCondition).isPresent()) {
            sources.add(MachineHealthCheckSucceededCondition);
        }
        Set<String> negative = new HashSet<>(Set.of(MachineDeletingCondition, MachineUpdatingCondition));
        for (JsonNode gate : s.machine.at("/spec/readinessGates")) {
            String type = gate.path("conditionType").asText();
            if (!type.isEmpty() && !sources.contains(type)) {
                sources.add(type);
            }
            if ("Negative".equals(gate.path("polarity").asText())) {
                negative.add(type);
            }
        }
        List<Condition> input = summaryInput(s);
        Condition summary = Conditions.summary(MachineReadyCondition, input, sources, negative);
        String reason = switch (summary.getStatus()) {
            case Conditions.TRUE -> MachineReadyReason;
            case Conditions.FALSE -> MachineNotReadyReason;
            default -> MachineReadyUnknownReason;
        };
        set(s, MachineReadyCondition, summary.getStatus(), reason, summary.getMessage());
    }

    /** The conditions as the Ready summary sees them while deleting: the stage, and gone objects as expected. */
    private static List<Condition> summaryInput(MachineScope s) {
        List<Condition> input = new ArrayList<>();
        for (Condition c : s.conditions) {
            if (!s.deleting()) {
                input.add(c);
            } else if (MachineDeletingCondition.equals(c.getType())) {
                input.add(Conditions.of(c.getType(), Conditions.TRUE, MachineDeletingReason,
                        "Machine deletion in progress, stage: " + c.getReason()));
            } else if (DELETED_REASONS.contains(c.getReason()) || isInfraGone(c)) {
                input.add(Conditions.of(c.getType(), Conditions.TRUE, c.getReason(), ""));
            } else {
                input.add(c);
            }
        }
        return input;
    }

    private static boolean isInfraGone(Condition c) {
        return MachineInfrastructureReadyCondition.equals(c.getType())
                && (MachineInfrastructureDeletedReason.equals(c.getReason())
                        || MachineInfrastructureDoesNotExistReason.equals(c.getReason()));
    }

    static void setPhase(MachineScope s) {
        ObjectNode status = s.status();
        String original = status.path("phase").asText("");
        MachinePhase phase = MachinePhase.Pending;
        boolean bootstrapped = s.view().status().bootstrapDataSecretCreated();
        boolean provisioned = s.view().status().infrastructureProvisioned();
        if (bootstrapped && !provisioned) {
            phase = MachinePhase.Provisioning;
        }
        if (s.view().spec().providerID().isPresent()) {
            phase = MachinePhase.Provisioned;
        }
        if (s.view().status().nodeName().isPresent() && provisioned) {
            phase = MachinePhase.Running;
        }
        if (Conditions.isTrue(s.conditions, MachineUpdatingCondition)) {
            phase = MachinePhase.Updating;
        }
        if (s.deleting()) {
            phase = MachinePhase.Deleting;
        }
        if (!phase.name().equals(original)) {
            status.put("phase", phase.name());
            status.put("lastUpdated", MachineDeletion.timestamp(s.now));
        }
    }

    /** Available once Ready has been True for minReadySeconds; returns when to look again if not yet. */
    static Result setAvailable(MachineScope s) {
        Optional<Condition> ready = Conditions.get(s.conditions, MachineReadyCondition);
        if (ready.isEmpty() || !Conditions.TRUE.equals(ready.get().getStatus())) {
            set(s, MachineAvailableCondition, Conditions.FALSE, MachineNotReadyReason, "");
            return Result.done();
        }
        Instant availableAt = Instant.parse(ready.get().getLastTransitionTime())
                .plusSeconds(s.view().spec().minReadySeconds());
        if (!availableAt.isAfter(s.now)) {
            set(s, MachineAvailableCondition, Conditions.TRUE, MachineAvailableReason, "");
            return Result.done();
        }
        set(s, MachineAvailableCondition, Conditions.FALSE, MachineWaitingForMinReadySecondsReason, "");
        return Result.requeueAfter(Duration.between(s.now, availableAt));
    }
}
