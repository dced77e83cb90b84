package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A place in the new object paired with the same place in the old object, for ratcheting and for CEL's
 * {@code oldSelf}. Object fields correlate by name and map-list items by their keys; items of other lists do not
 * correlate ({@link #index} returns null), as upstream's {@code CorrelatedObject}. Whether the place is unchanged is
 * computed once, on first need, since it is only asked when an error was found there.
 */
final class Correlation {
    final JsonNode value;
    final JsonNode old;
    final SchemaNode schema;
    private Boolean unchanged;

    Correlation(JsonNode value, JsonNode old, SchemaNode schema) {
        this.value = value;
        this.old = old;
        this.schema = schema;
    }

    /** The correlation of field {@code name}, or null when either side lacks it or the schema does not know it. */
    Correlation key(String name) {
        if (schema == null || !value.isObject() || old == null || !old.isObject()) {
            return null;
        }
        JsonNode v = value.get(name);
        JsonNode o = old.get(name);
        SchemaNode s = schema.fieldSchema(name);
        return v == null || o == null || s == null ? null : new Correlation(v, o, s);
    }

    /** The correlation of item {@code i}; only map-list items have one (the old item with the same keys). */
    Correlation index(int i) {
        if (schema == null || !schema.isListMap() || !value.isArray() || old == null || !old.isArray()) {
            return null;
        }
        JsonNode item = value.get(i);
        JsonNode oldItem = item == null ? null : findByKeys(old, item, schema.listMapKeys);
        return oldItem == null ? null : new Correlation(item, oldItem, schema.items);
    }

    /** True if the value is deep-equal to the old one; map lists compare by key, not by order. */
    boolean unchanged() {
        if (unchanged == null) {
            unchanged = computeUnchanged();
        }
        return unchanged;
    }

    private boolean computeUnchanged() {
        if (old == null || JsonValues.isNull(value) || JsonValues.isNull(old)) {
            return old != null && JsonValues.isNull(value) && JsonValues.isNull(old);
        }
        if (value.isObject() && old.isObject() && schema != null) {
            return objectUnchanged();
        }
        if (value.isArray() && old.isArray() && schema != null && schema.isListMap()) {
            return listMapUnchanged();
        }
        return JsonValues.equal(value, old);
    }

    private boolean objectUnchanged() {
        if (value.size() != old.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            Correlation field = key(e.getKey());
            boolean same = field != null ? field.unchanged()
                    : old.has(e.getKey()) && JsonValues.equal(e.getValue(), old.get(e.getKey()));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private boolean listMapUnchanged() {
        if (value.size() != old.size()) {
            return false;
        }
        for (int i = 0; i < value.size(); i++) {
            Correlation item = index(i);
            if (item == null || !item.unchanged()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first item of {@code list} with the same key field values as {@code item}; items missing a key, or with a
     * non-scalar key, correlate with nothing, as upstream's map lists.
     */
    static JsonNode findByKeys(JsonNode list, JsonNode item, List<String> keys) {
        if (!hasScalarKeys(item, keys)) {
            return null;
        }
        for (JsonNode candidate : list) {
            if (hasScalarKeys(candidate, keys) && sameKeys(candidate, item, keys)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean hasScalarKeys(JsonNode item, List<String> keys) {
        if (!item.isObject()) {
            return false;
        }
        for (String k : keys) {
            JsonNode v = item.get(k);
            if (v == null || !v.isValueNode() || v.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameKeys(JsonNode a, JsonNode b, List<String> keys) {
        for (String k : keys) {
            if (!JsonValues.equal(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }
}
