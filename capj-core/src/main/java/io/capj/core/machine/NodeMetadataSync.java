package io.capj.core.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.CoreAnnotations;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the Machine controller keeps on its Node, as a pure function from the Machine and the Node to one JSON
 * merge patch: the bookkeeping annotations (cluster name and namespace, machine, controlling owner), the
 * Machine's annotations in the {@code node.cluster.x-k8s.io} domain and labels in the node-role,
 * node-restriction and {@code node.cluster.x-k8s.io} domains (remembered in
 * {@code cluster.x-k8s.io/{labels,annotations}-from-machine} so removed ones are removed from the Node too),
 * and the removal of the {@code node.cluster.x-k8s.io/uninitialized:NoSchedule} taint.
 */
final class NodeMetadataSync {
    static final String UNINITIALIZED_TAINT_KEY = "node.cluster.x-k8s.io/uninitialized";
    static final String UNINITIALIZED_TAINT_EFFECT = "NoSchedule";
    /** Annotations always synced; not listed in annotations-from-machine. */
    static final List<String> COMMON_NODE_ANNOTATIONS = List.of(CoreAnnotations.ClusterNameAnnotation,
            CoreAnnotations.ClusterNamespaceAnnotation, CoreAnnotations.MachineAnnotation,
            CoreAnnotations.OwnerKindAnnotation, CoreAnnotations.OwnerNameAnnotation);

    private NodeMetadataSync() {
    }

    /** The annotations a Node of {@code machine} must carry. */
    static Map<String, String> managedAnnotations(JsonNode machine) {
        Map<String, String> managed = new TreeMap<>();
        managed.put(CoreAnnotations.ClusterNameAnnotation, machine.at("/spec/clusterName").asText());
        managed.put(CoreAnnotations.ClusterNamespaceAnnotation, machine.at("/metadata/namespace").asText());
        managed.put(CoreAnnotations.MachineAnnotation, machine.at("/metadata/name").asText());
        for (JsonNode owner : machine.at("/metadata/ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                managed.put(CoreAnnotations.OwnerKindAnnotation, owner.path("kind").asText());
                managed.put(CoreAnnotations.OwnerNameAnnotation, owner.path("name").asText());
            }
        }
        machine.at("/metadata/annotations").fields().forEachRemaining(e -> {
            if (inDomain(e.getKey(), CoreAnnotations.ManagedNodeAnnotationDomain)) {
                managed.put(e.getKey(), e.getValue().asText());
            }
        });
        return managed;
    }

    /** The labels a Node of {@code machine} must carry, plus the interruptible label for spot machines. */
    static Map<String, String> managedLabels(JsonNode machine, boolean interruptible) {
        Map<String, String> managed = new TreeMap<>();
        machine.at("/metadata/labels").fields().forEachRemaining(e -> {
            String key = e.getKey();
            String domain = key.split("/")[0];
            if (domain.equals(CoreLabels.NodeRoleLabelPrefix) || inDomain(key, CoreLabels.NodeRestrictionLabelDomain)
                    || inDomain(key, CoreLabels.ManagedNodeLabelDomain)) {
                managed.put(key, e.getValue().asText());
            }
        });
        if (interruptible) {
            managed.put(CoreLabels.InterruptibleLabel, "");
        }
        return managed;
    }

    /**
     * The merge patch that brings {@code node} to the desired metadata and drops the uninitialized taint, locked
     * on the Node's resourceVersion; empty when the Node is already in sync.
     */
    static Optional<ObjectNode> patchFor(JsonNode node, Map<String, String> annotations, Map<String, String> labels) {
        JsonNode currentAnnotations = node.at("/metadata/annotations");
        JsonNode currentLabels = node.at("/metadata/labels");
        ObjectNode annotationPatch = Json.object();
        ObjectNode labelPatch = Json.object();

        Set<String> previousAnnotations = new LinkedHashSet<>(split(currentAnnotations
                .path(CoreAnnotations.AnnotationsFromMachineAnnotation).asText("")));
        previousAnnotations.addAll(COMMON_NODE_ANNOTATIONS);
        sync(currentAnnotations, annotations, previousAnnotations, annotationPatch);
        Set<String> previousLabels = new LinkedHashSet<>(split(currentAnnotations
                .path(CoreAnnotations.LabelsFromMachineAnnotation).asText("")));
        sync(currentLabels, labels, previousLabels, labelPatch);

        Set<String> syncedAnnotations = new TreeSet<>(annotations.keySet());
        syncedAnnotations.removeAll(COMMON_NODE_ANNOTATIONS);
        putIfDifferent(currentAnnotations, CoreAnnotations.AnnotationsFromMachineAnnotation,
                String.join(",", syncedAnnotations), annotationPatch);
        putIfDifferent(currentAnnotations, CoreAnnotations.LabelsFromMachineAnnotation,
                String.join(",", new TreeSet<>(labels.keySet())), annotationPatch);

        Optional<ArrayNode> taints = taintsWithoutUninitialized(node.at("/spec/taints"));
        if (annotationPatch.isEmpty() && labelPatch.isEmpty() && taints.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode patch = Json.object();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.put("resourceVersion", node.at("/metadata/resourceVersion").asText());
        if (!annotationPatch.isEmpty()) {
            metadata.set("annotations", annotationPatch);
        }
        if (!labelPatch.isEmpty()) {
            metadata.set("labels", labelPatch);
        }
        taints.ifPresent(t -> patch.putObject("spec").set("taints", t));
        return Optional.of(patch);
    }

    private static void sync(JsonNode current, Map<String, String> desired, Set<String> previouslyManaged,
            ObjectNode patch) {
        desired.forEach((key, value) -> putIfDifferent(current, key, value, patch));
        for (String key : previouslyManaged) {
            if (!key.isEmpty() && !key.equals(CoreAnnotations.AnnotationsFromMachineAnnotation)
                    && !desired.containsKey(key) && current.has(key)) {
                patch.putNull(key);
            }
        }
    }

    private static void putIfDifferent(JsonNode current, String key, String value, ObjectNode patch) {
        if (!current.has(key) || !value.equals(current.get(key).asText())) {
            patch.put(key, value);
        }
    }

    /** The taint list without the uninitialized taint, or empty when it was not there. */
    private static Optional<ArrayNode> taintsWithoutUninitialized(JsonNode taints) {
        ArrayNode kept = Json.MAPPER.createArrayNode();
        boolean removed = false;
        for (Iterator<JsonNode> it = taints.elements(); it.hasNext(); ) {
            JsonNode taint = it.next();
            if (UNINITIALIZED_TAINT_KEY.equals(taint.path("key").asText())
                    && UNINITIALIZED_TAINT_EFFECT.equals(taint.path("effect").asText())) {
                removed = true;
            } else {
                kept.add(taint);
            }
        }
        return removed ? Optional.of(kept) : Optional.empty();
    }

    private static boolean inDomain(String key, String domain) {
        String prefix = key.split("/")[0];
        return prefix.equals(domain) || prefix.endsWith("." + domain);
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
