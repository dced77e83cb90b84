package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.StatusException;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.EnumSet;
import java.util.Set;

/**
 * JSON patch ({@code application/json-patch+json}, RFC 6902) with the apiserver's answers: a body that is
 * not a list of well-formed operations is 400 {@code error decoding patch}, more than 10000 operations is
 * 413, and an operation that cannot be applied (a failed {@code test}, a missing path) is 422 with the fixed
 * message upstream gives (the library's reason is kept as the exception's cause). fabric8's {@code edit()}
 * sends these.
 */
public final class JsonPatch {
    /** Upstream's {@code maxJSONPatchOperations}. */
    public static final int MAX_OPERATIONS = 10000;

    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final Set<String> WITH_VALUE = Set.of("add", "replace", "test");
    private static final Set<String> WITH_FROM = Set.of("move", "copy");
    // Removing a path that does not exist is an error upstream (evanphx/json-patch), not a no-op.
    private static final EnumSet<CompatibilityFlags> FLAGS =
            EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

    private JsonPatch() {
    }

    public static ObjectNode apply(ObjectNode target, byte[] patch) {
        return apply(target, PatchBodies.parse(patch));
    }

    /** Applies the operations to a copy of {@code target}; the result must still be an object. */
    public static ObjectNode apply(ObjectNode target, JsonNode patch) {
        validate(patch);
        JsonNode result;
        try {
            result = io.fabric8.zjsonpatch.JsonPatch.apply(patch, target, FLAGS);
        } catch (JsonPatchException | IllegalArgumentException e) {
            throw PatchErrors.unprocessable(e);
        }
        if (!(result instanceof ObjectNode o)) {
            throw PatchErrors.unprocessable("the patched document is not an object");
        }
        return o;
    }

    private static void validate(JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw decodeError("a JSON patch must be a list of operations");
        }
        if (patch.size() > MAX_OPERATIONS) {
            throw StatusException.tooLarge("The allowed maximum operations in a JSON patch is " + MAX_OPERATIONS
                    + ", got " + patch.size());
        }
        for (int i = 0; i < patch.size(); i++) {
            validateOperation(patch.get(i), i);
        }
    }

    private static void validateOperation(JsonNode op, int i) {
        if (!op.isObject()) {
            throw decodeError("operation " + i + " is not an object");
        }
        String name = op.path("op").asText(null);
        if (name == null || !OPERATIONS.contains(name)) {
            throw decodeError("operation " + i + ": unsupported op " + op.path("op"));
        }
        if (!op.path("path").isTextual()) {
            throw decodeError("operation " + i + " (" + name + "): missing path");
        }
        if (WITH_VALUE.contains(name) && !op.has("value")) {
            throw decodeError("operation " + i + " (" + name + "): missing value");
        }
        if (WITH_FROM.contains(name) && !op.path("from").isTextual()) {
            throw decodeError("operation " + i + " (" + name + "): missing from");
        }
    }

    private static StatusException decodeError(String why) {
        return PatchErrors.decoding(why);
    }
}
