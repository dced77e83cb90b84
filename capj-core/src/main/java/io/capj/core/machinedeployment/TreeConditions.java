package io.capj.core.machinedeployment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.runtime.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code status.conditions} of an object held as a JSON tree, changed through {@link Conditions} so
 * transition times and observedGeneration follow the one set of rules.
 */
final class TreeConditions {
    private static final TypeReference<List<Condition>> LIST = new TypeReference<>() {
    };

    private TreeConditions() {
    }

    static List<Condition> read(JsonNode object) {
        JsonNode conditions = object.path("status").path("conditions");
        if (!conditions.isArray()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Json.MAPPER.convertValue(conditions, LIST));
    }

    /** Sets {@code condition} on {@code object}, stamped with the object's generation. */
    static void set(ObjectNode object, Condition condition) {
        List<Condition> conditions = read(object);
        if (Conditions.set(conditions, condition, object.at("/metadata/generation").asLong())) {
            object.withObject("/status").set("conditions", Json.MAPPER.valueToTree(conditions));
        }
    }

    static void set(ObjectNode object, String type, String status, String reason, String message) {
        set(object, Conditions.of(type, status, reason, message));
    }
}
