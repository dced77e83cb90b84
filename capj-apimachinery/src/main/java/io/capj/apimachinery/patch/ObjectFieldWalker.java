package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Computes the fields an object sets, as structured-merge-diff's {@code ToFieldSet} does: every scalar is a
 * member; an object field is also a member when it is null or empty (so applying {@code labels: {}} owns
 * it); map-list and set items are members identified by key or value, and their fields below them; atomic
 * lists and maps are single leaves. Duplicated list items are owned as one item, never descended into.
 */
final class ObjectFieldWalker {
    private final FieldSet set = new FieldSet();
    private final boolean allowDuplicates;

    private ObjectFieldWalker(boolean allowDuplicates) {
        this.allowDuplicates = allowDuplicates;
    }

    static FieldSet fieldSet(JsonNode object, MergeSchema schema, boolean allowDuplicates) {
        ObjectFieldWalker walker = new ObjectFieldWalker(allowDuplicates);
        walker.walk(FieldPath.ROOT, object, schema);
        return walker.set;
    }

    private void walk(FieldPath path, JsonNode node, MergeSchema schema) {
        if (node.isObject()) {
            walkObject(path, node, schema);
        } else if (node.isArray()) {
            walkList(path, node, schema);
        } else if (!path.isRoot()) {
            set.insert(path);
        }
    }

    private void walkObject(FieldPath path, JsonNode node, MergeSchema schema) {
        if (schema.atomicMap() && !path.isRoot()) {
            set.insert(path);
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            FieldPath child = path.append(PathElement.field(e.getKey()));
            JsonNode value = e.getValue();
            walk(child, value, schema.field(e.getKey()));
            if (value.isNull() || value.isObject() && value.isEmpty()) {
                set.insert(child);
            }
        }
    }

    private void walkList(FieldPath path, JsonNode node, MergeSchema schema) {
        if (!ListItems.granular(schema)) {
            if (!path.isRoot()) {
                set.insert(path);
            }
            return;
        }
        Map<PathElement, List<JsonNode>> items = ListItems.index(schema, node, path, allowDuplicates);
        for (Map.Entry<PathElement, List<JsonNode>> item : items.entrySet()) {
            FieldPath itemPath = path.append(item.getKey());
            if (item.getValue().size() == 1) {
                walk(itemPath, item.getValue().get(0), schema.items());
            }
            set.insert(itemPath);
        }
    }
}
