package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identifies the items of granular lists the way server-side apply does: a map-list item by the key fields
 * it has, a set item by its value. Used by every walker so that merge, comparison, pruning and ownership
 * agree on which item is which.
 */
final class ListItems {

    private ListItems() {
    }

    /** True if the list at this place merges item by item rather than being replaced whole. */
    static boolean granular(MergeSchema schema) {
        return schema.listType() != MergeSchema.ListType.ATOMIC;
    }

    /** The path element of item {@code i}; throws {@link SchemaMismatchException} if it has none. */
    static PathElement element(MergeSchema list, JsonNode item, FieldPath listPath, int i) {
        return list.listType() == MergeSchema.ListType.MAP
                ? keyElement(list.listMapKeys(), item, listPath, i)
                : valueElement(item, listPath, i);
    }

    private static PathElement keyElement(List<String> keys, JsonNode item, FieldPath listPath, int i) {
        if (item.isNull()) {
            throw mismatch(listPath, i, "associative list with keys may not have a null element");
        }
        if (!item.isObject()) {
            throw mismatch(listPath, i, "associative list with keys may not have non-map elements");
        }
        ObjectNode key = Json.object();
        for (String k : keys) {
            if (item.has(k)) {
                key.set(k, item.get(k));
            }
        }
        if (key.isEmpty()) {
            List<String> quoted = new ArrayList<>();
            keys.forEach(k -> quoted.add(GoJson.quote(k)));
            throw mismatch(listPath, i, "associative list with keys has an element that omits all key fields ["
                    + String.join(" ", quoted) + "] (and doesn't have default values for any key fields)");
        }
        return PathElement.key(key);
    }

    private static PathElement valueElement(JsonNode item, FieldPath listPath, int i) {
        if (item.isObject()) {
            throw mismatch(listPath, i, "associative list without keys has an element that's a map type");
        }
        if (item.isArray()) {
            throw mismatch(listPath, i, "not supported: associative list with lists as elements");
        }
        if (item.isNull()) {
            throw mismatch(listPath, i, "associative list without keys has an element that's an explicit null");
        }
        return PathElement.value(item);
    }

    private static SchemaMismatchException mismatch(FieldPath listPath, int i, String detail) {
        return new SchemaMismatchException(listPath, "element " + i + ": " + detail);
    }

    /**
     * The items of a granular list grouped by identity, in first-appearance order. Duplicates are kept
     * (live objects written without apply may have them) unless {@code allowDuplicates} is false.
     */
    static Map<PathElement, List<JsonNode>> index(MergeSchema list, JsonNode array, FieldPath path,
            boolean allowDuplicates) {
        Map<PathElement, List<JsonNode>> out = new LinkedHashMap<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            PathElement pe = element(list, array.get(i), path, i);
            List<JsonNode> same = out.computeIfAbsent(pe, k -> new ArrayList<>(1));
            if (!same.isEmpty() && !allowDuplicates) {
                throw new SchemaMismatchException(path, "duplicate entries for key " + pe);
            }
            same.add(array.get(i));
        }
        return out;
    }
}
