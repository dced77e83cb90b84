package io.capj.core.machineset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves {@code status.conditions} between an object's JSON tree and the {@code Condition} lists that
 * {@link io.capj.runtime.Conditions} edits, and reads one condition's status for the deletion priority.
 */
final class ConditionTrees {
    private static final TypeReference<List<Condition>> LIST = new TypeReference<>() {
    };

    private ConditionTrees() {
    }

    /** A mutable copy of the object's conditions (empty when none). */
    static List<Condition> read(JsonNode object) {
        JsonNode conditions = object.at("/status/conditions");
        if (!conditions.isArray()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Json.MAPPER.convertValue(conditions, LIST));
    }

    /** Replaces the object's {@code status.conditions} with {@code conditions}. */
    static void write(ObjectNode object, List<Condition> conditions) {
        object.with("status").set("conditions", Json.MAPPER.valueToTree(conditions));
    }

    /** The status of condition {@code type} on {@code object}. */
    static ConditionStatus status(JsonNode object, String type) {
        for (JsonNode c : object.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return switch (c.path("status").asText()) {
                    case "True" -> ConditionStatus.TRUE;
                    case "False" -> ConditionStatus.FALSE;
                    default -> ConditionStatus.UNKNOWN;
                };
            }
        }
        return ConditionStatus.ABSENT;
    }

    /** The reason of condition {@code type} on {@code object}, empty when absent. */
    static String reason(JsonNode object, String type) {
        for (JsonNode c : object.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c.path("reason").asText();
            }
        }
        return "";
    }

    /** The message of condition {@code type} on {@code object}, empty when absent. */
    static String message(JsonNode object, String type) {
        for (JsonNode c : object.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c.path("message").asText();
            }
        }
        return "";
    }
}
