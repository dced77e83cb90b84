package io.capj.api.core.v1beta2.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreLabels;

/** Small in-place defaults several kinds share. */
final class Defaults {
    private Defaults() {
    }

    /** Sets the object's {@code cluster.x-k8s.io/cluster-name} label from {@code spec.clusterName}. */
    static void clusterNameLabel(ObjectNode object, ObjectNode spec) {
        labels(object.get("metadata") instanceof ObjectNode m ? m : object.putObject("metadata"))
                .put(CoreLabels.ClusterNameLabel, spec.path("clusterName").asText());
    }

    /** Prefixes a set {@code version} without {@code v} with one. */
    static void versionPrefix(ObjectNode machineSpec) {
        if (machineSpec.path("version").isTextual()) {
            machineSpec.put("version", SemanticVersions.withLeadingV(machineSpec.path("version").textValue()));
        }
    }

    /** The {@code labels} map of a metadata or template-metadata node, created when absent. */
    static ObjectNode labels(ObjectNode metadata) {
        return metadata.get("labels") instanceof ObjectNode l ? l : metadata.putObject("labels");
    }

    /** A child object, created when absent. */
    static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode c ? c : parent.putObject(name);
    }
}
