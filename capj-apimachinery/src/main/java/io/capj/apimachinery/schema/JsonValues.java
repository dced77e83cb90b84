package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * JSON value helpers with Go's view of decoded JSON: integral numbers are {@code int64}, others {@code float64}, and
 * two numbers are equal when their values are, whatever Jackson node class carries them ({@code IntNode(1)} equals
 * {@code LongNode(1)}), which plain {@link JsonNode#equals} does not guarantee.
 */
final class JsonValues {
    private static final BigDecimal GO_EXPONENT_ABOVE = new BigDecimal("1e21");
    private static final BigDecimal GO_EXPONENT_BELOW = new BigDecimal("1e-4");

    private JsonValues() {
    }

    /** The JSON schema type name of a decoded value: what upstream reports in "must be of type" errors. */
    static String kind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? "integer" : "number";
        }
        return v.isArray() ? "array" : "object";
    }

    static boolean isNull(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    /** A floating value with no fractional part, which Go's validators accept where an integer is expected. */
    static boolean isWholeNumber(JsonNode v) {
        return v.isNumber() && (v.isIntegralNumber() || v.decimalValue().stripTrailingZeros().scale() <= 0);
    }

    /** Deep equality with numbers compared by value. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (isNull(a) || isNull(b)) {
            return isNull(a) && isNull(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            return objectsEqual(a, b);
        }
        return a.equals(b);
    }

    private static boolean objectsEqual(JsonNode a, JsonNode b) {
        for (Map.Entry<String, JsonNode> e : a.properties()) {
            JsonNode other = b.get(e.getKey());
            if (other == null || !equal(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /** Renders a number as Go's {@code %v} renders a float64: plain digits unless very large or very small. */
    static String goFloat(BigDecimal v) {
        BigDecimal abs = v.abs();
        if (abs.signum() != 0 && (abs.compareTo(GO_EXPONENT_ABOVE) >= 0 || abs.compareTo(GO_EXPONENT_BELOW) < 0)) {
            return String.format(java.util.Locale.ROOT, "%.16e", v.doubleValue()).replaceAll("\\.?0+e", "e");
        }
        return v.stripTrailingZeros().toPlainString();
    }
}
