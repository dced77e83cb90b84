package io.capj.apiserver.internal.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.StatusException;
import io.capj.apimachinery.patch.JsonPatch;
import io.capj.apimachinery.patch.MergePatch;
import io.capj.apimachinery.patch.MergeSchema;
import io.capj.apimachinery.patch.StrategicMergePatch;
import io.capj.apiserver.internal.http.MediaTypes;
import io.capj.apiserver.internal.registry.ResourceType;

/** Applies a JSON, merge or strategic merge patch to an object, by the request's content type. */
final class Patches {
    private Patches() {
    }

    static ObjectNode apply(ResourceType type, String patchType, ObjectNode target, JsonNode patch) {
        if (patchType.equals(MediaTypes.STRATEGIC_MERGE_PATCH)) {
            return StrategicMergePatch.apply(target, patch, FieldManager.schemaOf(type));
        }
        return applyPlain(patchType, target, patch);
    }

    /** JSON or merge patch (also used on the Scale view, which has no strategic schema). */
    static ObjectNode applyPlain(String patchType, ObjectNode target, JsonNode patch) {
        return switch (patchType) {
            case MediaTypes.JSON_PATCH -> JsonPatch.apply(target, patch);
            case MediaTypes.MERGE_PATCH -> MergePatch.apply(target, patch);
            case MediaTypes.STRATEGIC_MERGE_PATCH -> StrategicMergePatch.apply(target, patch, MergeSchema.DEDUCED);
            default -> throw StatusException.unsupportedMediaType("unsupported patch type " + patchType);
        };
    }
}
