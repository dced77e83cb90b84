package io.capj.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.GroupVersionKind;
import io.capj.apiserver.registry.ResourceDefinition;
import io.capj.apiserver.registry.ResourceDefinition.PrinterColumn;
import java.util.List;

/** Test factories for {@link ResourceDefinition}s. */
final class Definitions {

    private Definitions() {
    }

    static ResourceDefinition builtin(String group, String kind, String plural, boolean namespaced) {
        return new ResourceDefinition(new GroupVersionKind(group, "v1", kind), plural, kind.toLowerCase(), namespaced,
                kind + "List", List.of(), List.of(), ResourceDefinition.ALL_VERBS, false, null, List.of(),
                (JsonNode) null, true, false, null, true, List.of());
    }

    static ResourceDefinition crd(String kind, List<PrinterColumn> columns) {
        return new ResourceDefinition(new GroupVersionKind("cluster.x-k8s.io", "v1beta2", kind),
                kind.toLowerCase() + "s", kind.toLowerCase(), true, kind + "List", List.of(), List.of("cluster-api"),
                ResourceDefinition.ALL_VERBS, true, null, columns, null, true, false, null, false, List.of());
    }
}
