package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.capj.apimachinery.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code JSONSchemaProps} tree into {@link SchemaNode}s, rejecting the keywords CRDs do not support
 * ({@code $ref}, {@code patternProperties}, ...) and patterns that are not valid RE2. Shape rules (structural schema)
 * are checked afterwards by {@link StructuralRules} on the compiled tree.
 */
final class SchemaReader {
    private static final List<String> UNSUPPORTED = List.of("id", "additionalItems", "patternProperties",
            "definitions", "dependencies", "$ref");

    private final List<FieldError> errors;

    private SchemaReader(List<FieldError> errors) {
        this.errors = errors;
    }

    /** Reads the whole schema; problems are appended to {@code errors} and the node is still returned. */
    static SchemaNode read(JsonNode schema, List<FieldError> errors) {
        return new SchemaReader(errors).node(schema, FieldPath.ROOT);
    }

    private SchemaNode node(JsonNode json, FieldPath path) {
        if (json == null || !json.isObject()) {
            errors.add(FieldError.invalid(path.field(), json, "must be a JSON schema object"));
            return SchemaNode.EMPTY;
        }
        rejectUnsupported(json, path);
        SchemaNode.Builder b = new SchemaNode.Builder(json);
        b.properties = properties(json.get("properties"), path.child("properties"));
        b.additionalProperties = additionalProperties(json.get("additionalProperties"), path);
        b.items = items(json.get("items"), path);
        b.constraints = constraints(json, path);
        b.listMapKeys = strings(json.get("x-kubernetes-list-map-keys"));
        return b.build();
    }

    private void rejectUnsupported(JsonNode json, FieldPath path) {
        for (String keyword : UNSUPPORTED) {
            if (json.has(keyword)) {
                errors.add(FieldError.forbidden(path.child(keyword).toString(), keyword + " is not supported"));
            }
        }
    }

    private Map<String, SchemaNode> properties(JsonNode json, FieldPath path) {
        if (json == null || !json.isObject()) {
            return Map.of();
        }
        Map<String, SchemaNode> result = new LinkedHashMap<>();
        json.properties().forEach(e -> result.put(e.getKey(), node(e.getValue(), path.key(e.getKey()))));
        return result;
    }

    /** {@code true} allows any value (modelled as the empty schema); {@code false} is the same as absent. */
    private SchemaNode additionalProperties(JsonNode json, FieldPath path) {
        if (json == null || json.isNull() || json.isBoolean()) {
            return json != null && json.asBoolean() ? SchemaNode.EMPTY : null;
        }
        return node(json, path.child("additionalProperties"));
    }

    private SchemaNode items(JsonNode json, FieldPath path) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (json.isArray()) {
            errors.add(FieldError.forbidden(path.child("items").toString(),
                    "items must be a schema object and not an array"));
            return null;
        }
        return node(json, path.child("items"));
    }

    private Constraints constraints(JsonNode json, FieldPath path) {
        Constraints.Builder c = new Constraints.Builder();
        c.maximum = decimal(json, "maximum");
        c.exclusiveMaximum = json.path("exclusiveMaximum").asBoolean(false);
        c.minimum = decimal(json, "minimum");
        c.exclusiveMinimum = json.path("exclusiveMinimum").asBoolean(false);
        c.multipleOf = decimal(json, "multipleOf");
        c.maxLength = integer(json, "maxLength");
        c.minLength = integer(json, "minLength");
        c.pattern = pattern(json.get("pattern"), path);
        c.maxItems = integer(json, "maxItems");
        c.minItems = integer(json, "minItems");
        c.uniqueItems = json.path("uniqueItems").asBoolean(false);
        c.maxProperties = integer(json, "maxProperties");
        c.minProperties = integer(json, "minProperties");
        c.enumValues = json.has("enum") ? elements(json.get("enum")) : List.of();
        c.required = strings(json.get("required"));
        c.allOf = schemas(json.get("allOf"), path.child("allOf"));
        c.anyOf = schemas(json.get("anyOf"), path.child("anyOf"));
        c.oneOf = schemas(json.get("oneOf"), path.child("oneOf"));
        c.not = json.hasNonNull("not") ? node(json.get("not"), path.child("not")) : null;
        return c.build();
    }

    private Pattern pattern(JsonNode json, FieldPath path) {
        if (json == null || json.isNull() || json.asText().isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(json.asText());
        } catch (PatternSyntaxException e) {
            errors.add(FieldError.invalid(path.child("pattern").toString(), json.asText(),
                    "must be a valid regular expression, but isn't: " + e.getMessage()));
            return null;
        }
    }

    private List<SchemaNode> schemas(JsonNode json, FieldPath path) {
        if (json == null || !json.isArray()) {
            return List.of();
        }
        List<SchemaNode> result = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            result.add(node(json.get(i), path.index(i)));
        }
        return result;
    }

    private static BigDecimal decimal(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.isNumber() ? v.decimalValue() : null;
    }

    private static Long integer(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.isNumber() ? v.asLong() : null;
    }

    private static List<JsonNode> elements(JsonNode json) {
        List<JsonNode> result = new ArrayList<>();
        json.elements().forEachRemaining(result::add);
        return result;
    }

    private static List<String> strings(JsonNode json) {
        if (json == null || !json.isArray()) {
            return List.of();
        }
        List<String> result = new ArrayList<>(json.size());
        json.elements().forEachRemaining(e -> result.add(e.asText()));
        return result;
    }
}
