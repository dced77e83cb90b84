package io.capj.apimachinery.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import java.util.List;

/**
 * In-process defaulting and validation for a custom resource kind, the way upstream's mutating and
 * validating webhooks work: defaults run after schema defaulting, validation after schema validation, and
 * errors become a 422 with field causes. Implementations are stateless and thread-safe.
 */
public interface AdmissionHook {

    /**
     * Fills defaults in place (a mutating webhook).
     *
     * @param old the stored object on an update, null on a create (upstream's {@code oldObject})
     */
    default void applyDefaults(ObjectNode object, JsonNode old) {
    }

    /** Validates a new object. */
    default List<FieldError> validateCreate(JsonNode object) {
        return List.of();
    }

    /** Validates an update against the stored object; by default as a create. */
    default List<FieldError> validateUpdate(JsonNode object, JsonNode old) {
        return validateCreate(object);
    }
}
