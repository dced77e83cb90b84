package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;

/**
 * The bridge between kubectl's client-side apply annotation and server-side apply, as upstream builds it
 * for the {@code kubectl} manager only: switching to {@code kubectl apply --server-side} may take over
 * fields recorded in {@code kubectl.kubernetes.io/last-applied-configuration} without conflicts, and keeps
 * that annotation in step with what was applied so a later client-side apply still computes right.
 */
final class LastAppliedConfiguration {
    static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
    static final String KUBECTL = "kubectl";

    private LastAppliedConfiguration() {
    }

    /** The fields a conflict may be ignored on: those of the live object's annotation, if the applier is kubectl. */
    static FieldSet takeoverFields(String manager, ObjectNode live, MergeSchema schema) {
        String text = annotation(live);
        if (!KUBECTL.equals(manager) || text == null) {
            return FieldSet.empty();
        }
        try {
            JsonNode lastApplied = Json.parse(text);
            return lastApplied.isObject() ? ObjectFieldWalker.fieldSet(lastApplied, schema, false) : FieldSet.empty();
        } catch (RuntimeException e) {
            // A corrupt annotation grants nothing; the conflicts stand.
            return FieldSet.empty();
        }
    }

    /** {@code object} with the annotation rewritten from {@code config} when kubectl applies and one exists. */
    static ObjectNode sync(ObjectNode object, ObjectNode config, String manager) {
        if (!KUBECTL.equals(manager) || annotation(object) == null) {
            return object;
        }
        ObjectNode applied = config.deepCopy();
        if (applied.path("metadata").get("annotations") instanceof ObjectNode annotations) {
            annotations.remove(ANNOTATION);
        }
        ObjectNode out = object.deepCopy();
        // Upstream encodes with Go's json.Encoder: sorted keys, HTML-safe escapes and a trailing newline.
        ((ObjectNode) out.get("metadata").get("annotations")).put(ANNOTATION, GoJson.encode(applied) + "\n");
        return out;
    }

    private static String annotation(ObjectNode object) {
        if (object == null) {
            return null;
        }
        JsonNode value = object.path("metadata").path("annotations").get(ANNOTATION);
        return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }
}
