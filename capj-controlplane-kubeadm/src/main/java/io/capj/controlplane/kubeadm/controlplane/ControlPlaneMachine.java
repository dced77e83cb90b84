package io.capj.controlplane.kubeadm.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneConditions;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.MachineConditions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One control-plane Machine as KCP observed it in a pass: the Machine's JSON plus, when found, its
 * KubeadmConfig and InfraMachine (upstream's {@code ControlPlane.KubeadmConfigs}/{@code InfraResources}
 * entries). Read-only; absent fields read as empty, and a missing creation time reads as the epoch.
 */
public record ControlPlaneMachine(JsonNode machine, Optional<JsonNode> kubeadmConfig, Optional<JsonNode> infraMachine) {

    /** The Kubernetes control-plane component conditions upstream checks on every CP Machine. */
    public static final List<String> COMPONENT_CONDITIONS = List.of(
            KubeadmControlPlaneConditions.KubeadmControlPlaneMachineAPIServerPodHealthyCondition,
            KubeadmControlPlaneConditions.KubeadmControlPlaneMachineControllerManagerPodHealthyCondition,
            KubeadmControlPlaneConditions.KubeadmControlPlaneMachineSchedulerPodHealthyCondition);
    /** The etcd conditions, checked only when KCP manages etcd. */
    public static final List<String> ETCD_CONDITIONS = List.of(
            KubeadmControlPlaneConditions.KubeadmControlPlaneMachineEtcdPodHealthyCondition,
            KubeadmControlPlaneConditions.KubeadmControlPlaneMachineEtcdMemberHealthyCondition);

    public ControlPlaneMachine {
        Objects.requireNonNull(machine, "machine");
        kubeadmConfig = kubeadmConfig == null ? Optional.empty() : kubeadmConfig;
        infraMachine = infraMachine == null ? Optional.empty() : infraMachine;
    }

    /** A Machine whose KubeadmConfig and InfraMachine were not found. */
    public static ControlPlaneMachine of(JsonNode machine) {
        return new ControlPlaneMachine(machine, Optional.empty(), Optional.empty());
    }

    public String name() {
        return machine.at("/metadata/name").asText();
    }

    public Instant creationTimestamp() {
        return instant(machine.at("/metadata/creationTimestamp")).orElse(Instant.EPOCH);
    }

    public boolean deleting() {
        return instant(machine.at("/metadata/deletionTimestamp")).isPresent();
    }

    public boolean hasAnnotation(String key) {
        return machine.at("/metadata/annotations").has(key);
    }

    public Optional<String> annotation(String key) {
        JsonNode value = machine.at("/metadata/annotations").get(key);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Whether one of the Machine's ownerReferences is a controller reference with this UID. */
    public boolean controlledBy(String ownerUid) {
        for (JsonNode ref : machine.at("/metadata/ownerReferences")) {
            if (ref.path("controller").asBoolean(false) && ownerUid.equals(ref.path("uid").asText())) {
                return true;
            }
        }
        return false;
    }

    /** {@code spec.failureDomain}; empty string when unset, as upstream compares it. */
    public String failureDomain() {
        return machine.at("/spec/failureDomain").asText("");
    }

    public String version() {
        return machine.at("/spec/version").asText("");
    }

    /** {@code status.nodeRef.name}, which kubeadm also uses as the etcd member name. */
    public Optional<String> nodeName() {
        return text(machine.at("/status/nodeRef/name"));
    }

    public boolean hasNode() {
        return nodeName().isPresent();
    }

    public Optional<String> providerID() {
        return text(machine.at("/spec/providerID"));
    }

    public Optional<String> bootstrapConfigName() {
        return text(machine.at("/spec/bootstrap/configRef/name"));
    }

    public String infrastructureKind() {
        return machine.at("/spec/infrastructureRef/kind").asText("");
    }

    public Optional<Instant> certificatesExpiryDate() {
        return instant(machine.at("/status/certificatesExpiryDate"));
    }

    public ConditionState condition(String type) {
        for (JsonNode c : machine.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return ConditionState.of(c.path("status").asText());
            }
        }
        return ConditionState.ABSENT;
    }

    public Optional<String> conditionMessage(String type) {
        for (JsonNode c : machine.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return Optional.of(c.path("message").asText(""));
            }
        }
        return Optional.empty();
    }

    public boolean isTrue(String type) {
        return condition(type) == ConditionState.TRUE;
    }

    public boolean isFalse(String type) {
        return condition(type) == ConditionState.FALSE;
    }

    public boolean hasDeleteAnnotation() {
        return hasAnnotation(CoreAnnotations.DeleteMachineAnnotation);
    }

    public boolean hasRemediateAnnotation() {
        return hasAnnotation(CoreAnnotations.RemediateMachineAnnotation);
    }

    /** Upstream {@code IsUnhealthy}: a MachineHealthCheck set HealthCheckSucceeded=False. */
    public boolean unhealthy() {
        return isFalse(MachineConditions.MachineHealthCheckSucceededCondition);
    }

    /** Upstream {@code IsUnhealthyAndOwnerRemediated}: unhealthy and left to KCP (OwnerRemediated=False). */
    public boolean toBeRemediatedByKcp() {
        return unhealthy() && isFalse(MachineConditions.MachineOwnerRemediatedCondition);
    }

    /**
     * Upstream {@code HasUnhealthyControlPlaneComponents}: some component condition (and, with managed etcd,
     * an etcd condition) is False. Absent or Unknown is transient and does not count; preflight covers it.
     */
    public boolean hasUnhealthyControlPlaneComponents(boolean etcdManaged) {
        return healthConditions(etcdManaged).stream().anyMatch(this::isFalse);
    }

    /** The per-Machine health conditions KCP looks at: components, plus etcd when it manages etcd. */
    public static List<String> healthConditions(boolean etcdManaged) {
        if (!etcdManaged) {
            return COMPONENT_CONDITIONS;
        }
        return List.of(COMPONENT_CONDITIONS.get(0), COMPONENT_CONDITIONS.get(1), COMPONENT_CONDITIONS.get(2),
                ETCD_CONDITIONS.get(0), ETCD_CONDITIONS.get(1));
    }

    static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** An RFC 3339 time field; absent, empty or unparsable reads as empty. */
    public static Optional<Instant> instant(JsonNode node) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
