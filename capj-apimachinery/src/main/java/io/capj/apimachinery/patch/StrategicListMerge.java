package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * List handling of {@link StrategicMergePatch}: atomic lists are replaced, lists of scalars with a merge
 * strategy are unioned, map lists merge item by item on the patchMergeKey with {@code $patch} items deleting
 * or replacing. The result is ordered as upstream orders it: patch items in patch (or
 * {@code $setElementOrder}) order, server-only items in their old order, interleaved by their old positions.
 */
final class StrategicListMerge {

    private StrategicListMerge() {
    }

    static ArrayNode merge(ArrayNode current, ArrayNode patch, MergeSchema schema, String field) {
        if (schema.listType() == MergeSchema.ListType.ATOMIC) {
            return cleaned(patch, schema.items(), field);
        }
        if (current.isEmpty() && patch.isEmpty()) {
            return current.deepCopy();
        }
        if (elementType(current, patch) != JsonNodeType.OBJECT) {
            return mergeScalars(current, patch);
        }
        if (schema.listType() != MergeSchema.ListType.MAP) {
            throw PatchErrors.badRequest("cannot merge lists without merge key for " + field);
        }
        return mergeMaps(current, patch, schema.items(), schema.listMapKeys().get(0));
    }

    /** The items of a replacing list, with directive items dropped and directives inside items applied. */
    private static ArrayNode cleaned(ArrayNode patch, MergeSchema items, String field) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode item : patch) {
            if (item.isObject() && item.has(StrategicMergePatch.DIRECTIVE)) {
                continue;
            }
            JsonNode value = StrategicMergePatch.newValue(item.deepCopy(), items, field);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /** Lists of lists cannot merge (422); items of different types cannot either (400). */
    private static JsonNodeType elementType(ArrayNode current, ArrayNode patch) {
        JsonNodeType type = null;
        for (ArrayNode list : List.of(current, patch)) {
            for (JsonNode item : list) {
                JsonNodeType t = item.getNodeType();
                if (t == JsonNodeType.ARRAY) {
                    throw PatchErrors.unprocessable(PatchErrors.LIST_OF_LISTS);
                }
                if (type != null && type != t) {
                    throw PatchErrors.badRequest("list element types are not identical: " + Json.string(current)
                            + " " + Json.string(patch));
                }
                type = t;
            }
        }
        return type;
    }

    private static ArrayNode mergeScalars(ArrayNode current, ArrayNode patch) {
        List<JsonNode> merged = new ArrayList<>();
        for (ArrayNode list : List.of(current, patch)) {
            for (JsonNode item : list) {
                if (indexOf(merged, item, Function.identity()) < 0) {
                    merged.add(item.deepCopy());
                }
            }
        }
        return ordered(merged, items(patch), items(current), Function.identity());
    }

    private static ArrayNode mergeMaps(ArrayNode current, ArrayNode patch, MergeSchema items, String key) {
        Function<JsonNode, JsonNode> identity = b -> b.isObject() ? b.get(key) : null;
        ListPatch p = ListPatch.of(items(current.deepCopy()), patch, key);
        if (p.replace()) {
            List<JsonNode> replaced = new ArrayList<>();
            p.items().forEach(item -> replaced.add(StrategicMergePatch.newValue(item.deepCopy(), items, key)));
            return ordered(replaced, List.of(), replaced, identity);
        }
        List<JsonNode> merged = new ArrayList<>(p.base());
        for (JsonNode item : p.items()) {
            int at = indexOfId(merged, mergeKey(item, key), identity);
            if (at < 0) {
                merged.add(StrategicMergePatch.newValue(item.deepCopy(), items, key));
            } else {
                ObjectNode into = (ObjectNode) merged.get(at);
                merged.set(at, StrategicMergePatch.mergeMap(into, (ObjectNode) item.deepCopy(), items));
            }
        }
        return ordered(merged, p.items(), p.base(), identity);
    }

    /**
     * A map-list patch with its {@code $patch} items applied: {@code delete} items removed from the base,
     * a {@code replace} item noted; {@code items} are the ordinary items left to merge.
     */
    private record ListPatch(List<JsonNode> base, List<JsonNode> items, boolean replace) {
        static ListPatch of(List<JsonNode> base, ArrayNode patch, String key) {
            List<JsonNode> plain = new ArrayList<>();
            boolean replace = false;
            for (JsonNode item : patch) {
                JsonNode directive = item.get(StrategicMergePatch.DIRECTIVE);
                if (directive == null) {
                    plain.add(item);
                    continue;
                }
                switch (directive.asText()) {
                    case "delete" -> base.removeIf(b -> JsonValues.equal(b.get(key), mergeKey(item, key)));
                    case "replace" -> replace = true;
                    case "merge" -> throw PatchErrors.badRequest("merging lists cannot yet be specified in the patch");
                    default -> throw PatchErrors.unknownPatchType(directive, item);
                }
            }
            return new ListPatch(base, plain, replace);
        }
    }

    private static JsonNode mergeKey(JsonNode item, String key) {
        JsonNode value = item.get(key);
        if (value == null) {
            throw PatchErrors.noMergeKey(item, key);
        }
        return value;
    }

    /**
     * A list field with a {@code $setElementOrder} directive: merged as usual, then its patch items ordered by
     * the directive. Returns {@code null} when the field is in neither the original nor the patch.
     */
    static JsonNode mergeInOrder(JsonNode current, JsonNode patch, ArrayNode order, MergeSchema schema, String field) {
        if (current != null && !current.isArray() || patch != null && !patch.isArray()) {
            throw PatchErrors.badRequest(PatchErrors.SET_ELEMENT_ORDER_FORMAT);
        }
        if (current == null && patch == null) {
            return null;
        }
        String key = schema.listType() == MergeSchema.ListType.MAP ? schema.listMapKeys().get(0) : null;
        Function<JsonNode, JsonNode> identity = key == null ? Function.identity()
                : b -> b.isObject() ? b.get(key) : null;
        ArrayNode base = current == null ? Json.MAPPER.createArrayNode() : (ArrayNode) current;
        if (patch != null) {
            checkOrder((ArrayNode) patch, order, key);
        }
        ArrayNode merged = patch == null ? base.deepCopy() : merge(base, (ArrayNode) patch, schema, field);
        return ordered(items(merged), items(order), items(base), identity);
    }

    /** Every non-directive patch item must appear in the order list, in the same relative order. */
    private static void checkOrder(ArrayNode patch, ArrayNode order, String key) {
        int p = 0;
        int o = 0;
        while (p < patch.size() && o < order.size()) {
            JsonNode item = patch.get(p);
            if (item.isObject() && item.has(StrategicMergePatch.DIRECTIVE)) {
                p++;
                continue;
            }
            JsonNode want = key == null ? order.get(o) : mergeKey(order.get(o), key);
            if (JsonValues.equal(key == null ? item : mergeKey(item, key), want)) {
                p++;
            }
            o++;
        }
        while (p < patch.size() && patch.get(p).isObject() && patch.get(p).has(StrategicMergePatch.DIRECTIVE)) {
            p++;
        }
        if (p < patch.size()) {
            throw PatchErrors.badRequest("The order in patch list:\n" + Json.string(patch) + "\n doesn't match "
                    + StrategicMergePatch.SET_ELEMENT_ORDER + " list:\n" + Json.string(order) + "\n");
        }
    }

    /** {@code $deleteFromPrimitiveList}: the list without any of {@code values}. */
    static ArrayNode without(ArrayNode list, ArrayNode values) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        List<JsonNode> remove = items(values);
        for (JsonNode item : list) {
            if (indexOf(remove, item, Function.identity()) < 0) {
                out.add(item.deepCopy());
            }
        }
        return out;
    }

    /**
     * Orders {@code merged}: items named in {@code patchOrder} sorted by it, the others by {@code serverOrder};
     * then the two runs are interleaved, a server item going first only when both are known to the server
     * order and it came first there.
     */
    private static ArrayNode ordered(List<JsonNode> merged, List<JsonNode> patchOrder, List<JsonNode> serverOrder,
            Function<JsonNode, JsonNode> identity) {
        List<JsonNode> fromPatch = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode item : merged) {
            (indexOf(patchOrder, item, identity) >= 0 ? fromPatch : serverOnly).add(item);
        }
        fromPatch.sort(byPosition(patchOrder, identity));
        serverOnly.sort(byPosition(serverOrder, identity));
        ArrayNode out = Json.MAPPER.createArrayNode();
        int s = 0;
        int p = 0;
        while (s < serverOnly.size() || p < fromPatch.size()) {
            boolean takeServer = p >= fromPatch.size() || s < serverOnly.size()
                    && serverFirst(serverOnly.get(s), fromPatch.get(p), serverOrder, identity);
            out.add(takeServer ? serverOnly.get(s++) : fromPatch.get(p++));
        }
        return out;
    }

    private static boolean serverFirst(JsonNode server, JsonNode fromPatch, List<JsonNode> serverOrder,
            Function<JsonNode, JsonNode> identity) {
        int a = indexOf(serverOrder, server, identity);
        int b = indexOf(serverOrder, fromPatch, identity);
        return a >= 0 && b >= 0 && a < b;
    }

    /** Stable order by position in {@code order}; items not in it keep their place after those that are. */
    private static Comparator<JsonNode> byPosition(List<JsonNode> order, Function<JsonNode, JsonNode> identity) {
        return Comparator.comparingInt(item -> {
            int i = indexOf(order, item, identity);
            return i < 0 ? Integer.MAX_VALUE : i;
        });
    }

    private static int indexOf(List<JsonNode> list, JsonNode item, Function<JsonNode, JsonNode> identity) {
        return indexOfId(list, identity.apply(item), identity);
    }

    /** Position of the first item whose identity is {@code id}; {@code -1} if none (or no identity). */
    private static int indexOfId(List<JsonNode> list, JsonNode id, Function<JsonNode, JsonNode> identity) {
        for (int i = 0; i < list.size(); i++) {
            if (id != null && JsonValues.equal(identity.apply(list.get(i)), id)) {
                return i;
            }
        }
        return -1;
    }

    private static List<JsonNode> items(ArrayNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }
}
