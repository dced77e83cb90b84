package io.capj.apimachinery.patch;

import java.util.List;

/**
 * How the values at one place in an object merge, for strategic merge patch and server-side apply:
 * lists are atomic (replaced whole), sets (of scalars) or maps (items keyed by {@link #listMapKeys()});
 * objects are granular (merged field by field) unless {@link #atomicMap()}. CRD schemas supply this from
 * {@code x-kubernetes-list-type}, {@code x-kubernetes-list-map-keys} and {@code x-kubernetes-map-type};
 * built-in kinds from their patch strategies. Children of an unknown place are {@link #DEDUCED}.
 */
public interface MergeSchema {

    enum ListType { ATOMIC, SET, MAP }

    /** The schema of property {@code name} of an object (or of its additionalProperties values). */
    MergeSchema field(String name);

    /** The schema of this list's items. */
    MergeSchema items();

    ListType listType();

    /** Keys identifying items of a {@link ListType#MAP} list; empty otherwise. */
    List<String> listMapKeys();

    /** True if this object is replaced whole rather than merged field by field. */
    boolean atomicMap();

    /** Objects granular, lists atomic, everywhere below: SSA's deduced schema for untyped data. */
    MergeSchema DEDUCED = new MergeSchema() {
        @Override
        public MergeSchema field(String name) {
            return this;
        }

        @Override
        public MergeSchema items() {
            return this;
        }

        @Override
        public ListType listType() {
            return ListType.ATOMIC;
        }

        @Override
        public List<String> listMapKeys() {
            return List.of();
        }

        @Override
        public boolean atomicMap() {
            return false;
        }
    };
}
