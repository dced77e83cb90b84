package io.capj.api.core.v1beta2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A v1beta2 {@code ContractVersionedObjectReference}: group, kind and name of an object in the same namespace.
 * The version is not part of it; it is resolved from the referenced CRD's contract labels.
 */
public record ContractRef(String apiGroup, String kind, String name) {

    /** The reference at {@code node}, or empty when the field is absent. */
    public static Optional<ContractRef> from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ContractRef(node.path("apiGroup").asText(), node.path("kind").asText(),
                node.path("name").asText()));
    }

    /** {@code Kind group/name}, for messages. */
    @Override
    public String toString() {
        return kind + "." + apiGroup + "/" + name;
    }
}
