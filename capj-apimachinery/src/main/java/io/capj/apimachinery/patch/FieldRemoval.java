package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.Map;

/**
 * Removes the fields, map-list items and set values named by a {@link FieldSet} from an object, returning
 * a new tree. A member path goes with everything below it; a path that is only a prefix is descended into.
 * Server-side apply uses it to drop what an applier stopped applying and to ignore fields an endpoint resets.
 */
final class FieldRemoval {

    private FieldRemoval() {
    }

    static ObjectNode remove(ObjectNode object, FieldSet paths, MergeSchema schema) {
        return paths.isEmpty() ? object.deepCopy() : removeFromObject(FieldPath.ROOT, object, paths, schema);
    }

    private static JsonNode removeBelow(FieldPath path, JsonNode node, FieldSet paths, MergeSchema schema) {
        if (node.isObject() && !schema.atomicMap()) {
            return removeFromObject(path, node, paths, schema);
        }
        if (node.isArray() && ListItems.granular(schema)) {
            return removeFromList(path, node, paths, schema);
        }
        return node.deepCopy();
    }

    private static ObjectNode removeFromObject(FieldPath path, JsonNode node, FieldSet paths, MergeSchema schema) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            PathElement pe = PathElement.field(e.getKey());
            if (paths.hasMember(pe)) {
                continue;
            }
            FieldSet below = paths.child(pe);
            out.set(e.getKey(), below == null ? e.getValue().deepCopy()
                    : removeBelow(path.append(pe), e.getValue(), below, schema.field(e.getKey())));
        }
        return out;
    }

    private static ArrayNode removeFromList(FieldPath path, JsonNode node, FieldSet paths, MergeSchema schema) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            PathElement pe = ListItems.element(schema, item, path, i);
            if (paths.hasMember(pe)) {
                continue;
            }
            FieldSet below = paths.child(pe);
            out.add(below == null ? item.deepCopy() : removeBelow(path.append(pe), item, below, schema.items()));
        }
        return out;
    }
}
