package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.ObjectMeta;
import io.capj.apimachinery.StatusException;
import io.capj.apimachinery.jsonpath.JsonPath;
import io.capj.apiserver.internal.registry.ResourceType;
import io.capj.apiserver.registry.ResourceDefinition.ScaleSubresource;
import java.util.List;

/** The status and scale subresources: which types have them, and the autoscaling/v1 Scale view of an object. */
final class Subresources {
    private Subresources() {
    }

    static void requireStatus(ResourceType type) {
        if (!type.definition().statusSubresource()) {
            throw StatusException.pathNotFound();
        }
    }

    static ScaleSubresource requireScale(ResourceType type) {
        ScaleSubresource scale = type.definition().scale();
        if (scale == null) {
            throw StatusException.pathNotFound();
        }
        return scale;
    }

    /** {@code {"kind":"Scale","apiVersion":"autoscaling/v1",...}} built from the object's scale paths. */
    static ObjectNode scaleOf(ResourceType type, ObjectNode object) {
        ScaleSubresource scale = requireScale(type);
        ObjectNode s = Json.object();
        s.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode meta = s.putObject("metadata");
        for (String f : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            JsonNode v = object.path("metadata").get(f);
            if (v != null) {
                meta.set(f, v);
            }
        }
        s.putObject("spec").put("replicas", first(object, scale.specReplicasPath()).asInt(0));
        ObjectNode status = s.putObject("status");
        status.put("replicas", first(object, scale.statusReplicasPath()).asInt(0));
        if (scale.labelSelectorPath() != null && !scale.labelSelectorPath().isEmpty()) {
            JsonNode sel = first(object, scale.labelSelectorPath());
            if (sel.isTextual()) {
                status.put("selector", sel.asText());
            }
        }
        return s;
    }

    private static JsonNode first(ObjectNode object, String path) {
        List<JsonNode> found = JsonPath.compile(path).find(object);
        return found.isEmpty() ? Json.NODES.missingNode() : found.get(0);
    }

    /** Writes the replicas of a Scale into the object at the spec replicas path (a simple dotted path). */
    static void applyScale(ResourceType type, ObjectNode object, JsonNode scaleObject) {
        ScaleSubresource scale = requireScale(type);
        JsonNode replicas = scaleObject.path("spec").path("replicas");
        if (!replicas.isIntegralNumber()) {
            throw StatusException.invalid(new io.capj.apimachinery.GroupVersionKind("autoscaling", "v1", "Scale"),
                    ObjectMeta.name(object), List.of(io.capj.apimachinery.FieldError.required("spec.replicas", "")));
        }
        String[] parts = scale.specReplicasPath().replaceFirst("^\\.", "").split("\\.");
        ObjectNode node = object;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], replicas);
    }
}
