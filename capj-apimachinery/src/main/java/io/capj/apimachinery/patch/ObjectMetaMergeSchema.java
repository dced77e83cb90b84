package io.capj.apimachinery.patch;

import java.util.List;

/**
 * Merge rules for a whole API object: {@code metadata} as ObjectMeta declares it upstream (labels and
 * annotations merge key by key, {@code finalizers} is a set, {@code ownerReferences} a map list keyed by
 * {@code uid}, {@code managedFields} atomic, everything else scalar), the rest of the object from the kind's
 * own schema. Set semantics for finalizers is what lets JOSDK apply just its finalizer.
 */
public final class ObjectMetaMergeSchema implements MergeSchema {
    static final MergeSchema METADATA = new MergeSchemas.Builder(false)
            .set("finalizers")
            .mapList("ownerReferences", "uid")
            .atomicList("managedFields")
            .build();

    private final MergeSchema kind;

    private ObjectMetaMergeSchema(MergeSchema kind) {
        this.kind = kind;
    }

    /** The object schema whose non-metadata places come from {@code kind} (a CRD's, or a built-in's). */
    public static MergeSchema wrap(MergeSchema kind) {
        return kind instanceof ObjectMetaMergeSchema ? kind : new ObjectMetaMergeSchema(kind);
    }

    @Override
    public MergeSchema field(String name) {
        return name.equals("metadata") ? METADATA : kind.field(name);
    }

    @Override
    public MergeSchema items() {
        return kind.items();
    }

    @Override
    public ListType listType() {
        return kind.listType();
    }

    @Override
    public List<String> listMapKeys() {
        return kind.listMapKeys();
    }

    /** An object is never replaced whole at its root. */
    @Override
    public boolean atomicMap() {
        return false;
    }
}
