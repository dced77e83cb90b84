package io.capj.apimachinery.patch;

import io.capj.apimachinery.patch.MergeSchema.ListType;
import java.util.List;

/**
 * Declares merge schemas in code, for built-in kinds whose patch strategies upstream keeps in Go struct tags:
 * <pre>{@code
 * MergeSchema node = MergeSchemas.object()
 *         .mapList("status.conditions", "type")
 *         .mapList("status.addresses", "type")
 *         .set("spec.podCIDRs")
 *         .build();
 * }</pre>
 * Paths are dot-separated field names; {@code name[]} steps into the items of a list
 * ({@code "spec.containers[].ports"}). Undeclared places merge objects field by field and replace lists.
 */
public final class MergeSchemas {

    private MergeSchemas() {
    }

    /** A top-level API object: {@code metadata} follows {@link ObjectMetaMergeSchema}. */
    public static Builder object() {
        return new Builder(true);
    }

    /** A schema for any JSON value, without the ObjectMeta rules. */
    public static Builder builder() {
        return new Builder(false);
    }

    /** Accumulates declarations; {@link #build()} publishes an immutable snapshot. */
    public static final class Builder {
        private final SchemaNode root = new SchemaNode();
        private final boolean apiObject;

        Builder(boolean apiObject) {
            this.apiObject = apiObject;
        }

        /** A list merged item by item, items identified by {@code keys} (the first is SMP's patchMergeKey). */
        public Builder mapList(String path, String... keys) {
            if (keys.length == 0) {
                throw new IllegalArgumentException(path + ": a map list needs at least one key");
            }
            node(path).declareList(ListType.MAP, List.of(keys));
            return this;
        }

        /** A list of scalars merged as a set. */
        public Builder set(String path) {
            node(path).declareList(ListType.SET, List.of());
            return this;
        }

        /** A list replaced whole (the default, declared for readability). */
        public Builder atomicList(String path) {
            node(path).declareList(ListType.ATOMIC, List.of());
            return this;
        }

        /** An object replaced whole rather than merged field by field. */
        public Builder atomicMap(String path) {
            node(path).declareAtomicMap();
            return this;
        }

        public MergeSchema build() {
            SchemaNode snapshot = root.copy("");
            return apiObject ? ObjectMetaMergeSchema.wrap(snapshot) : snapshot;
        }

        private SchemaNode node(String path) {
            SchemaNode node = root;
            for (String segment : path.split("\\.")) {
                boolean intoItems = segment.endsWith("[]");
                String name = intoItems ? segment.substring(0, segment.length() - 2) : segment;
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("invalid schema path " + path);
                }
                node = node.fieldNode(name);
                if (intoItems) {
                    node = node.itemsNode();
                }
            }
            return node;
        }
    }
}
