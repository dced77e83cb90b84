package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants of {@code x-kubernetes-list-type: set} (no duplicate items) and {@code map} (items are objects with
 * unique keys), checked over the whole object as upstream's {@code ValidateListSetsAndMaps}. Each repeated value is
 * reported once, at its second occurrence, as {@code Duplicate value}.
 */
final class ListTypeValidator {
    private final List<FieldError> errors = new ArrayList<>();

    private ListTypeValidator() {
    }

    static List<FieldError> validate(SchemaNode schema, JsonNode value) {
        ListTypeValidator v = new ListTypeValidator();
        v.value(schema, value, FieldPath.ROOT);
        return v.errors;
    }

    private void value(SchemaNode s, JsonNode v, FieldPath path) {
        if (s == null) {
            return;
        }
        if (v.isArray()) {
            array(s, v, path);
        } else if (v.isObject()) {
            for (Map.Entry<String, JsonNode> field : v.properties()) {
                SchemaNode property = s.properties.get(field.getKey());
                if (property != null) {
                    value(property, field.getValue(), path.child(field.getKey()));
                } else if (s.additionalProperties != null) {
                    value(s.additionalProperties, field.getValue(), path.key(field.getKey()));
                }
            }
        }
    }

    private void array(SchemaNode s, JsonNode v, FieldPath path) {
        if ("set".equals(s.listType)) {
            List<JsonNode> items = new ArrayList<>();
            v.forEach(items::add);
            duplicates(items).forEach(i -> errors.add(duplicate(path.index(i), v.get(i))));
        } else if ("map".equals(s.listType)) {
            mapList(s, v, path);
        }
        if (s.items != null) {
            for (int i = 0; i < v.size(); i++) {
                value(s.items, v.get(i), path.index(i));
            }
        }
    }

    private void mapList(SchemaNode s, JsonNode v, FieldPath path) {
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject() && !v.get(i).isNull()) {
                errors.add(FieldError.invalid(path.index(i).field(), v.get(i),
                        "must be an object for an array of list-type map"));
                return;
            }
        }
        List<JsonNode> keys = new ArrayList<>(v.size());
        // upstream reports the key as a Go map, which prints its fields sorted
        List<String> keyNames = s.listMapKeys.stream().sorted().toList();
        for (JsonNode item : v) {
            var key = Json.object();
            for (String k : keyNames) {
                if (item.has(k)) {
                    key.set(k, item.get(k));
                }
            }
            keys.add(key);
        }
        duplicates(keys).forEach(i -> errors.add(duplicate(path.index(i), keys.get(i))));
    }

    /** Indexes of second occurrences; values compare by their canonical JSON, as upstream compares marshalled forms. */
    private static List<Integer> duplicates(List<JsonNode> values) {
        Map<String, Integer> seen = new HashMap<>();
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int times = seen.merge(canonical(values.get(i)), 1, Integer::sum);
            if (times == 2) {
                result.add(i);
            }
        }
        return result;
    }

    private static String canonical(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (v.isObject()) {
            StringBuilder b = new StringBuilder("{");
            v.properties().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> b.append(Json.string(Json.NODES.textNode(e.getKey()))).append(':')
                            .append(canonical(e.getValue())).append(','));
            return b.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder("[");
            v.forEach(item -> b.append(canonical(item)).append(','));
            return b.append(']').toString();
        }
        return Json.string(v);
    }

    private static FieldError duplicate(FieldPath path, JsonNode value) {
        return new FieldError(FieldError.Type.DUPLICATE, path.field(), null, value);
    }
}
