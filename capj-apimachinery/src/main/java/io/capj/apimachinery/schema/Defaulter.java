package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Applies {@code default:} values in place, top-down, so a defaulted object gets its own nested defaults too, and in
 * array items and {@code additionalProperties} values. A null where the schema is not nullable counts as absent: it
 * takes the default if there is one and is removed otherwise, as upstream's defaulting followed by
 * {@code PruneNonNullableNullsWithoutDefaults} does.
 */
final class Defaulter {
    private Defaulter() {
    }

    static void apply(JsonNode value, SchemaNode s) {
        defaults(value, s);
        dropNonNullableNulls(value, s);
    }

    private static void defaults(JsonNode value, SchemaNode s) {
        if (s == null) {
            return;
        }
        if (value instanceof ObjectNode o) {
            s.properties.forEach((name, prop) -> {
                if (prop.defaultValue != null && (!o.has(name) || isNonNullableNull(o.get(name), prop))) {
                    o.set(name, prop.defaultValue.deepCopy());
                }
            });
            for (Map.Entry<String, JsonNode> field : o.properties()) {
                SchemaNode child = s.fieldSchema(field.getKey());
                if (child != null && child == s.additionalProperties && isDefaultableNull(field.getValue(), child)) {
                    field.setValue(child.defaultValue.deepCopy());
                }
                defaults(field.getValue(), child);
            }
        } else if (value instanceof ArrayNode a && s.items != null) {
            for (int i = 0; i < a.size(); i++) {
                if (isDefaultableNull(a.get(i), s.items)) {
                    a.set(i, s.items.defaultValue.deepCopy());
                }
                defaults(a.get(i), s.items);
            }
        }
    }

    private static void dropNonNullableNulls(JsonNode value, SchemaNode s) {
        if (value instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                SchemaNode child = s == null ? null : s.fieldSchema(field.getKey());
                if (child != null && isNonNullableNull(field.getValue(), child) && child.defaultValue == null) {
                    fields.remove();
                } else {
                    dropNonNullableNulls(field.getValue(), child);
                }
            }
        } else if (value instanceof ArrayNode a) {
            for (JsonNode item : a) {
                dropNonNullableNulls(item, s == null ? null : s.items);
            }
        }
    }

    private static boolean isNonNullableNull(JsonNode v, SchemaNode s) {
        return v != null && v.isNull() && !s.nullable;
    }

    private static boolean isDefaultableNull(JsonNode v, SchemaNode s) {
        return isNonNullableNull(v, s) && s.defaultValue != null;
    }
}
