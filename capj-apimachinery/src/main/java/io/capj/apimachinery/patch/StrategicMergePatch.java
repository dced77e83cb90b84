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
 * Strategic merge patch ({@code application/strategic-merge-patch+json}) for built-in kinds, driven by a
 * {@link MergeSchema} in place of Go struct tags: objects merge, {@code null} deletes, map lists merge by
 * their first key (the patchMergeKey), sets merge by value, atomic lists and maps are replaced. Directives:
 * {@code $patch: replace|delete|merge} on objects and list items, {@code $retainKeys},
 * {@code $deleteFromPrimitiveList/<field>} and {@code $setElementOrder/<field>}. kubectl's client-side
 * {@code apply}, {@code cordon} and default {@code patch} send these for Nodes, Namespaces, ConfigMaps and
 * the like.
 */
public final class StrategicMergePatch {
    static final String DIRECTIVE = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";

    private StrategicMergePatch() {
    }

    public static ObjectNode apply(ObjectNode original, byte[] patch, MergeSchema schema) {
        return apply(original, PatchBodies.parse(patch), schema);
    }

    /** Applies {@code patch} to a copy of {@code original}; neither input is changed. */
    public static ObjectNode apply(ObjectNode original, JsonNode patch, MergeSchema schema) {
        if (patch == null || !patch.isObject()) {
            throw PatchErrors.decoding("a strategic merge patch must be a JSON object");
        }
        return mergeMap(original.deepCopy(), ((ObjectNode) patch).deepCopy(), schema);
    }

    /** Merges {@code patch} into {@code original}; both are private copies and are consumed. */
    static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, MergeSchema schema) {
        JsonNode directive = patch.remove(DIRECTIVE);
        if (directive != null) {
            switch (directive.asText()) {
                case "replace" -> {
                    return mergeMap(Json.object(), patch, schema);
                }
                case "delete" -> {
                    return Json.object();
                }
                // Upstream rejects an explicit "merge" on objects; it is what happens anyway, so accept it.
                case "merge" -> { }
                default -> throw PatchErrors.unknownPatchType(directive, patch);
            }
        }
        retainKeys(original, patch);
        setElementOrders(original, patch, schema);
        for (String name : names(patch)) {
            JsonNode value = patch.get(name);
            if (name.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                deleteFromPrimitiveList(original, name, value);
            } else if (value.isNull()) {
                original.remove(name);
            } else {
                JsonNode merged = mergeValue(original.get(name), value, schema.field(name), name);
                if (merged == null) {
                    original.remove(name);
                } else {
                    original.set(name, merged);
                }
            }
        }
        return original;
    }

    /** The merged value of one field, or {@code null} if it ends up absent. */
    static JsonNode mergeValue(JsonNode current, JsonNode patch, MergeSchema schema, String field) {
        if (patch.isObject()) {
            if (current != null && current.isObject() && !schema.atomicMap()) {
                return mergeMap((ObjectNode) current, (ObjectNode) patch, schema);
            }
            return newValue(patch, schema, field);
        }
        if (patch.isArray()) {
            ArrayNode base = current != null && current.isArray() ? (ArrayNode) current : Json.MAPPER.createArrayNode();
            return StrategicListMerge.merge(base, (ArrayNode) patch, schema, field);
        }
        return patch;
    }

    /**
     * A value replacing whatever was there (or nothing): directives inside it still apply, against an empty
     * original, so none of them is ever stored; a {@code $patch: delete} object leaves the field absent.
     */
    static JsonNode newValue(JsonNode patch, MergeSchema schema, String field) {
        if (patch.isObject()) {
            if ("delete".equals(patch.path(DIRECTIVE).asText(null))) {
                return null;
            }
            return mergeMap(Json.object(), (ObjectNode) patch, schema);
        }
        if (patch.isArray()) {
            return StrategicListMerge.merge(Json.MAPPER.createArrayNode(), (ArrayNode) patch, schema, field);
        }
        return patch;
    }

    /** {@code $retainKeys}: drop original fields not listed; every field the patch sets must be listed. */
    private static void retainKeys(ObjectNode original, ObjectNode patch) {
        JsonNode listed = patch.remove(RETAIN_KEYS);
        if (listed == null) {
            return;
        }
        if (!listed.isArray()) {
            throw PatchErrors.badRequest(PatchErrors.RETAIN_KEYS_FORMAT);
        }
        Set<String> retained = new HashSet<>();
        listed.forEach(k -> {
            if (k.isTextual()) {
                retained.add(k.textValue());
            }
        });
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String name = e.getKey();
            boolean exempt = e.getValue().isNull() || name.startsWith(DELETE_FROM_PRIMITIVE_LIST)
                    || name.startsWith(SET_ELEMENT_ORDER);
            if (!exempt && !retained.contains(name)) {
                throw PatchErrors.badRequest(PatchErrors.RETAIN_KEYS_FORMAT);
            }
        }
        original.retain(retained);
    }

    /** {@code $setElementOrder/<field>}: merge that list now and order it as the directive says. */
    private static void setElementOrders(ObjectNode original, ObjectNode patch, MergeSchema schema) {
        for (String name : names(patch)) {
            if (!name.startsWith(SET_ELEMENT_ORDER)) {
                continue;
            }
            JsonNode order = patch.remove(name);
            String field = directiveField(name, SET_ELEMENT_ORDER, PatchErrors.SET_ELEMENT_ORDER_FORMAT);
            if (!order.isArray()) {
                throw PatchErrors.badRequest(PatchErrors.SET_ELEMENT_ORDER_FORMAT);
            }
            JsonNode ordered = StrategicListMerge.mergeInOrder(original.get(field), patch.remove(field),
                    (ArrayNode) order, schema.field(field), field);
            if (ordered != null) {
                original.set(field, ordered);
            }
        }
    }

    /** {@code $deleteFromPrimitiveList/<field>}: remove the listed values from a list of scalars. */
    private static void deleteFromPrimitiveList(ObjectNode original, String name, JsonNode values) {
        String field = directiveField(name, DELETE_FROM_PRIMITIVE_LIST, PatchErrors.PRIMITIVE_LIST_FORMAT);
        if (!values.isArray()) {
            throw PatchErrors.badRequest(PatchErrors.PRIMITIVE_LIST_FORMAT);
        }
        JsonNode current = original.get(field);
        if (current != null && current.isArray()) {
            original.set(field, StrategicListMerge.without((ArrayNode) current, (ArrayNode) values));
        }
    }

    private static String directiveField(String name, String prefix, String formatError) {
        int slash = name.indexOf('/');
        if (slash < 0 || !name.substring(0, slash).equals(prefix)) {
            throw PatchErrors.badRequest(formatError);
        }
        return name.substring(slash + 1);
    }

    private static List<String> names(ObjectNode node) {
        List<String> out = new ArrayList<>(node.size());
        node.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }
}
