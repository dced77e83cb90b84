package io.capj.apiserver.internal.registry;

import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.patch.MergeSchema;
import io.capj.apiserver.registry.ResourceDefinition;
import java.util.List;

/**
 * The kinds compiled into the server: Namespace, Secret, ConfigMap, Event, Lease, Node, ServiceAccount
 * and CustomResourceDefinition, with upstream's names, short names, subresources and rules.
 */
public final class BuiltinKinds {
    private BuiltinKinds() {
    }

    public static List<ResourceType> all() {
        return List.of(
                core("Namespace", "namespaces", false, List.of("ns"), true, new NamespaceRules(), BuiltinMergeSchemas.NAMESPACE),
                core("Secret", "secrets", true, List.of(), false, new SecretRules(), MergeSchema.DEDUCED),
                core("ConfigMap", "configmaps", true, List.of("cm"), false, KindRules.NONE, MergeSchema.DEDUCED),
                core("Event", "events", true, List.of("ev"), false, new EventRules(), MergeSchema.DEDUCED),
                core("Node", "nodes", false, List.of("no"), true, new NodeRules(), BuiltinMergeSchemas.NODE),
                core("ServiceAccount", "serviceaccounts", true, List.of("sa"), false, KindRules.NONE, MergeSchema.DEDUCED),
                type(new GroupVersionKind("coordination.k8s.io", "v1", "Lease"), "leases", true, List.of(), false,
                        KindRules.NONE, MergeSchema.DEDUCED),
                type(new GroupVersionKind("apiextensions.k8s.io", "v1", "CustomResourceDefinition"),
                        "customresourcedefinitions", false, List.of("crd", "crds"), true, new CrdRules(),
                        BuiltinMergeSchemas.CRD));
    }

    private static ResourceType core(String kind, String plural, boolean namespaced, List<String> shortNames,
                                     boolean status, KindRules rules, MergeSchema merge) {
        return type(new GroupVersionKind("", "v1", kind), plural, namespaced, shortNames, status, rules, merge);
    }

    private static ResourceType type(GroupVersionKind gvk, String plural, boolean namespaced, List<String> shortNames,
                                     boolean status, KindRules rules, MergeSchema merge) {
        ResourceDefinition def = new ResourceDefinition(gvk, plural, gvk.kind().toLowerCase(java.util.Locale.ROOT),
                namespaced, gvk.kind() + "List", shortNames, List.of(), ResourceDefinition.ALL_VERBS, status, null,
                List.of(), null, true, false, null, true, List.of());
        return new ResourceType(def, null, merge, rules, gvk.apiVersion(), null);
    }
}
