package io.capj.apiserver.internal.registry;

import io.capj.apimachinery.GroupVersionResource;
import io.capj.apimachinery.patch.MergeSchema;
import io.capj.apimachinery.schema.StructuralSchema;
import io.capj.apiserver.registry.ResourceDefinition;

/**
 * A served resource version with what the handlers need at run time: its definition, compiled schema
 * (null for untyped built-ins), merge semantics for patches and apply, kind rules and storage location.
 * Every served version of one resource shares {@link #keyPrefix()} and {@link #storageApiVersion()}.
 *
 * @param crdName the owning CustomResourceDefinition's name, or null for built-ins
 */
public record ResourceType(
        ResourceDefinition definition,
        StructuralSchema schema,
        MergeSchema mergeSchema,
        KindRules rules,
        String storageApiVersion,
        String crdName) {

    public GroupVersionResource gvr() {
        return definition.gvr();
    }

    public boolean namespaced() {
        return definition.namespaced();
    }

    /** {@code /registry/<group>/<resource>/} (core: {@code /registry/<resource>/}), version independent. */
    public String keyPrefix() {
        String group = definition.group();
        return group.isEmpty()
                ? "/registry/" + definition.plural() + "/"
                : "/registry/" + group + "/" + definition.plural() + "/";
    }

    /** The prefix of one namespace's objects (or all objects of a cluster-scoped resource when ns is empty). */
    public String keyPrefix(String namespace) {
        return namespaced() && !namespace.isEmpty() ? keyPrefix() + namespace + "/" : keyPrefix();
    }

    public String key(String namespace, String name) {
        return namespaced() ? keyPrefix() + namespace + "/" + name : keyPrefix() + name;
    }

    public boolean isCustomResource() {
        return crdName != null;
    }
}
