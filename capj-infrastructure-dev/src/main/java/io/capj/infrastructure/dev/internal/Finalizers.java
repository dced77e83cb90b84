package io.capj.infrastructure.dev.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and edits {@code metadata.finalizers} of an object's JSON tree. */
public final class Finalizers {
    private Finalizers() {
    }

    /** Whether {@code object} lists {@code finalizer}. */
    public static boolean has(JsonNode object, String finalizer) {
        for (JsonNode f : object.at("/metadata/finalizers")) {
            if (finalizer.equals(f.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code finalizer} to {@code object}'s finalizers. */
    public static void add(ObjectNode object, String finalizer) {
        ((ArrayNode) object.withObject("metadata").withArray("finalizers")).add(finalizer);
    }

    /** Removes {@code finalizer} from {@code object}'s finalizers. */
    public static void remove(ObjectNode object, String finalizer) {
        JsonNode finalizers = object.at("/metadata/finalizers");
        if (finalizers instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (finalizer.equals(array.get(i).asText())) {
                    array.remove(i);
                }
            }
        }
    }
}
