package io.capj.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;

/** Terse constructors for OpenAPI v3 schema fragments; a {@code $ref} with siblings is wrapped in {@code allOf}. */
final class SchemaBuilder {

    private SchemaBuilder() {
    }

    static ObjectNode object(String description) {
        ObjectNode s = Json.object();
        s.put("description", description).put("type", "object");
        s.putObject("properties");
        return s;
    }

    static ObjectNode typed(String type, String description) {
        ObjectNode s = Json.object();
        s.put("description", description).put("type", type);
        return s;
    }

    static ObjectNode formatted(String type, String format, String description) {
        return typed(type, description).put("format", format);
    }

    /** kube-openapi's v3 form of a described reference: {@code {"description":..,"allOf":[{"$ref":..}]}}. */
    static ObjectNode ref(String model, String description) {
        ObjectNode s = Json.object();
        s.put("description", description);
        s.putArray("allOf").addObject().put("$ref", OpenApiNames.ref(model));
        return s;
    }

    static ObjectNode arrayOf(ObjectNode items, String description) {
        ObjectNode s = typed("array", description);
        s.set("items", items);
        return s;
    }

    static ObjectNode arrayOfRefs(String model, String description) {
        ObjectNode item = Json.object();
        item.put("$ref", OpenApiNames.ref(model));
        return arrayOf(item, description);
    }

    static ObjectNode stringMap(String description) {
        ObjectNode s = typed("object", description);
        s.putObject("additionalProperties").put("type", "string");
        return s;
    }

    static ObjectNode props(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    static void gvk(ObjectNode schema, String group, String version, String kind) {
        schema.putArray("x-kubernetes-group-version-kind").addObject()
                .put("group", group).put("kind", kind).put("version", version);
    }
}
