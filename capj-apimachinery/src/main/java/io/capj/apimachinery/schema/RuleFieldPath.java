package io.capj.apimachinery.schema;

import java.util.function.UnaryOperator;

/**
 * The {@code fieldPath} of a validation rule ({@code .spec.replicas}, {@code .labels['app.kubernetes.io/name']}),
 * resolved against the rule's schema when the CRD is compiled: named properties become child segments and map keys
 * key segments, so a failure is reported at {@code spec.x.labels[app]} the way upstream reports it.
 */
final class RuleFieldPath {
    private record Segment(String name, int end) {
    }

    private RuleFieldPath() {
    }

    /** The path suffix to append to the rule's place, or null if {@code jsonPath} does not name a field. */
    static UnaryOperator<FieldPath> resolve(String jsonPath, SchemaNode schema) {
        UnaryOperator<FieldPath> suffix = p -> p;
        SchemaNode s = schema;
        int i = 0;
        while (i < jsonPath.length()) {
            Segment segment = segment(jsonPath, i);
            if (segment == null || segment.name.isEmpty() || s == null) {
                return null;
            }
            String name = segment.name;
            UnaryOperator<FieldPath> before = suffix;
            if (!s.properties.isEmpty()) {
                s = s.properties.get(name);
                suffix = path -> before.apply(path).child(name);
            } else if (s.additionalProperties != null) {
                s = s.additionalProperties;
                suffix = path -> before.apply(path).key(name);
            } else {
                return null;
            }
            i = segment.end;
        }
        return s == null ? null : suffix;
    }

    /** The segment starting at {@code i}: {@code .name} or {@code ['name']}; null if malformed. */
    private static Segment segment(String path, int i) {
        if (path.charAt(i) == '.') {
            int end = i + 1;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            return new Segment(path.substring(i + 1, end), end);
        }
        if (!path.startsWith("['", i)) {
            return null;
        }
        for (int j = i + 2; j < path.length(); j++) {
            if (path.charAt(j) == '\\') {
                j++;
            } else if (path.charAt(j) == '\'') {
                boolean closed = j + 1 < path.length() && path.charAt(j + 1) == ']';
                String name = path.substring(i + 2, j).replace("\\'", "'").replace("\\\\", "\\");
                return closed ? new Segment(name, j + 2) : null;
            }
        }
        return null;
    }
}
