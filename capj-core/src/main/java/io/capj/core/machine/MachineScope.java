package io.capj.core.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.api.core.v1beta2.MachineView;
import io.capj.core.external.ExternalKind;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile pass of a Machine has read and decided so far: the Machine tree being mutated (and its
 * conditions as a list the {@link io.capj.runtime.Conditions} helper edits), its Cluster, the provider objects
 * and Node found (or known missing), and the Deleting reason chosen by the delete pipeline. Built fresh on
 * every pass; nothing in it survives to the next.
 */
final class MachineScope {
    final Request request;
    final ObjectNode machine;
    final ObjectNode cluster;
    final List<Condition> conditions;
    final Instant now;

    ObjectNode bootstrapConfig;
    ExternalKind bootstrapKind;
    boolean bootstrapConfigNotFound;

    ObjectNode infraMachine;
    ExternalKind infraKind;
    boolean infraMachineNotFound;

    /** The Node linked by providerID, when found. */
    Node node;
    /** Why the Node could not be read (connection or lookup failure); null when the lookup worked or was skipped. */
    RuntimeException nodeError;

    /** The MachineSet controlling the Machine and the MachineDeployment controlling that set, when both exist. */
    ObjectNode owningMachineSet;
    ObjectNode owningMachineDeployment;

    String deletingReason;
    String deletingMessage;

    MachineScope(Request request, ObjectNode machine, ObjectNode cluster, List<Condition> conditions, Instant now) {
        this.request = request;
        this.machine = machine;
        this.cluster = cluster;
        this.conditions = conditions;
        this.now = now;
    }

    MachineView view() {
        return MachineView.of(machine);
    }

    ClusterView clusterView() {
        return ClusterView.of(cluster);
    }

    /** The workload cluster key: the Cluster's namespace and name. */
    Request clusterKey() {
        return new Request(request.namespace(), view().spec().clusterName());
    }

    boolean deleting() {
        return isDeleting(machine);
    }

    long generation() {
        return machine.at("/metadata/generation").asLong(0);
    }

    ObjectNode status() {
        return machine.withObject("status");
    }

    /** {@code status.deletion}, created on demand. */
    ObjectNode deletionStatus() {
        return status().withObject("deletion");
    }

    Optional<String> annotation(String key) {
        return Optional.ofNullable(machine.at("/metadata/annotations").get(key)).map(JsonNode::asText);
    }

    static boolean isDeleting(JsonNode object) {
        String ts = object.at("/metadata/deletionTimestamp").asText("");
        return !ts.isEmpty();
    }
}
