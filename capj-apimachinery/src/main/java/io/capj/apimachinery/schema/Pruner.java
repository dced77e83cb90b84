package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes fields the schema does not declare, in place, and reports them as strict decoding does
 * ({@code spec.foo}, {@code spec.items[0].bar}, sorted). Below {@code x-kubernetes-preserve-unknown-fields} unknown
 * fields stay while declared ones are still pruned; {@code apiVersion}, {@code kind} and {@code metadata} of the root
 * and of embedded resources are left alone, because ObjectMeta has its own rules applied by the API server.
 */
final class Pruner {
    private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private final List<String> pruned = new ArrayList<>();

    private Pruner() {
    }

    static List<String> prune(ObjectNode root, SchemaNode schema) {
        Pruner p = new Pruner();
        if (schema.preserveUnknownFields) {
            p.keepUnknown(root, schema, true, FieldPath.ROOT);
        } else {
            p.object(root, schema, true, FieldPath.ROOT);
        }
        Collections.sort(p.pruned);
        return p.pruned;
    }

    /** Prunes a value that is not a resource root (a default, say) against its own schema. */
    static List<String> pruneValue(JsonNode value, SchemaNode schema) {
        Pruner p = new Pruner();
        p.value(value, schema, FieldPath.ROOT);
        Collections.sort(p.pruned);
        return p.pruned;
    }

    private void value(JsonNode v, SchemaNode s, FieldPath path) {
        if (s != null && s.preserveUnknownFields) {
            keepUnknown(v, s, s.embeddedResource, path);
        } else if (v.isObject()) {
            object((ObjectNode) v, s, s != null && s.embeddedResource, path);
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                value(v.get(i), s == null ? null : s.items, path.index(i));
            }
        }
    }

    private void object(ObjectNode o, SchemaNode s, boolean embedded, FieldPath path) {
        Iterator<Map.Entry<String, JsonNode>> fields = o.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (embedded && META_FIELDS.contains(name)) {
                continue;
            }
            SchemaNode child = s == null ? null : s.fieldSchema(name);
            if (child != null) {
                value(field.getValue(), child, path.child(name));
                continue;
            }
            // upstream never reports the root's type meta and metadata as unknown, even when it drops them
            if (!META_FIELDS.contains(name) || !path.isRoot()) {
                pruned.add(path.child(name).toString());
            }
            fields.remove();
        }
    }

    /** Under preserve-unknown-fields: unknown fields stay, declared ones are pruned by their own schema. */
    private void keepUnknown(JsonNode v, SchemaNode s, boolean embedded, FieldPath path) {
        if (v.isObject()) {
            for (Map.Entry<String, JsonNode> field : v.properties()) {
                SchemaNode child = s.fieldSchema(field.getKey());
                if (child != null && !(embedded && META_FIELDS.contains(field.getKey()))) {
                    value(field.getValue(), child, path.child(field.getKey()));
                }
            }
        } else if (v.isArray() && s.items != null) {
            for (int i = 0; i < v.size(); i++) {
                keepUnknown(v.get(i), s.items, s.items.embeddedResource, path.index(i));
            }
        }
    }
}
