package io.capj.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-kind rules of a resource that a schema cannot express: defaults and validation written in code
 * (built-in kinds), extra field-selector labels, and the store behaviours upstream varies per kind.
 */
public interface KindRules {

    /** Fills defaults in place before validation; {@code old} is the stored object, null on a create. */
    default void applyDefaults(ObjectNode object, JsonNode old) {
    }

    /**
     * Adjusts an update before validation, e.g. fields only a subresource may change.
     *
     * @param subresource "" for the main resource, or the subresource written through
     */
    default void prepareForUpdate(ObjectNode next, ObjectNode old, String subresource) {
    }

    /** Validation of a new object (metadata and schema are validated elsewhere). */
    default List<FieldError> validateCreate(JsonNode object) {
        return List.of();
    }

    /** Validation of an update; {@code old} is the stored object. */
    default List<FieldError> validateUpdate(JsonNode object, JsonNode old) {
        return validateCreate(object);
    }

    /**
     * True if deleting {@code object} must wait even without metadata finalizers (a Namespace waits for its
     * spec finalizers while its content is removed).
     */
    default boolean holdsDeletion(JsonNode object) {
        return false;
    }

    /** Marks an object whose deletion has started, beyond the deletionTimestamp (a Namespace turns Terminating). */
    default void onDeletionStarted(ObjectNode object) {
    }

    /** Field-selector labels beyond {@code metadata.name}/{@code metadata.namespace}, with how to read them. */
    default Map<String, Function<JsonNode, String>> fieldLabels() {
        return Map.of();
    }

    /** True if PUT of a missing object creates it (upstream: Events). */
    default boolean allowCreateOnUpdate() {
        return false;
    }

    /** True if PUT without metadata.resourceVersion is accepted (most built-ins; never custom resources). */
    default boolean allowUnconditionalUpdate() {
        return true;
    }

    /** True if metadata.generation is maintained (custom resources and CRDs). */
    default boolean tracksGeneration() {
        return false;
    }

    /** Rules with no additions: the default for custom resources is {@link #CUSTOM_RESOURCE}. */
    KindRules NONE = new KindRules() {
    };

    /** Custom resources: generation tracked, resourceVersion required on update. */
    KindRules CUSTOM_RESOURCE = new KindRules() {
        @Override
        public boolean allowUnconditionalUpdate() {
            return false;
        }

        @Override
        public boolean tracksGeneration() {
            return true;
        }
    };
}
