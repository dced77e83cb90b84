package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.runtime.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one MachineSet reconcile pass observed and decided, shared by its phases and read by the status
 * computation: the set (mutated and patched once at the end), its Cluster, its owning MachineDeployment, its
 * Machines, and the facts status reports (missing templates, why scaling up is blocked).
 */
final class MachineSetScope {
    final Request request;
    final ObjectNode machineSet;
    final JsonNode cluster;
    final Instant now;
    /** The MachineDeployment named by the set's deployment-name label; null for a stand-alone set. */
    JsonNode owningDeployment;
    /** The Machines this set controls (after adoption), deleting ones included. */
    List<ObjectNode> machines = new ArrayList<>();
    /** False until the Machines were listed and adopted; status counters stay untouched before. */
    boolean machinesListed;
    boolean bootstrapTemplateNotFound;
    boolean infraTemplateNotFound;
    /** Set when a deleting set has no Machines left: the finalizer goes after the status patch. */
    boolean finalizerRemovable;
    /** Reasons scale up cannot proceed (e.g. the disable-machine-create annotation), for ScalingUp. */
    final List<String> scaleUpBlockedBy = new ArrayList<>();

    MachineSetScope(Request request, ObjectNode machineSet, JsonNode cluster, Instant now) {
        this.request = request;
        this.machineSet = machineSet;
        this.cluster = cluster;
        this.now = now;
    }

    String namespace() {
        return machineSet.at("/metadata/namespace").asText();
    }

    String name() {
        return machineSet.at("/metadata/name").asText();
    }

    String clusterName() {
        return machineSet.at("/spec/clusterName").asText();
    }

    boolean deleting() {
        return isDeleting(machineSet);
    }

    /** {@code spec.replicas}; empty until the webhook defaulted it. */
    Optional<Integer> desiredReplicas() {
        JsonNode replicas = machineSet.at("/spec/replicas");
        return replicas.isIntegralNumber() ? Optional.of(replicas.asInt()) : Optional.empty();
    }

    /** {@code Cluster=ns/name MachineSet=ns/name}, for logs. */
    String logKeys() {
        return "Cluster=" + namespace() + "/" + clusterName() + " MachineSet=" + namespace() + "/" + name();
    }

    static boolean isDeleting(JsonNode object) {
        JsonNode ts = object.at("/metadata/deletionTimestamp");
        return ts.isTextual() && !ts.asText().isEmpty();
    }

    static String nameOf(JsonNode object) {
        return object.at("/metadata/name").asText();
    }
}
