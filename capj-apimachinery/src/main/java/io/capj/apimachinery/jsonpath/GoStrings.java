package io.capj.apimachinery.jsonpath;

/**
 * Go's {@code strconv.Unquote} extended to single-quoted strings (client-go's {@code UnquoteExtend}): backslash
 * escapes {@code \a \b \f \n \r \t \v \\ \' \" \xHH \\uHHHH \UHHHHHHHH} and three-digit octal; an unescaped quote
 * character inside, or an escaped quote of the other kind, is a syntax error.
 */
final class GoStrings {

    private GoStrings() {
    }

    static String unquote(String quoted) {
        int n = quoted.length();
        if (n < 2 || quoted.charAt(0) != quoted.charAt(n - 1)) {
            throw syntax(quoted);
        }
        char quote = quoted.charAt(0);
        String body = quoted.substring(1, n - 1);
        if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c == quote) {
                throw syntax(quoted);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= body.length()) {
                throw syntax(quoted);
            }
            i = escape(quoted, body, i, quote, out);
        }
        return out.toString();
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
    private static int escape(String quoted, String body, int i, char quote, StringBuilder out) {
        char e = body.charAt(i++);
        switch (e) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case '\\' -> out.append('\\');
            case '\'', '"' -> {
                if (e != quote) {
                    throw syntax(quoted);
                }
                out.append(e);
            }
            case 'x' -> {
                return hex(quoted, body, i, 2, out);
            }
            case 'u' -> {
                return hex(quoted, body, i, 4, out);
            }
            case 'U' -> {
                return hex(quoted, body, i, 8, out);
            }
            default -> {
                if (e < '0' || e > '7' || i + 2 > body.length()) {
                    throw syntax(quoted);
                }
                try {
                    out.append((char) Integer.parseInt(body.substring(i - 1, i + 2), 8));
                } catch (NumberFormatException bad) {
                    throw syntax(quoted);
                }
                return i + 2;
            }
        }
        return i;
    }

    private static int hex(String quoted, String body, int i, int digits, StringBuilder out) {
        if (i + digits > body.length()) {
            throw syntax(quoted);
        }
        try {
            out.appendCodePoint(Integer.parseUnsignedInt(body.substring(i, i + digits), 16));
        } catch (IllegalArgumentException bad) {
            throw syntax(quoted);
        }
        return i + digits;
    }

    private static JsonPathException syntax(String quoted) {
        return new JsonPathException("unquote string " + quoted + " error invalid syntax");
    }
}
