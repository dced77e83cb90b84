package io.capj.apiserver.internal.discovery;

import static io.capj.apiserver.internal.discovery.SchemaBuilder.ref;
import static io.capj.apiserver.internal.discovery.SchemaBuilder.typed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.apiserver.registry.ResourceDefinition;
import java.util.HashSet;
import java.util.Set;

/**
 * The schema of a served kind and of its list, as apiextensions' OpenAPI builder publishes a CRD version: the
 * openAPIV3Schema with {@code apiVersion}, {@code kind} and a reference to ObjectMeta added (also inside
 * {@code x-kubernetes-embedded-resource} objects), tagged with {@code x-kubernetes-group-version-kind} so
 * {@code kubectl explain} can find it. A kind without a schema is published as an open object.
 */
final class KindSchemas {
    private static final String EMBEDDED_API_VERSION = "apiVersion defines the versioned schema of this "
            + "representation of an object. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
    private static final String EMBEDDED_KIND = "kind is a string value representing the type of this object. In "
            + "CamelCase. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    private KindSchemas() {
    }

    static ObjectNode kind(ResourceDefinition d) {
        ObjectNode s;
        if (d.schema() instanceof ObjectNode schema) {
            s = schema.deepCopy();
            ObjectNode props = properties(s);
            props.set("apiVersion", typed("string", MetaSchemas.API_VERSION_DOC));
            props.set("kind", typed("string", MetaSchemas.KIND_DOC));
            props.set("metadata", ref(OpenApiNames.META + "ObjectMeta", MetaSchemas.OBJECT_META_DOC));
            addEmbeddedProperties(s);
        } else {
            // No properties: kubectl would otherwise treat unlisted fields as unknown.
            s = Json.object();
            s.put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        }
        SchemaBuilder.gvk(s, d.group(), d.version(), d.kind());
        return s;
    }

    static ObjectNode list(ResourceDefinition d) {
        String itemModel = OpenApiNames.model(d.group(), d.version(), d.kind(), d.builtin());
        ObjectNode s = Json.object();
        s.put("description", d.listKind() + " is a list of " + d.kind()).put("type", "object");
        s.putArray("required").add("items");
        ObjectNode props = s.putObject("properties");
        props.set("apiVersion", typed("string", MetaSchemas.API_VERSION_DOC));
        ObjectNode items = props.putObject("items");
        items.put("description", "List of " + d.plural() + ". More info: "
                + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md");
        items.put("type", "array");
        items.putObject("items").put("$ref", OpenApiNames.ref(itemModel));
        props.set("kind", typed("string", MetaSchemas.KIND_DOC));
        props.set("metadata", ref(OpenApiNames.META + "ListMeta", MetaSchemas.LIST_META_DOC));
        SchemaBuilder.gvk(s, d.group(), d.version(), d.listKind());
        return s;
    }

    private static ObjectNode properties(ObjectNode schema) {
        return schema.get("properties") instanceof ObjectNode p ? p : schema.putObject("properties");
    }

    /** Objects marked as embedded resources get TypeMeta and ObjectMeta too, and require apiVersion and kind. */
    private static void addEmbeddedProperties(JsonNode node) {
        if (!(node instanceof ObjectNode s)) {
            return;
        }
        if (s.get("properties") instanceof ObjectNode props) {
            props.elements().forEachRemaining(KindSchemas::addEmbeddedProperties);
        }
        addEmbeddedProperties(s.get("items"));
        addEmbeddedProperties(s.get("additionalProperties"));
        if (!s.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            return;
        }
        ObjectNode props = properties(s);
        props.set("apiVersion", typed("string", EMBEDDED_API_VERSION));
        props.set("kind", typed("string", EMBEDDED_KIND));
        props.set("metadata", ref(OpenApiNames.META + "ObjectMeta", MetaSchemas.OBJECT_META_DOC));
        ArrayNode required = s.get("required") instanceof ArrayNode r ? r : s.putArray("required");
        Set<String> present = new HashSet<>();
        required.forEach(r -> present.add(r.asText()));
        for (String field : new String[] {"kind", "apiVersion"}) {
            if (!present.contains(field)) {
                required.add(field);
            }
        }
    }
}
