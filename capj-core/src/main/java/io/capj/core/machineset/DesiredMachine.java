package io.capj.core.machineset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.core.v1beta2.ContractRef;
import io.capj.api.core.v1beta2.CoreFinalizers;
import io.capj.api.core.v1beta2.CoreGroup;
import io.capj.api.core.v1beta2.CoreLabels;
import io.capj.api.core.v1beta2.webhooks.LabelValues;
import io.capj.apimachinery.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a MachineSet wants its Machines to look like, as upstream's {@code computeDesiredMachine}: a new Machine
 * is the template spec with the cloned refs, the template's labels and annotations plus
 * {@code cluster.x-k8s.io/set-name} (and the deployment-name label when the set has one), a controller
 * ownerReference to the set and the Machine finalizer. For existing Machines only the in-place fields are
 * desired: those labels and annotations, {@code readinessGates}, the {@code deletion} timeouts,
 * {@code minReadySeconds} and {@code taints}.
 */
final class DesiredMachine {
    /** The Machine webhook's default, applied here too so a set without it does not patch it away each pass. */
    static final int DEFAULT_NODE_DELETION_TIMEOUT_SECONDS = 10;
    private static final List<String> DELETION_TIMEOUTS = List.of("nodeDrainTimeoutSeconds",
            "nodeVolumeDetachTimeoutSeconds", "nodeDeletionTimeoutSeconds");

    private DesiredMachine() {
    }

    /** The labels every Machine (and its clones) of {@code machineSet} carries. */
    static Map<String, String> labels(JsonNode machineSet) {
        Map<String, String> labels = stringMap(machineSet.at("/spec/template/metadata/labels"));
        labels.put(CoreLabels.MachineSetNameLabel, LabelValues.mustFormat(machineSet.at("/metadata/name").asText()));
        JsonNode deployment = machineSet.at("/metadata/labels").get(CoreLabels.MachineDeploymentNameLabel);
        if (deployment != null && deployment.isTextual()) {
            labels.put(CoreLabels.MachineDeploymentNameLabel, deployment.asText());
        }
        return labels;
    }

    /** The annotations every Machine (and its clones) of {@code machineSet} carries. */
    static Map<String, String> annotations(JsonNode machineSet) {
        return stringMap(machineSet.at("/spec/template/metadata/annotations"));
    }

    /** A controller ownerReference to {@code machineSet}. */
    static ObjectNode controllerRef(JsonNode machineSet) {
        return ownerRef(machineSet, "MachineSet", true);
    }

    /** An ownerReference to a Cluster API object (apiVersion {@code cluster.x-k8s.io/v1beta2}). */
    static ObjectNode ownerRef(JsonNode owner, String kind, boolean controller) {
        ObjectNode ref = Json.object().put("apiVersion", CoreGroup.API_VERSION).put("kind", kind)
                .put("name", owner.at("/metadata/name").asText()).put("uid", owner.at("/metadata/uid").asText());
        if (controller) {
            ref.put("controller", true).put("blockOwnerDeletion", true);
        }
        return ref;
    }

    /** A new Machine {@code name} of {@code machineSet} referencing the clones it was given. */
    static ObjectNode newMachine(JsonNode machineSet, String name, ContractRef bootstrapConfig,
            ContractRef infraMachine) {
        ObjectNode machine = Json.object().put("apiVersion", CoreGroup.API_VERSION).put("kind", "Machine");
        ObjectNode metadata = machine.putObject("metadata").put("name", name)
                .put("namespace", machineSet.at("/metadata/namespace").asText());
        metadata.set("labels", Json.MAPPER.valueToTree(labels(machineSet)));
        Map<String, String> annotations = annotations(machineSet);
        if (!annotations.isEmpty()) {
            metadata.set("annotations", Json.MAPPER.valueToTree(annotations));
        }
        metadata.putArray("ownerReferences").add(controllerRef(machineSet));
        metadata.putArray("finalizers").add(CoreFinalizers.MachineFinalizer);
        ObjectNode spec = machineSet.at("/spec/template/spec").deepCopy();
        spec.put("clusterName", machineSet.at("/spec/clusterName").asText());
        spec.remove("infrastructureRef");
        if (spec.get("bootstrap") instanceof ObjectNode bootstrap) {
            bootstrap.remove("configRef");
        }
        if (bootstrapConfig != null) {
            spec.with("bootstrap").set("configRef", refNode(bootstrapConfig));
        }
        spec.set("infrastructureRef", refNode(infraMachine));
        machine.set("spec", spec);
        return machine;
    }

    /**
     * Sets the in-place fields of {@code machine} to what {@code machineSet} wants. Labels and annotations are
     * merged (keys the set manages are set, others kept); a Machine being deleted gets only the fields that
     * matter for tearing it down.
     */
    static void applyInPlaceFields(JsonNode machineSet, ObjectNode machine, boolean deleting) {
        JsonNode template = machineSet.at("/spec/template/spec");
        ObjectNode spec = machine.with("spec");
        if (!deleting) {
            ObjectNode metadata = machine.with("metadata");
            labels(machineSet).forEach(metadata.with("labels")::put);
            Map<String, String> annotations = annotations(machineSet);
            if (!annotations.isEmpty()) {
                annotations.forEach(metadata.with("annotations")::put);
            }
        }
        copyOrRemove(template, spec, "readinessGates");
        copyOrRemove(template, spec, "minReadySeconds");
        copyOrRemove(template, spec, "taints");
        ObjectNode deletion = spec.with("deletion");
        for (String field : DELETION_TIMEOUTS) {
            copyOrRemove(template.path("deletion"), deletion, field);
        }
        if (!deletion.has("nodeDeletionTimeoutSeconds")) {
            deletion.put("nodeDeletionTimeoutSeconds", DEFAULT_NODE_DELETION_TIMEOUT_SECONDS);
        }
    }

    static ObjectNode refNode(ContractRef ref) {
        return Json.object().put("apiGroup", ref.apiGroup()).put("kind", ref.kind()).put("name", ref.name());
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    private static void copyOrRemove(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null || value.isNull()) {
            to.remove(field);
        } else {
            to.set(field, value.deepCopy());
        }
    }
}
