package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of an object, by field path, as structured-merge-diff's
 * {@code Compare} reports it: {@code added} and {@code removed} hold every node of a subtree that appeared
 * or disappeared (so a new {@code labels} map is added together with its keys), {@code modified} holds
 * leaves present on both sides with different values. Ownership moves by these sets.
 */
record ObjectComparison(FieldSet added, FieldSet removed, FieldSet modified) {

    /** Compares {@code before} with {@code after}; either may be {@code null} for "no object". */
    static ObjectComparison of(JsonNode before, JsonNode after, MergeSchema schema) {
        Walker w = new Walker();
        w.compare(FieldPath.ROOT, before, after, schema);
        return new ObjectComparison(w.added, w.removed, w.modified);
    }

    boolean isSame() {
        return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
    }

    /** Fields whose value this change set: the ones other owners lose and this writer gains. */
    FieldSet changed() {
        return added.union(modified);
    }

    private static final class Walker {
        final FieldSet added = new FieldSet();
        final FieldSet removed = new FieldSet();
        final FieldSet modified = new FieldSet();

        void compare(FieldPath path, JsonNode l, JsonNode r, MergeSchema schema) {
            if (l == null && r == null) {
                return;
            }
            if (l == null || r == null) {
                subtree(l == null ? added : removed, path, l == null ? r : l, schema);
                return;
            }
            if (bothGranularObjects(l, r, schema)) {
                compareObjects(path, l, r, schema);
            } else if (bothGranularLists(l, r, schema)) {
                compareLists(path, l, r, schema);
            } else {
                compareLeaves(path, l, r, schema);
            }
        }

        private void compareObjects(FieldPath path, JsonNode l, JsonNode r, MergeSchema schema) {
            Set<String> names = new LinkedHashSet<>();
            l.properties().forEach(e -> names.add(e.getKey()));
            r.properties().forEach(e -> names.add(e.getKey()));
            for (String name : names) {
                compare(path.append(PathElement.field(name)), l.get(name), r.get(name), schema.field(name));
            }
        }

        private void compareLists(FieldPath path, JsonNode l, JsonNode r, MergeSchema schema) {
            Map<PathElement, List<JsonNode>> left = ListItems.index(schema, l, path, true);
            Map<PathElement, List<JsonNode>> right = ListItems.index(schema, r, path, true);
            Set<PathElement> all = new LinkedHashSet<>(left.keySet());
            all.addAll(right.keySet());
            for (PathElement pe : all) {
                List<JsonNode> lv = left.get(pe);
                List<JsonNode> rv = right.get(pe);
                FieldPath itemPath = path.append(pe);
                if (isDuplicated(lv) || isDuplicated(rv)) {
                    compareDuplicates(itemPath, lv, rv);
                } else {
                    compare(itemPath, first(lv), first(rv), schema.items());
                }
            }
        }

        /** Duplicated items are compared whole, like an atomic value, as upstream does. */
        private void compareDuplicates(FieldPath itemPath, List<JsonNode> lv, List<JsonNode> rv) {
            if (lv == null) {
                added.insert(itemPath);
            } else if (rv == null) {
                removed.insert(itemPath);
            } else if (!JsonValues.equal(lv, rv)) {
                modified.insert(itemPath);
            }
        }

        private void compareLeaves(FieldPath path, JsonNode l, JsonNode r, MergeSchema schema) {
            if (!JsonValues.equal(l, r) && !path.isRoot()) {
                modified.insert(path);
            }
            // A value that changed shape (object to scalar, ...) loses its old children and gains new ones.
            if (l.getNodeType() != r.getNodeType()) {
                descendants(removed, path, l, schema);
                descendants(added, path, r, schema);
            }
        }

        private void subtree(FieldSet into, FieldPath path, JsonNode node, MergeSchema schema) {
            if (!path.isRoot()) {
                into.insert(path);
            }
            descendants(into, path, node, schema);
        }

        private void descendants(FieldSet into, FieldPath path, JsonNode node, MergeSchema schema) {
            if (node.isObject() && !schema.atomicMap()) {
                node.properties().forEach(e -> subtree(into, path.append(PathElement.field(e.getKey())), e.getValue(),
                        schema.field(e.getKey())));
            } else if (node.isArray() && ListItems.granular(schema)) {
                ListItems.index(schema, node, path, true).forEach((pe, items) -> {
                    if (items.size() == 1) {
                        subtree(into, path.append(pe), items.get(0), schema.items());
                    } else {
                        into.insert(path.append(pe));
                    }
                });
            }
        }

        private static boolean bothGranularObjects(JsonNode l, JsonNode r, MergeSchema schema) {
            return l.isObject() && r.isObject() && !schema.atomicMap() && !(l.isEmpty() && r.isEmpty());
        }

        private static boolean bothGranularLists(JsonNode l, JsonNode r, MergeSchema schema) {
            return l.isArray() && r.isArray() && ListItems.granular(schema) && !(l.isEmpty() && r.isEmpty());
        }

        private static boolean isDuplicated(List<JsonNode> items) {
            return items != null && items.size() > 1;
        }

        private static JsonNode first(List<JsonNode> items) {
            return items == null ? null : items.get(0);
        }
    }
}
