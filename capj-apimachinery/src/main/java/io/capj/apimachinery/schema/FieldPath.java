package io.capj.apimachinery.schema;

/**
 * A field path built while walking an object or a schema, rendered only when an error needs it, the way
 * apimachinery's {@code field.Path} renders: children joined by dots, indexes and map keys in brackets
 * ({@code spec.items[2].name}, {@code metadata.labels[app]}). The empty root renders as {@code ""}.
 */
final class FieldPath {
    static final FieldPath ROOT = new FieldPath(null, null, 0);

    private static final int CHILD = 0;
    private static final int INDEX = 1;
    private static final int KEY = 2;

    private final FieldPath parent;
    private final String name;
    private final int kind;

    private FieldPath(FieldPath parent, String name, int kind) {
        this.parent = parent;
        this.name = name;
        this.kind = kind;
    }

    FieldPath child(String field) {
        return new FieldPath(this, field, CHILD);
    }

    FieldPath index(int i) {
        return new FieldPath(this, Integer.toString(i), INDEX);
    }

    FieldPath key(String key) {
        return new FieldPath(this, key, KEY);
    }

    boolean isRoot() {
        return parent == null;
    }

    /** The path for a field error; upstream renders a missing path as {@code <nil>}. */
    String field() {
        return isRoot() ? "<nil>" : toString();
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        render(b);
        return b.toString();
    }

    private void render(StringBuilder b) {
        if (parent.isRoot()) {
            b.append(kind == CHILD ? name : "[" + name + "]");
            return;
        }
        parent.render(b);
        if (kind == CHILD) {
            b.append('.').append(name);
        } else {
            b.append('[').append(name).append(']');
        }
    }
}
