package io.capj.apimachinery.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * How client-go sees a JSON value after decoding into Go's {@code interface{}}: integral numbers that fit are
 * {@code int64}, other numbers {@code float64}; and the Go-template comparisons filters use, which refuse to
 * compare an integer with a float or a string with a number.
 */
final class GoValues {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    enum Kind { BOOL, INT, FLOAT, STRING, OTHER }

    private GoValues() {
    }

    static Kind kind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
            return Kind.OTHER;
        }
        if (v.isBoolean()) {
            return Kind.BOOL;
        }
        if (v.isTextual()) {
            return Kind.STRING;
        }
        if (v.isIntegralNumber()) {
            BigInteger i = v.bigIntegerValue();
            return i.compareTo(MIN) >= 0 && i.compareTo(MAX) <= 0 ? Kind.INT : Kind.FLOAT;
        }
        return v.isNumber() ? Kind.FLOAT : Kind.OTHER;
    }

    /** Go's type name as it appears in upstream's error messages. */
    static String typeName(JsonNode v) {
        if (v.isObject()) {
            return "map[string]interface {}";
        }
        if (v.isArray()) {
            return "[]interface {}";
        }
        return switch (kind(v)) {
            case BOOL -> "bool";
            case INT -> "int64";
            case FLOAT -> "float64";
            case STRING -> "string";
            case OTHER -> "interface {}";
        };
    }

    /** Applies a filter operator ({@code == != < > <= >=}) with Go template semantics. */
    static boolean compare(JsonNode left, String operator, JsonNode right) {
        return switch (operator) {
            case "==" -> equal(left, right);
            case "!=" -> !equal(left, right);
            case "<" -> less(left, right);
            case ">" -> !less(left, right) && !equal(left, right);
            case "<=" -> less(left, right) || equal(left, right);
            case ">=" -> !less(left, right);
            default -> throw new JsonPathException("unrecognized filter operator " + operator);
        };
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        Kind k = sameKind(a, b);
        return switch (k) {
            case BOOL -> a.booleanValue() == b.booleanValue();
            case INT -> a.longValue() == b.longValue();
            case FLOAT -> a.doubleValue() == b.doubleValue();
            default -> a.textValue().equals(b.textValue());
        };
    }

    private static boolean less(JsonNode a, JsonNode b) {
        Kind k = sameKind(a, b);
        return switch (k) {
            case INT -> a.longValue() < b.longValue();
            case FLOAT -> a.doubleValue() < b.doubleValue();
            case STRING -> a.textValue().compareTo(b.textValue()) < 0;
            default -> throw new JsonPathException("invalid type for comparison");
        };
    }

    private static Kind sameKind(JsonNode a, JsonNode b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka == Kind.OTHER || kb == Kind.OTHER) {
            throw new JsonPathException("invalid type for comparison");
        }
        if (ka != kb) {
            throw new JsonPathException("incompatible types for comparison");
        }
        return ka;
    }
}
