package io.capj.core.machinedeployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the MachineSet and MachineDeployment JSON fields the controller needs, and turns MachineSets into the
 * immutable {@link MachineSetView}s the rollout math works on.
 */
final class MachineSetJson {

    private MachineSetJson() {
    }

    static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }

    static String uid(JsonNode object) {
        return object.at("/metadata/uid").asText();
    }

    /** {@code metadata.creationTimestamp}; now for an object not yet created. */
    static Instant creationTimestamp(JsonNode object) {
        String value = object.at("/metadata/creationTimestamp").asText();
        return value.isEmpty() ? Instant.now() : Instant.parse(value);
    }

    static boolean deleting(JsonNode object) {
        return !object.at("/metadata/deletionTimestamp").asText().isEmpty();
    }

    static int specReplicas(JsonNode ms) {
        return ms.at("/spec/replicas").asInt(0);
    }

    static int statusReplicas(JsonNode ms) {
        return ms.at("/status/replicas").asInt(0);
    }

    static Map<String, String> stringMap(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    static Map<String, String> annotations(JsonNode object) {
        return stringMap(object.at("/metadata/annotations"));
    }

    static Map<String, String> labels(JsonNode object) {
        return stringMap(object.at("/metadata/labels"));
    }

    /**
     * The rollout view of a MachineSet. Available replicas are capped at {@code spec.replicas}: a MachineSet
     * told to shrink loses those Machines, so counting them (from a status not yet caught up) would let the
     * planner remove more than maxUnavailable allows.
     */
    static MachineSetView view(JsonNode ms) {
        int replicas = specReplicas(ms);
        int available = Math.min(ms.at("/status/availableReplicas").asInt(0), replicas);
        return new MachineSetView(name(ms), creationTimestamp(ms), replicas, available, annotations(ms),
                ms.at("/status/replicas").asInt(0));
    }

    /** Whether {@code object} has a controller ownerReference at all. */
    static boolean hasController(JsonNode object) {
        for (JsonNode ref : object.at("/metadata/ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code object}'s controller ownerReference has {@code uid}. */
    static boolean controlledBy(JsonNode object, String uid) {
        for (JsonNode ref : object.at("/metadata/ownerReferences")) {
            if (ref.path("controller").asBoolean(false) && uid.equals(ref.path("uid").asText())) {
                return true;
            }
        }
        return false;
    }

    /** An ownerReference to {@code owner} (apiVersion/kind/name/uid), optionally as controller. */
    static ObjectNode ownerReference(JsonNode owner, boolean controller) {
        ObjectNode ref = Json.object().put("apiVersion", owner.path("apiVersion").asText())
                .put("kind", owner.path("kind").asText()).put("name", name(owner)).put("uid", uid(owner));
        if (controller) {
            ref.put("controller", true).put("blockOwnerDeletion", true);
        }
        return ref;
    }

    /** Adds {@code ref} to {@code object}'s ownerReferences unless one with the same uid is there. */
    static void ensureOwnerReference(ObjectNode object, ObjectNode ref) {
        for (JsonNode existing : object.at("/metadata/ownerReferences")) {
            if (existing.path("uid").asText().equals(ref.path("uid").asText())) {
                return;
            }
        }
        object.withObject("/metadata").withArray("ownerReferences").add(ref);
    }

    /** The names of {@code sets}, for messages. */
    static List<String> names(List<? extends JsonNode> sets) {
        return sets.stream().map(MachineSetJson::name).sorted().toList();
    }
}
