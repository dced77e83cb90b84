package io.capj.bootstrap.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ClusterView;
import io.capj.apimachinery.ObjectMeta;
import io.capj.runtime.Conditions;
import io.capj.runtime.Request;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** One reconcile pass over a KubeadmConfig: the object being changed, its Machine and Cluster, conditions. */
final class KubeadmConfigScope {
    final ObjectNode config;
    final ConfigOwner owner;
    final JsonNode cluster;
    final List<Condition> conditions;

    KubeadmConfigScope(ObjectNode config, ConfigOwner owner, JsonNode cluster, List<Condition> conditions) {
        this.config = config;
        this.owner = owner;
        this.cluster = cluster;
        this.conditions = conditions;
    }

    String namespace() {
        return ObjectMeta.namespace(config);
    }

    String name() {
        return ObjectMeta.name(config);
    }

    String clusterName() {
        return ObjectMeta.name(cluster);
    }

    Request clusterRequest() {
        return new Request(namespace(), clusterName());
    }

    ClusterView clusterView() {
        return ClusterView.of(cluster);
    }

    /** The live spec: changes (autofilled discovery, endpoint) are written back by the pass's patch. */
    ObjectNode spec() {
        return config.withObject("/spec");
    }

    ObjectNode status() {
        return config.withObject("/status");
    }

    boolean dataSecretCreated() {
        return config.at("/status/initialization/dataSecretCreated").asBoolean(false);
    }

    void set(String type, String status, String reason, String message) {
        Conditions.set(conditions, Conditions.of(type, status, reason, message), ObjectMeta.generation(config));
    }
}
