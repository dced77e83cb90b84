package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an applied configuration into the live object under a merge schema, as server-side apply does
 * before it decides ownership: the configuration's values win; granular objects merge field by field;
 * map lists merge item by item by key and sets by value, keeping live-only items where they were; atomic
 * lists and maps are replaced whole. A null in the configuration removes the field (typed objects cannot
 * hold it) while still claiming it.
 */
final class ApplyMerge {

    private ApplyMerge() {
    }

    static ObjectNode merge(ObjectNode live, ObjectNode config, MergeSchema schema) {
        JsonNode out = merge(FieldPath.ROOT, live, config, schema);
        return out instanceof ObjectNode o ? o : Json.object();
    }

    /** Returns the merged value, or {@code null} when the field ends up absent. */
    private static JsonNode merge(FieldPath path, JsonNode live, JsonNode config, MergeSchema schema) {
        if (config == null) {
            return live == null ? null : live.deepCopy();
        }
        if (config.isNull()) {
            return null;
        }
        if (config.isObject() && !schema.atomicMap() && !emptyOnBothSides(live, config)) {
            return mergeObjects(path, live != null && live.isObject() ? live : null, config, schema);
        }
        if (config.isArray() && ListItems.granular(schema) && !emptyOnBothSides(live, config)) {
            return mergeLists(path, live != null && live.isArray() ? live : null, config, schema);
        }
        return config.deepCopy();
    }

    private static boolean emptyOnBothSides(JsonNode live, JsonNode config) {
        return config.isEmpty() && (live == null || live.isEmpty() && live.getNodeType() == config.getNodeType());
    }

    private static ObjectNode mergeObjects(FieldPath path, JsonNode live, JsonNode config, MergeSchema schema) {
        ObjectNode out = Json.object();
        if (live != null) {
            for (Map.Entry<String, JsonNode> e : live.properties()) {
                String name = e.getKey();
                putIfPresent(out, name, merge(path.append(PathElement.field(name)), e.getValue(), config.get(name),
                        schema.field(name)));
            }
        }
        for (Map.Entry<String, JsonNode> e : config.properties()) {
            String name = e.getKey();
            if (live == null || !live.has(name)) {
                FieldPath child = path.append(PathElement.field(name));
                putIfPresent(out, name, merge(child, null, e.getValue(), schema.field(name)));
            }
        }
        return out;
    }

    private static void putIfPresent(ObjectNode out, String name, JsonNode value) {
        if (value != null) {
            out.set(name, value);
        }
    }

    /**
     * Walks both lists together: live-only items stay where they were, items in both follow the
     * configuration's order, configuration-only items come right after the configuration item before them.
     */
    private static ArrayNode mergeLists(FieldPath path, JsonNode live, JsonNode config, MergeSchema schema) {
        List<Map.Entry<PathElement, JsonNode>> left = entries(schema, live, path);
        List<Map.Entry<PathElement, JsonNode>> right = entries(schema, config, path);
        Map<PathElement, List<JsonNode>> liveIndex = ListItems.index(schema, live, path, true);
        Map<PathElement, List<JsonNode>> configIndex = ListItems.index(schema, config, path, false);
        ArrayNode out = Json.MAPPER.createArrayNode();
        Set<PathElement> emitted = new HashSet<>();
        int li = 0;
        int ri = 0;
        while (li < left.size() || ri < right.size()) {
            if (li < left.size()) {
                PathElement pe = left.get(li).getKey();
                if (emitted.contains(pe)) {
                    li++;
                    continue;
                }
                if (!configIndex.containsKey(pe)) {
                    out.add(left.get(li).getValue().deepCopy());
                    li++;
                    continue;
                }
            }
            if (ri < right.size()) {
                PathElement pe = right.get(ri).getKey();
                addIfPresent(out, merge(path.append(pe), liveItem(liveIndex.get(pe)), right.get(ri).getValue(),
                        schema.items()));
                emitted.add(pe);
                ri++;
            } else {
                li++;
            }
        }
        return out;
    }

    /** Duplicated live items are not merged into: the configuration's item replaces them all. */
    private static JsonNode liveItem(List<JsonNode> same) {
        return same == null || same.size() > 1 ? null : same.get(0);
    }

    private static void addIfPresent(ArrayNode out, JsonNode value) {
        if (value != null) {
            out.add(value);
        }
    }

    private static List<Map.Entry<PathElement, JsonNode>> entries(MergeSchema schema, JsonNode list, FieldPath path) {
        if (list == null) {
            return List.of();
        }
        List<Map.Entry<PathElement, JsonNode>> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(Map.entry(ListItems.element(schema, list.get(i), path, i), list.get(i)));
        }
        return out;
    }
}
