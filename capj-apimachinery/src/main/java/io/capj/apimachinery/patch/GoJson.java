package io.capj.apimachinery.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * JSON text and value rules as Go's apiserver produces them, for the places where the exact bytes are
 * part of the wire contract: FieldsV1 keys ({@code k:{"type":"Ready"}}, {@code v:"x/y"}), manager
 * identities in conflict messages and path strings ({@code [name="a"]}). Go sorts object keys by bytes,
 * escapes {@code <>&} and writes numbers in their shortest form; Jackson does none of that by default.
 */
final class GoJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final BigDecimal FLOAT_MIN_PLAIN = new BigDecimal("1e-6");
    private static final BigDecimal FLOAT_MAX_PLAIN = new BigDecimal("1e21");

    /** Code-point order, which is UTF-8 byte order: how Go compares strings. */
    static final Comparator<String> STRING_ORDER = GoJson::compareStrings;

    private GoJson() {
    }

    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Compact JSON with sorted keys, HTML-safe escaping and Go number formatting. */
    static String encode(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(out, node);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isTextual()) {
            writeString(out, node.textValue());
        } else if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, node.get(i));
            }
            out.append(']');
        } else {
            writeObject(out, node);
        }
    }

    private static void writeObject(StringBuilder out, JsonNode node) {
        List<String> names = sortedNames(node);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(out, names.get(i));
            out.append(':');
            write(out, node.get(names.get(i)));
        }
        out.append('}');
    }

    static List<String> sortedNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(e -> names.add(e.getKey()));
        names.sort(STRING_ORDER);
        return names;
    }

    static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !pairedSurrogate(s, i);
                    if (loneSurrogate) {
                        out.append("\\ufffd");
                    } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Go's shortest float64 text, or the integer digits. */
    static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        double d = node.doubleValue();
        if (d == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        BigDecimal abs = shortest.abs();
        if (abs.compareTo(FLOAT_MIN_PLAIN) >= 0 && abs.compareTo(FLOAT_MAX_PLAIN) < 0) {
            return shortest.toPlainString();
        }
        int exponent = shortest.precision() - shortest.scale() - 1;
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = d < 0 ? "-" : "";
        String expSign = exponent < 0 ? "-" : "+";
        int e = Math.abs(exponent);
        return sign + mantissa + "e" + expSign + (e < 10 ? "0" + e : Integer.toString(e));
    }

    /**
     * The value as Go's decoder would hold it: whole numbers are integers whatever their spelling
     * ({@code 80}, {@code 80.0}), others doubles. Keeps FieldsV1 keys and list-item identities stable.
     */
    static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue();
            if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                BigInteger i = d.toBigIntegerExact();
                return i.bitLength() < 64 ? JsonNodeFactory.instance.numberNode(i.longValue())
                        : JsonNodeFactory.instance.numberNode(i);
            }
            return JsonNodeFactory.instance.numberNode(node.doubleValue());
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(canonical(e)));
            return out;
        }
        if (node.isObject()) {
            var out = JsonNodeFactory.instance.objectNode();
            sortedNames(node).forEach(n -> out.set(n, canonical(node.get(n))));
            return out;
        }
        return node;
    }

    /** Go's {@code %q}: a double-quoted string with backslash escapes for non-printable characters. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append("\\x").append(HEX[cp >> 4 & 0xf]).append(HEX[cp & 0xf]);
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** structured-merge-diff's {@code value.ToString}, used inside path strings. */
    static String display(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return quote(v.textValue());
        }
        if (v.isNumber()) {
            return number(v);
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(display(e)));
            return "[" + String.join(",", parts) + "]";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            out.append(e.getKey()).append('=').append(display(e.getValue()));
        }
        return out.toString();
    }
}
