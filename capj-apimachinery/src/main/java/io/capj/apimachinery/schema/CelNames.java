package io.capj.apimachinery.schema;

import java.util.Map;
import java.util.Set;

/**
 * Property names as CEL sees them: names that are not CEL identifiers are escaped the Kubernetes way
 * ({@code x-y} is {@code x__dash__y}, {@code a.b} is {@code a__dot__b}, {@code namespace} is {@code __namespace__}),
 * and names that cannot be escaped (starting with a digit, other punctuation) are not accessible from rules.
 */
final class CelNames {
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
            "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return",
            "var", "void", "while");
    private static final Map<String, String> EXPANSIONS = Map.of("__underscores__", "__", "__dot__", ".",
            "__dash__", "-", "__slash__", "/");

    private CelNames() {
    }

    /** The CEL name of a property, or null if rules cannot reach it. */
    static String escape(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return null;
        }
        if (RESERVED.contains(name)) {
            return "__" + name + "__";
        }
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
                b.append("__underscores__");
                i++;
            } else if (c == '.' || c == '-' || c == '/') {
                b.append(c == '.' ? "__dot__" : c == '-' ? "__dash__" : "__slash__");
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_')) {
                b.append(c);
            } else {
                return null;
            }
        }
        return b.toString();
    }

    /** The property name behind a CEL name (the inverse of {@link #escape}). */
    static String unescape(String celName) {
        if (!celName.contains("__")) {
            return celName;
        }
        if (celName.startsWith("__") && celName.endsWith("__") && celName.length() > 4
                && RESERVED.contains(celName.substring(2, celName.length() - 2))) {
            return celName.substring(2, celName.length() - 2);
        }
        StringBuilder b = new StringBuilder(celName.length());
        int i = 0;
        while (i < celName.length()) {
            String expansion = expansionAt(celName, i);
            if (expansion != null) {
                b.append(EXPANSIONS.get(expansion));
                i += expansion.length();
            } else {
                b.append(celName.charAt(i++));
            }
        }
        return b.toString();
    }

    private static String expansionAt(String s, int i) {
        for (String e : EXPANSIONS.keySet()) {
            if (s.startsWith(e, i)) {
                return e;
            }
        }
        return null;
    }
}
