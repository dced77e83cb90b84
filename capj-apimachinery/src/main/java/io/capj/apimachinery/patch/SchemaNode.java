package io.capj.apimachinery.patch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One place of a schema declared in code by {@link MergeSchemas}. Places not declared are
 * {@link MergeSchema#DEDUCED} (objects merge, lists are atomic), which is what built-in types without patch
 * strategies get upstream. Mutable only while its builder runs; builders publish copies.
 */
final class SchemaNode implements MergeSchema {
    private final Map<String, SchemaNode> fields = new HashMap<>();
    private SchemaNode items;
    private ListType listType = ListType.ATOMIC;
    private List<String> keys = List.of();
    private boolean atomicMap;

    @Override
    public MergeSchema field(String name) {
        SchemaNode f = fields.get(name);
        return f == null ? DEDUCED : f;
    }

    @Override
    public MergeSchema items() {
        return items == null ? DEDUCED : items;
    }

    @Override
    public ListType listType() {
        return listType;
    }

    @Override
    public List<String> listMapKeys() {
        return keys;
    }

    @Override
    public boolean atomicMap() {
        return atomicMap;
    }

    SchemaNode fieldNode(String name) {
        return fields.computeIfAbsent(name, n -> new SchemaNode());
    }

    SchemaNode itemsNode() {
        if (items == null) {
            items = new SchemaNode();
        }
        return items;
    }

    void declareList(ListType type, List<String> mapKeys) {
        this.listType = type;
        this.keys = List.copyOf(mapKeys);
    }

    void declareAtomicMap() {
        this.atomicMap = true;
    }

    /** A deep copy; fails if something is declared below a list that is replaced whole. */
    SchemaNode copy(String path) {
        if (items != null && listType == ListType.ATOMIC) {
            throw new IllegalStateException(path + "[] is declared, but " + path + " is an atomic list");
        }
        SchemaNode out = new SchemaNode();
        fields.forEach((name, node) -> out.fields.put(name, node.copy(path.isEmpty() ? name : path + "." + name)));
        out.items = items == null ? null : items.copy(path + "[]");
        out.listType = listType;
        out.keys = keys;
        out.atomicMap = atomicMap;
        return out;
    }
}
