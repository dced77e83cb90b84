package io.capj.bootstrap.kubeadm.cloudinit;

import java.util.function.Function;

/** Decodes one backslash escape of a Go interpreted string literal ({@code \n}, {@code \x41}, {@code \u00e9}...). */
final class GoStringEscape {
    private GoStringEscape() {
    }

    /**
     * Appends the character(s) of the escape starting at {@code position} (just after the backslash) and returns
     * the position after it.
     */
    static int decode(String source, int position, StringBuilder out, Function<String, RuntimeException> error) {
        if (position >= source.length()) {
            throw error.apply("unterminated quoted string");
        }
        char c = source.charAt(position);
        switch (c) {
            case 'a': out.append('\u0007'); return position + 1;
            case 'b': out.append('\b'); return position + 1;
            case 'f': out.append('\f'); return position + 1;
            case 'n': out.append('\n'); return position + 1;
            case 'r': out.append('\r'); return position + 1;
            case 't': out.append('\t'); return position + 1;
            case 'v': out.append('\u000b'); return position + 1;
            case '\\': out.append('\\'); return position + 1;
            case '"': out.append('"'); return position + 1;
            case 'x': return hex(source, position + 1, 2, out, error);
            case 'u': return hex(source, position + 1, 4, out, error);
            case 'U': return hex(source, position + 1, 8, out, error);
            default:
                if (c >= '0' && c <= '7') {
                    return octal(source, position, out, error);
                }
                throw error.apply("invalid escape \\" + c + " in quoted string");
        }
    }

    private static int hex(String source, int start, int digits, StringBuilder out,
                           Function<String, RuntimeException> error) {
        int end = start + digits;
        if (end > source.length()) {
            throw error.apply("unterminated quoted string");
        }
        try {
            int codePoint = Integer.parseUnsignedInt(source.substring(start, end), 16);
            if (digits == 2) {
                out.append((char) codePoint);
            } else {
                out.appendCodePoint(codePoint);
            }
        } catch (IllegalArgumentException badDigits) {
            throw error.apply("invalid escape in quoted string: " + source.substring(start - 1, end));
        }
        return end;
    }

    private static int octal(String source, int start, StringBuilder out, Function<String, RuntimeException> error) {
        int end = start + 3;
        String digits = end <= source.length() ? source.substring(start, end) : "";
        if (!digits.matches("[0-7]{3}")) {
            throw error.apply("invalid octal escape in quoted string");
        }
        out.append((char) Integer.parseInt(digits, 8));
        return end;
    }
}
