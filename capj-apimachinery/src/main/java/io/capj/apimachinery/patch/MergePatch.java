package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.util.Map;

/**
 * JSON merge patch ({@code application/merge-patch+json}, RFC 7386): an object merges into the target field
 * by field, {@code null} removes a field, anything else (arrays included) replaces. kubectl uses it for
 * client-side apply of custom resources, {@code label}, {@code annotate}, {@code scale} and
 * {@code patch --type merge}.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** Applies a patch to an API object; the patch must be a JSON object (400 otherwise). */
    public static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw PatchErrors.decoding("a merge patch must be a JSON object");
        }
        return (ObjectNode) merge(target, patch);
    }

    /** Parses and applies a patch body; undecodable JSON is a 400 {@code error decoding patch}. */
    public static ObjectNode apply(ObjectNode target, byte[] patch) {
        return apply(target, PatchBodies.parse(patch));
    }

    /** RFC 7386 {@code MergePatch(target, patch)} on any JSON values; {@code target} may be {@code null}. */
    public static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode out = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else {
                out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
            }
        }
        return out;
    }
}
