package io.capj.infrastructure.dev.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.infrastructure.dev.workload.WorkloadServers.ClusterKey;
import io.capj.runtime.Conditions;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile pass of a DevMachine has read: the DevMachine tree being mutated (and its conditions as
 * the list {@link Conditions} edits), its Machine and Cluster, and the time the pass started. Built fresh on
 * every pass.
 */
final class DevMachineScope {
    final Request request;
    final ObjectNode devMachine;
    final ObjectNode machine;
    final ObjectNode cluster;
    final List<Condition> conditions;
    final Instant now;

    DevMachineScope(Request request, ObjectNode devMachine, ObjectNode machine, ObjectNode cluster,
            List<Condition> conditions, Instant now) {
        this.request = request;
        this.devMachine = devMachine;
        this.machine = machine;
        this.cluster = cluster;
        this.conditions = conditions;
        this.now = now;
    }

    /** The Node (and static pod suffix) of this machine: the DevMachine's name, as upstream names it. */
    String nodeName() {
        return request.name();
    }

    /** {@code in-memory://<devmachine name>}. */
    String providerID() {
        return "in-memory://" + request.name();
    }

    String uid() {
        return devMachine.at("/metadata/uid").asText();
    }

    long generation() {
        return devMachine.at("/metadata/generation").asLong(0);
    }

    boolean controlPlane() {
        return machine.at("/metadata/labels").has(CoreLabels.MachineControlPlaneLabel);
    }

    String clusterName() {
        return cluster.at("/metadata/name").asText();
    }

    ClusterKey clusterKey() {
        return new ClusterKey(request.namespace(), clusterName());
    }

    /** {@code spec.backend.inMemory}. */
    JsonNode inMemory() {
        return devMachine.at("/spec/backend/inMemory");
    }

    boolean hasAnnotation(String key) {
        return devMachine.at("/metadata/annotations").has(key);
    }

    Optional<String> annotation(String key) {
        JsonNode value = devMachine.at("/metadata/annotations").get(key);
        return value == null ? Optional.empty() : Optional.of(value.asText());
    }

    ObjectNode status() {
        return devMachine.withObject("status");
    }

    boolean isTrue(String type) {
        return Conditions.isTrue(conditions, type);
    }

    /** When condition {@code type} last changed status, if it is set. */
    Optional<Instant> transitionTime(String type) {
        return Conditions.get(conditions, type).map(Condition::getLastTransitionTime).filter(t -> !t.isEmpty())
                .map(Instant::parse);
    }

    void set(String type, String status, String reason, String message) {
        Conditions.set(conditions, Conditions.of(type, status, reason, message), generation());
    }
}
