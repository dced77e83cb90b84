package io.capj.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** How errors name a provider object: {@code Kind namespace/name}. */
final class ObjectNames {
    private ObjectNames() {
    }

    static String describe(JsonNode object) {
        String kind = object.path("kind").asText("");
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        String name = metadata.path("name").asText("");
        String key = namespace.isEmpty() ? name : namespace + "/" + name;
        String head = kind.isEmpty() ? "object" : kind;
        return key.isEmpty() ? head : head + " " + key;
    }
}
