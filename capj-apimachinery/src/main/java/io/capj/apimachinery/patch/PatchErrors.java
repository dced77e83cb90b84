package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;

/**
 * The errors patch engines answer with, worded as upstream words them. Upstream lets some malformed strategic
 * merge patches through as plain errors (HTTP 500); here every patch the client got wrong is its fault: 400,
 * or 422 where upstream says 422.
 */
final class PatchErrors {
    static final String RETAIN_KEYS_FORMAT = "invalid patch format of retainKeys";
    static final String PRIMITIVE_LIST_FORMAT = "invalid patch format of primitive list";
    static final String SET_ELEMENT_ORDER_FORMAT = "invalid patch format of setElementOrder list";
    static final String LIST_OF_LISTS = "lists of lists are not supported";
    static final String UNPROCESSABLE = "the server rejected our request due to an error in our request";

    private PatchErrors() {
    }

    static StatusException decoding(String why) {
        return StatusException.badRequest("error decoding patch: " + why);
    }

    static StatusException badRequest(String message) {
        return StatusException.badRequest(message);
    }

    /** 422 Invalid with upstream's fixed text; the specific reason travels as the exception's cause. */
    static StatusException unprocessable(Throwable cause) {
        StatusException e = new StatusException(422, "Invalid", UNPROCESSABLE, null);
        e.initCause(cause);
        return e;
    }

    static StatusException unprocessable(String reason) {
        return unprocessable(new IllegalArgumentException(reason));
    }

    static StatusException noMergeKey(JsonNode item, String key) {
        return badRequest("map: " + Json.string(item) + " does not contain declared merge key: " + key);
    }

    static StatusException unknownPatchType(JsonNode directive, JsonNode map) {
        return badRequest("unknown patch type: " + directive.asText() + " in map: " + Json.string(map));
    }
}
