package io.capj.apimachinery.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * A path from the root of an object to one of its fields, list items or set values, printed the way
 * upstream prints conflicting fields: {@code .spec.paused}, {@code .status.conditions[type="Ready"].status},
 * {@code .metadata.finalizers[="x/y"]}. The empty path is the object itself.
 */
public record FieldPath(List<PathElement> elements) {

    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        elements = List.copyOf(elements);
    }

    public static FieldPath of(PathElement... elements) {
        return new FieldPath(List.of(elements));
    }

    /** A path made only of object fields: {@code fields("spec", "paused")} is {@code .spec.paused}. */
    public static FieldPath fields(String... names) {
        List<PathElement> out = new ArrayList<>(names.length);
        for (String n : names) {
            out.add(PathElement.field(n));
        }
        return new FieldPath(out);
    }

    public FieldPath append(PathElement element) {
        List<PathElement> out = new ArrayList<>(elements.size() + 1);
        out.addAll(elements);
        out.add(element);
        return new FieldPath(out);
    }

    public boolean isRoot() {
        return elements.isEmpty();
    }

    public int size() {
        return elements.size();
    }

    public PathElement get(int i) {
        return elements.get(i);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        elements.forEach(b::append);
        return b.toString();
    }
}
