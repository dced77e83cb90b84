package io.capj.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one writer changed in {@code status.conditions}, by condition type: the types it set (with their new
 * value) and the types it removed. Applying these changes to the live list, instead of sending the writer's
 * whole list, is what lets two controllers own different conditions of one object without clobbering each
 * other.
 */
public final class ConditionChanges {
    private final Map<String, JsonNode> set;
    private final Set<String> removed;

    private ConditionChanges(Map<String, JsonNode> set, Set<String> removed) {
        this.set = set;
        this.removed = removed;
    }

    /** The per-type difference between two {@code status.conditions} arrays (either may be null). */
    public static ConditionChanges between(JsonNode before, JsonNode after) {
        Map<String, JsonNode> old = byType(before);
        Map<String, JsonNode> now = byType(after);
        Map<String, JsonNode> set = new LinkedHashMap<>();
        now.forEach((type, condition) -> {
            if (!condition.equals(old.get(type))) {
                set.put(type, condition);
            }
        });
        Set<String> removed = new LinkedHashSet<>(old.keySet());
        removed.removeAll(now.keySet());
        return new ConditionChanges(set, removed);
    }

    public boolean isEmpty() {
        return set.isEmpty() && removed.isEmpty();
    }

    /** {@code live} with these changes applied: set types replaced in place or appended, removed types dropped. */
    public ArrayNode applyTo(JsonNode live) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        Set<String> pending = new LinkedHashSet<>(set.keySet());
        if (live != null && live.isArray()) {
            for (JsonNode condition : live) {
                String type = condition.path("type").asText();
                if (removed.contains(type)) {
                    continue;
                }
                result.add(pending.remove(type) ? set.get(type).deepCopy() : condition.deepCopy());
            }
        }
        pending.forEach(type -> result.add(set.get(type).deepCopy()));
        return result;
    }

    private static Map<String, JsonNode> byType(JsonNode conditions) {
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        if (conditions != null && conditions.isArray()) {
            conditions.forEach(c -> byType.put(c.path("type").asText(), c));
        }
        return byType;
    }
}
