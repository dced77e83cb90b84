package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reconcile pass of a MachineDeployment observed: the deployment (mutated during the pass and patched
 * at its end), its Cluster, the MachineSets it controls, the Machines its selector matches, and which of its
 * templates are missing. Status is computed from this, never from what the pass wrote.
 */
final class DeploymentScope {
    final ObjectNode deployment;
    final JsonNode cluster;
    final String key;
    List<ObjectNode> machineSets = List.of();
    List<JsonNode> machines = List.of();
    /** False when listing or adopting MachineSets failed, so counters cannot be trusted. */
    boolean machineSetsKnown;
    /** Kinds of referenced templates that do not exist. */
    final List<String> missingTemplateKinds = new ArrayList<>();

    DeploymentScope(ObjectNode deployment, JsonNode cluster) {
        this.deployment = deployment;
        this.cluster = cluster;
        this.key = deployment.at("/metadata/namespace").asText() + "/" + deployment.at("/metadata/name").asText();
    }

    String namespace() {
        return deployment.at("/metadata/namespace").asText();
    }

    String clusterName() {
        return deployment.at("/spec/clusterName").asText();
    }

    boolean deleting() {
        return MachineSetJson.deleting(deployment);
    }

    long generation() {
        return deployment.at("/metadata/generation").asLong();
    }
}
