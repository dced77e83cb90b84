package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A set of field paths, stored as upstream stores it: a tree whose nodes hold the path elements that are
 * members here and the subtrees below. A path is in the set only if it was inserted; its prefixes are not
 * implied ({@code .spec.paused} does not contain {@code .spec}). Set operations are path-exact and return
 * new sets; {@link FieldsV1} is the wire form.
 */
public final class FieldSet {
    private final NavigableSet<PathElement> members = new TreeSet<>();
    private final NavigableMap<PathElement, FieldSet> children = new TreeMap<>();

    FieldSet() {
    }

    public static FieldSet empty() {
        return new FieldSet();
    }

    public static FieldSet of(FieldPath... paths) {
        FieldSet s = new FieldSet();
        for (FieldPath p : paths) {
            s.insert(p);
        }
        return s;
    }

    public static FieldSet of(List<FieldPath> paths) {
        FieldSet s = new FieldSet();
        paths.forEach(s::insert);
        return s;
    }

    /**
     * The fields of an object under a merge schema, as server-side apply owns them: leaf values, empty or null
     * fields, map-list items by key, set items by value, atomic lists and maps as one leaf. Throws
     * {@link IllegalArgumentException} when a list's items cannot be identified (a map-list item without keys).
     */
    public static FieldSet of(JsonNode object, MergeSchema schema) {
        return ObjectFieldWalker.fieldSet(object, schema, true);
    }

    /** Adds a path; only the engine builds sets, published sets are not changed again. */
    void insert(FieldPath path) {
        if (path.isRoot()) {
            throw new IllegalArgumentException("the root is not a field");
        }
        FieldSet node = this;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.children.computeIfAbsent(path.get(i), k -> new FieldSet());
        }
        node.members.add(path.get(path.size() - 1));
    }

    void insertChild(PathElement element, FieldSet child, boolean member) {
        if (member) {
            members.add(element);
        }
        if (!child.isEmpty()) {
            children.put(element, child);
        }
    }

    public boolean isEmpty() {
        return members.isEmpty() && children.isEmpty();
    }

    public boolean contains(FieldPath path) {
        FieldSet node = this;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.children.get(path.get(i));
            if (node == null) {
                return false;
            }
        }
        return !path.isRoot() && node.members.contains(path.get(path.size() - 1));
    }

    /** True if some member of this set is the given element (one level, no descent). */
    boolean hasMember(PathElement element) {
        return members.contains(element);
    }

    /** The subtree below {@code element}, or {@code null}. */
    FieldSet child(PathElement element) {
        return children.get(element);
    }

    public FieldSet union(FieldSet other) {
        FieldSet out = new FieldSet();
        out.members.addAll(members);
        out.members.addAll(other.members);
        children.forEach((pe, c) -> out.children.put(pe, c.copy()));
        other.children.forEach((pe, c) -> out.children.merge(pe, c.copy(), FieldSet::union));
        return out;
    }

    private FieldSet copy() {
        FieldSet out = new FieldSet();
        out.members.addAll(members);
        children.forEach((pe, c) -> out.children.put(pe, c.copy()));
        return out;
    }

    public FieldSet intersection(FieldSet other) {
        FieldSet out = new FieldSet();
        for (PathElement pe : members) {
            if (other.members.contains(pe)) {
                out.members.add(pe);
            }
        }
        children.forEach((pe, c) -> {
            FieldSet o = other.children.get(pe);
            if (o != null) {
                FieldSet both = c.intersection(o);
                if (!both.isEmpty()) {
                    out.children.put(pe, both);
                }
            }
        });
        return out;
    }

    public FieldSet difference(FieldSet other) {
        FieldSet out = new FieldSet();
        for (PathElement pe : members) {
            if (!other.members.contains(pe)) {
                out.members.add(pe);
            }
        }
        children.forEach((pe, c) -> {
            FieldSet o = other.children.get(pe);
            FieldSet rest = o == null ? c.copy() : c.difference(o);
            if (!rest.isEmpty()) {
                out.children.put(pe, rest);
            }
        });
        return out;
    }

    /**
     * This set plus every proper prefix of its paths that ends in an object field. Pruning uses it so that
     * a field whose whole subtree nobody claims any more goes away together with that subtree, as upstream's
     * "named fields are members" rule does.
     */
    FieldSet withFieldPrefixes() {
        FieldSet out = new FieldSet();
        out.members.addAll(members);
        children.forEach((pe, c) -> {
            if (pe.kind() == PathElement.Kind.FIELD) {
                out.members.add(pe);
            }
            out.children.put(pe, c.withFieldPrefixes());
        });
        return out;
    }

    /** Member paths in upstream's iteration order: this level's members, then each subtree. */
    public List<FieldPath> paths() {
        List<FieldPath> out = new ArrayList<>();
        collect(FieldPath.ROOT, out);
        return out;
    }

    private void collect(FieldPath prefix, List<FieldPath> out) {
        members.forEach(pe -> out.add(prefix.append(pe)));
        children.forEach((pe, c) -> c.collect(prefix.append(pe), out));
    }

    /** Visits, in order, every element that is a member here or has a subtree (or both). */
    void forEachNode(NodeVisitor visitor) {
        TreeSet<PathElement> all = new TreeSet<>(members);
        all.addAll(children.keySet());
        for (PathElement pe : all) {
            visitor.visit(pe, members.contains(pe), children.get(pe));
        }
    }

    /** Callback of {@link #forEachNode}: {@code subtree} is {@code null} when there is none. */
    interface NodeVisitor {
        void visit(PathElement element, boolean member, FieldSet subtree);
    }

    /** The FieldsV1 wire form. */
    public ObjectNode toFieldsV1() {
        return FieldsV1.encode(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet s && members.equals(s.members) && children.equals(s.children);
    }

    @Override
    public int hashCode() {
        return members.hashCode() * 31 + children.hashCode();
    }

    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        paths().forEach(p -> out.add(p.toString()));
        return String.join("\n", out);
    }
}
