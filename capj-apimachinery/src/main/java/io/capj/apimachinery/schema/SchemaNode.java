package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.patch.MergeSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled, immutable node of a structural schema: its shape ({@code type}, {@code properties},
 * {@code additionalProperties}, {@code items}), the Kubernetes extensions, its default and its value
 * {@link Constraints}. The same class models the nested value validations under {@code allOf}/{@code anyOf}/
 * {@code oneOf}/{@code not}, which upstream validates with the same algorithm. A node is also the
 * {@link MergeSchema} of its place, so patch and apply engines walk the schema without another tree.
 */
final class SchemaNode implements MergeSchema {
    /** The schema of a place about which nothing is declared. */
    static final SchemaNode EMPTY = new Builder(Json.object()).build();

    /** Supported string formats, normalized like go-openapi's registry (dashes removed). */
    private static final Set<String> STRING_FORMATS = Set.of("bsonobjectid", "uri", "email", "hostname", "ipv4",
            "ipv6", "cidr", "mac", "uuid", "uuid3", "uuid4", "uuid5", "isbn", "isbn10", "isbn13", "creditcard", "ssn",
            "hexcolor", "rgbcolor", "byte", "password", "date", "duration", "datetime", "k8sshortname",
            "k8slongname");

    final JsonNode source;
    final String type;
    final String format;
    /** The format that is validated: upstream strips formats it does not support for the node's type. */
    final String validatedFormat;
    final boolean nullable;
    final boolean intOrString;
    final boolean preserveUnknownFields;
    final boolean embeddedResource;
    final Map<String, SchemaNode> properties;
    final SchemaNode additionalProperties;
    final SchemaNode items;
    final JsonNode defaultValue;
    final Constraints constraints;
    final String listType;
    final List<String> listMapKeys;
    final String mapType;
    /** The raw {@code x-kubernetes-validations} array, or null; compiled by {@link CelRules}. */
    final JsonNode validations;

    private SchemaNode(Builder b) {
        source = b.source;
        type = text(b.source, "type");
        format = text(b.source, "format");
        nullable = b.source.path("nullable").asBoolean(false);
        intOrString = b.source.path("x-kubernetes-int-or-string").asBoolean(false);
        preserveUnknownFields = b.source.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        embeddedResource = b.source.path("x-kubernetes-embedded-resource").asBoolean(false);
        validatedFormat = supportedFormat(intOrString ? "" : type, format);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        additionalProperties = b.additionalProperties;
        items = b.items;
        defaultValue = b.source.has("default") ? b.source.get("default") : null;
        constraints = b.constraints;
        listType = b.source.hasNonNull("x-kubernetes-list-type") ? text(b.source, "x-kubernetes-list-type") : null;
        listMapKeys = b.listMapKeys;
        mapType = b.source.hasNonNull("x-kubernetes-map-type") ? text(b.source, "x-kubernetes-map-type") : null;
        JsonNode rules = b.source.get("x-kubernetes-validations");
        validations = rules != null && rules.isArray() && !rules.isEmpty() ? rules : null;
    }

    /** The schema of field {@code name} of an object at this node, or null if the field is unknown. */
    SchemaNode fieldSchema(String name) {
        SchemaNode p = properties.get(name);
        return p != null ? p : additionalProperties;
    }

    boolean isListMap() {
        return "map".equals(listType) && items != null;
    }

    @Override
    public MergeSchema field(String name) {
        SchemaNode s = fieldSchema(name);
        return s == null ? DEDUCED : s;
    }

    @Override
    public MergeSchema items() {
        return items == null ? DEDUCED : items;
    }

    @Override
    public ListType listType() {
        if ("set".equals(listType)) {
            return ListType.SET;
        }
        return "map".equals(listType) ? ListType.MAP : ListType.ATOMIC;
    }

    @Override
    public List<String> listMapKeys() {
        return listMapKeys;
    }

    @Override
    public boolean atomicMap() {
        return "atomic".equals(mapType);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** Mirrors apiextensions' StripUnsupportedFormats post-processing: unknown formats are ignored, not rejected. */
    private static String supportedFormat(String type, String format) {
        if (format.isEmpty()) {
            return "";
        }
        return switch (type) {
            case "", "string" -> STRING_FORMATS.contains(format.replace("-", "")) ? format : "";
            case "integer" -> format.equals("int32") || format.equals("int64") ? format : "";
            case "number" -> format.equals("float") || format.equals("double") ? format : "";
            default -> "";
        };
    }

    /** Collects a node's children while {@link SchemaReader} walks the JSON; scalar keywords come from the source. */
    static final class Builder {
        private final JsonNode source;
        Map<String, SchemaNode> properties = Map.of();
        SchemaNode additionalProperties;
        SchemaNode items;
        Constraints constraints = Constraints.NONE;
        List<String> listMapKeys = List.of();

        Builder(JsonNode source) {
            this.source = source;
        }

        SchemaNode build() {
            return new SchemaNode(this);
        }
    }
}
