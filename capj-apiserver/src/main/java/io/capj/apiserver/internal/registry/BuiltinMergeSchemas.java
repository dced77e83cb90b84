package io.capj.apiserver.internal.registry;

import io.capj.apimachinery.patch.MergeSchema;
import io.capj.apimachinery.patch.MergeSchemas;

/** Merge semantics of built-in kinds where upstream declares patch strategies (conditions and addresses by type). */
final class BuiltinMergeSchemas {
    static final MergeSchema NAMESPACE = MergeSchemas.object()
            .mapList("status.conditions", "type")
            .build();

    static final MergeSchema NODE = MergeSchemas.object()
            .mapList("status.conditions", "type")
            .mapList("status.addresses", "type")
            .mapList("status.images", "names")
            .build();

    static final MergeSchema CRD = MergeSchemas.object()
            .mapList("status.conditions", "type")
            .build();

    private BuiltinMergeSchemas() {
    }
}
