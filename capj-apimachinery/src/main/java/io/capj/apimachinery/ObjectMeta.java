package io.capj.apimachinery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the {@code metadata} of an object held as a JSON tree. Absent fields read as empty
 * values, never null collections, so callers need no null checks.
 */
public final class ObjectMeta {
    private ObjectMeta() {
    }

    /** The object's metadata node, created if missing. */
    public static ObjectNode of(ObjectNode object) {
        JsonNode m = object.get("metadata");
        if (m instanceof ObjectNode o) {
            return o;
        }
        return object.putObject("metadata");
    }

    public static String text(JsonNode object, String field) {
        JsonNode v = object.path("metadata").get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    public static String name(JsonNode object) {
        return text(object, "name");
    }

    public static String namespace(JsonNode object) {
        return text(object, "namespace");
    }

    public static String uid(JsonNode object) {
        return text(object, "uid");
    }

    public static String resourceVersion(JsonNode object) {
        return text(object, "resourceVersion");
    }

    public static String deletionTimestamp(JsonNode object) {
        return text(object, "deletionTimestamp");
    }

    public static boolean isDeleting(JsonNode object) {
        return !deletionTimestamp(object).isEmpty();
    }

    public static long generation(JsonNode object) {
        return object.path("metadata").path("generation").asLong(0);
    }

    public static Map<String, String> labels(JsonNode object) {
        return stringMap(object.path("metadata").path("labels"));
    }

    public static Map<String, String> annotations(JsonNode object) {
        return stringMap(object.path("metadata").path("annotations"));
    }

    public static List<String> finalizers(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
        return out;
    }

    public static void setFinalizers(ObjectNode object, List<String> finalizers) {
        if (finalizers.isEmpty()) {
            of(object).remove("finalizers");
            return;
        }
        ArrayNode a = of(object).putArray("finalizers");
        finalizers.forEach(a::add);
    }

    /** The ownerReferences entries as JSON objects (empty list if none). */
    public static List<JsonNode> ownerReferences(JsonNode object) {
        List<JsonNode> out = new ArrayList<>();
        object.path("metadata").path("ownerReferences").forEach(out::add);
        return out;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
