package io.capj.apimachinery.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import java.io.IOException;

/** Decoding of patch request bodies, with upstream's 400 for anything that is not JSON. */
final class PatchBodies {

    private PatchBodies() {
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw PatchErrors.decoding("empty body");
            }
            return node;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw PatchErrors.decoding(why);
        }
    }
}
