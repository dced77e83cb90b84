package io.capj.apimachinery.schema;

import java.util.function.UnaryOperator;

/**
 * The {@code fieldPath} of a validation rule ({@code .spec.replicas}, {@code .labels['app.kubernetes.io/name']}),
 * resolved against the rule's schema when the CRD is compiled: named properties become child segments and map keys
 * key segments, so a failure is reported at {@code spec.x.labels[app]} the way upstream reports it.
 */
final class RuleFieldPath {
    private RuleFieldPath() {
    }

    /** The path suffix to append to the rule's place, or null if {@code jsonPath} does not name a field. */
    static UnaryOperator<FieldPath> resolve(String jsonPath, SchemaNode schema) {
        UnaryOperator<FieldPath> suffix = p -> p;
        SchemaNode s = schema;
        int i = 0;
        while (i < jsonPath.length()) {
            String name;
            char c = jsonPath.charAt(i);
            if (c == '.') {
                int end = nextDelimiter(jsonPath, i + 1);
                name = jsonPath.substring(i + 1, end);
                i = end;
            } else if (c == '[' && jsonPath.startsWith("['", i)) {
                int end = closingQuote(jsonPath, i + 2);
                if (end < 0 || end + 1 >= jsonPath.length() || jsonPath.charAt(end + 1) != ']') {
                    return null;
                }
                name = jsonPath.substring(i + 2, end).replace("\\'", "'").replace("\\\\", "\\");
                i = end + 2;
            } else {
                return null;
            }
            if (name.isEmpty() || s == null) {
                return null;
            }
            UnaryOperator<FieldPath> before = suffix;
            if (!s.properties.isEmpty()) {
                SchemaNode p = s.properties.get(name);
                if (p == null) {
                    return null;
                }
                suffix = path -> before.apply(path).child(name);
                s = p;
            } else if (s.additionalProperties != null) {
                suffix = path -> before.apply(path).key(name);
                s = s.additionalProperties;
            } else {
                return null;
            }
        }
        return suffix;
    }

    private static int nextDelimiter(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '\'') {
                return i;
            }
        }
        return -1;
    }
}
