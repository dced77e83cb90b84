package io.capj.core.machinehealthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.selector.LabelSelector;
import io.capj.core.CoreKinds;
import io.capj.core.Trees;
import io.capj.runtime.Cache;
import io.capj.runtime.Manager;
import io.capj.runtime.PatchHelper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Machines a MachineHealthCheck watches, as upstream's {@code getTargetsFromMHC}: those of its Cluster
 * whose labels its selector matches, minus paused ones and those with {@code cluster.x-k8s.io/skip-remediation};
 * each with its Node when the workload cluster is readable ({@code nodes} non-null).
 */
final class HealthCheckTargets {
    private final Manager manager;

    HealthCheckTargets(Manager manager) {
        this.manager = manager;
    }

    /**
     * The targets, sorted by name.
     *
     * @param nodes the workload cluster's cache, or null before the control plane is initialized
     */
    List<HealthCheckTarget> of(JsonNode healthCheck, Cache nodes) {
        List<HealthCheckTarget> targets = new ArrayList<>();
        for (GenericKubernetesResource found : selected(manager.cache(), healthCheck)) {
            ObjectNode machine = Trees.of(found);
            JsonNode annotations = machine.at("/metadata/annotations");
            if (annotations.has(CoreAnnotations.PausedAnnotation)
                    || annotations.has(CoreAnnotations.MachineSkipRemediationAnnotation)) {
                continue;
            }
            JsonNode node = null;
            boolean nodeMissing = false;
            String nodeName = machine.at("/status/nodeRef/name").asText("");
            if (nodes != null && !nodeName.isEmpty()) {
                Optional<Node> live = nodes.get(CoreKinds.NODE, "", nodeName);
                node = live.map(Trees::of).orElse(null);
                nodeMissing = live.isEmpty();
            }
            targets.add(new HealthCheckTarget(machine, node, nodeMissing,
                    PatchHelper.snapshot(manager.client(), CoreKinds.MACHINE, machine)));
        }
        targets.sort(Comparator.comparing(HealthCheckTarget::name));
        return targets;
    }

    /** Machines in the health check's namespace and Cluster that its selector matches. */
    static List<GenericKubernetesResource> selected(Cache cache, JsonNode healthCheck) {
        LabelSelector selector = selector(healthCheck);
        String clusterName = healthCheck.at("/spec/clusterName").asText();
        return cache.list(CoreKinds.MACHINE, healthCheck.at("/metadata/namespace").asText(),
                        Map.of(CoreLabels.ClusterNameLabel, clusterName)).stream()
                .filter(m -> selector.matches(labels(m)))
                .toList();
    }

    /** The health check's selector; the webhook guarantees it parses. */
    static LabelSelector selector(JsonNode healthCheck) {
        JsonNode selector = healthCheck.at("/spec/selector");
        return LabelSelector.fromMetaV1(selector.isObject() ? selector : Json.object());
    }

    static Map<String, String> labels(GenericKubernetesResource object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? new HashMap<>() : labels;
    }
}
