package io.capj.infrastructure.dev.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Moves {@code status.conditions} between an object's JSON tree and the list {@code Conditions} edits. */
public final class ConditionTrees {
    private ConditionTrees() {
    }

    /** A mutable copy of {@code object}'s {@code status.conditions}. */
    public static List<Condition> read(JsonNode object) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : object.at("/status/conditions")) {
            conditions.add(Json.MAPPER.convertValue(c, Condition.class));
        }
        return conditions;
    }

    /** Writes {@code conditions} as {@code status.conditions} of {@code object}. */
    public static void write(ObjectNode object, List<Condition> conditions) {
        ArrayNode array = Json.MAPPER.valueToTree(conditions);
        object.withObject("status").set("conditions", array);
    }
}
