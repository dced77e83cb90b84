package io.capj.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Computes the smallest JSON merge patch (RFC 7386) that turns one object tree into another: changed and
 * added fields carry their new value, removed fields carry {@code null}, unchanged fields are left out so a
 * patch never overwrites what another writer changed meanwhile. Arrays are replaced whole, as merge patch
 * has no way to address their elements.
 */
public final class MergePatchDiff {
    private MergePatchDiff() {
    }

    /** The merge patch from {@code before} to {@code after}; empty when they are equal. */
    public static ObjectNode diff(ObjectNode before, ObjectNode after) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode old = before.get(field.getKey());
            JsonNode now = field.getValue();
            if (old instanceof ObjectNode oldObject && now instanceof ObjectNode newObject) {
                ObjectNode nested = diff(oldObject, newObject);
                if (!nested.isEmpty()) {
                    patch.set(field.getKey(), nested);
                }
            } else if (old == null || !old.equals(now)) {
                patch.set(field.getKey(), now.deepCopy());
            }
        }
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!after.has(name)) {
                patch.putNull(name);
            }
        }
        return patch;
    }
}
