package io.capj.apimachinery.schema;

/**
 * Walks a schema along a simple JSONPath, the kind printer columns and selectable fields use: {@code .a.b} names
 * fields, {@code ['a']} too, and any other bracket ({@code [0]}, {@code [*]}, {@code [?(@.type=="Ready")]}) steps
 * into the items of a list.
 */
final class SchemaPaths {
    private SchemaPaths() {
    }

    /** The schema at {@code jsonPath}, or null if the path leaves the declared schema. */
    static SchemaNode find(SchemaNode root, String jsonPath) {
        String path = jsonPath.trim();
        if (path.startsWith("{") && path.endsWith("}")) {
            path = path.substring(1, path.length() - 1);
        }
        SchemaNode s = root;
        int i = 0;
        while (i < path.length() && s != null) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                s = s.fieldSchema(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int end = closing(path, i);
                String inside = path.substring(i + 1, Math.max(i + 1, end)).trim();
                s = quoted(inside) ? s.fieldSchema(inside.substring(1, inside.length() - 1)) : s.items;
                i = end < 0 ? path.length() : end + 1;
            } else {
                return null;
            }
        }
        return s;
    }

    private static boolean quoted(String s) {
        return s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')
                && s.charAt(s.length() - 1) == s.charAt(0);
    }

    /** The index of the bracket closing the one at {@code open}, skipping quoted text and nested brackets. */
    private static int closing(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
