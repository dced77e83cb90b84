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
 * transition times and observedGeneration follow the one set of rules. Public for the other core controllers
 * that edit conditions on trees (MachineHealthCheck marking Machines).
 */
public final class TreeConditions {
    private static final TypeReference<List<Condition>> LIST = new TypeReference<>() {
    };

    private TreeConditions() {
    }

    public static List<Condition> read(JsonNode object) {
        JsonNode conditions = object.path("status").path("conditions");
        if (!conditions.isArray()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Json.MAPPER.convertValue(conditions, LIST));
    }

    /** Sets {@code condition} on {@code object}, stamped with the object's generation. */
    public static void set(ObjectNode object, Condition condition) {
        List<Condition> conditions = read(object);
        if (Conditions.set(conditions, condition, object.at("/metadata/generation").asLong())) {
            object.withObject("/status").set("conditions", Json.MAPPER.valueToTree(conditions));
        }
    }

    /** Sets a condition of {@code type} built from the given status, reason and message. */
    public static void set(ObjectNode object, String type, String status, String reason, String message) {
        set(object, Conditions.of(type, status, reason, message));
    }
}
