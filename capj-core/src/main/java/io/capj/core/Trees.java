package io.capj.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Conversions between fabric8 objects (what the cache holds) and JSON trees (what controllers read through
 * views and mutate). Trees are always fresh copies, so mutating one never touches the cache.
 */
public final class Trees {
    private Trees() {
    }

    /** A mutable JSON copy of {@code object}. */
    public static ObjectNode of(HasMetadata object) {
        return Json.MAPPER.valueToTree(object);
    }

    /** The fabric8 form of {@code tree}, for client calls that take an object. */
    public static GenericKubernetesResource generic(ObjectNode tree) {
        return Json.MAPPER.convertValue(tree, GenericKubernetesResource.class);
    }
}
