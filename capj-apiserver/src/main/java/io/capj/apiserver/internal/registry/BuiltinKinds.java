package io.capj.apiserver.internal.registry;

import io.capj.apimachinery.GroupVersionKind;
import io.capj.apimachinery.patch.CoreMergeSchemas;
import io.capj.apimachinery.patch.MergeSchema;
import io.capj.apimachinery.patch.MergeSchemas;
import io.capj.apiserver.registry.ResourceDefinition;
import java.util.List;

/**
 * The kinds compiled into the server: Namespace, Secret, ConfigMap, Event, Lease, Node, Pod (with the
 * {@code eviction} subresource), ServiceAccount and CustomResourceDefinition, with upstream's names, short names, subresources and rules.
 */
public final class BuiltinKinds {
    private BuiltinKinds() {
    }

    public static List<ResourceType> all() {
        return List.of(
                core("Namespace", "namespaces", false, List.of("ns"), true, new NamespaceRules()),
                core("Secret", "secrets", true, List.of(), false, new SecretRules()),
                core("ConfigMap", "configmaps", true, List.of("cm"), false, KindRules.NONE),
                core("Event", "events", true, List.of("ev"), false, new EventRules()),
                core("Node", "nodes", false, List.of("no"), true, new NodeRules()),
                core("Pod", "pods", true, List.of("po"), true, new PodRules()),
                core("ServiceAccount", "serviceaccounts", true, List.of("sa"), false, KindRules.NONE),
                type(new GroupVersionKind("coordination.k8s.io", "v1", "Lease"), "leases", true, List.of(), false,
                        KindRules.NONE),
                type(new GroupVersionKind("apiextensions.k8s.io", "v1", "CustomResourceDefinition"),
                        "customresourcedefinitions", false, List.of("crd", "crds"), true, new CrdRules()));
    }

    /** CRDs merge their status conditions by type; other kinds' strategies come from {@link CoreMergeSchemas}. */
    private static final MergeSchema CRD_MERGE = MergeSchemas.object().mapList("status.conditions", "type").build();

    private static ResourceType core(String kind, String plural, boolean namespaced, List<String> shortNames,
                                     boolean status, KindRules rules) {
        return type(new GroupVersionKind("", "v1", kind), plural, namespaced, shortNames, status, rules);
    }

    private static ResourceType type(GroupVersionKind gvk, String plural, boolean namespaced, List<String> shortNames,
                                     boolean status, KindRules rules) {
        MergeSchema merge = gvk.kind().equals("CustomResourceDefinition") ? CRD_MERGE
                : CoreMergeSchemas.of(gvk).orElse(CoreMergeSchemas.OBJECT);
        ResourceDefinition def = new ResourceDefinition(gvk, plural, gvk.kind().toLowerCase(java.util.Locale.ROOT),
                namespaced, gvk.kind() + "List", shortNames, List.of(), ResourceDefinition.ALL_VERBS, status, null,
                List.of(), null, true, false, null, true, List.of());
        return new ResourceType(def, null, merge, rules, gvk.apiVersion(), null);
    }
}
