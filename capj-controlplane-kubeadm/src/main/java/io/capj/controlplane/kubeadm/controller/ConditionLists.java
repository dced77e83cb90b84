package io.capj.controlplane.kubeadm.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.capj.runtime.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Sets one condition in an object's {@code status.conditions} tree through {@link Conditions}. */
final class ConditionLists {
    private static final TypeReference<List<Condition>> LIST = new TypeReference<>() {
    };

    private ConditionLists() {
    }

    /** Sets condition {@code type} on {@code object} (observedGeneration from its metadata); true when it changed. */
    static boolean set(ObjectNode object, String type, String status, String reason, String message) {
        JsonNode current = object.at("/status/conditions");
        List<Condition> conditions = current.isArray()
                ? new ArrayList<>(Json.MAPPER.convertValue(current, LIST)) : new ArrayList<>();
        boolean changed = Conditions.set(conditions, Conditions.of(type, status, reason, message),
                object.at("/metadata/generation").asLong());
        if (changed) {
            object.with("status").set("conditions", Json.MAPPER.valueToTree(conditions));
        }
        return changed;
    }
}
