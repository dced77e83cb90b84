package io.capj.apimachinery.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders JSONPath results as text exactly as client-go's {@code PrintResults} does (Go's {@code fmt.Fprint} of
 * the decoded value): strings raw, integers in decimal, floats in Go's shortest {@code %v} form ({@code 1.5},
 * {@code 1e+06}), objects as {@code map[k:v ...]} with sorted keys, arrays as {@code [a b]}, several results
 * separated by one space, and a JSON null as {@code <no value>}. The CRD table converter prints only the first
 * result of a column this way.
 */
public final class JsonPathPrinter {

    private JsonPathPrinter() {
    }

    /** One value as upstream prints it. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "<no value>";
        }
        return format(value);
    }

    /** Several results of one action, space-separated. */
    public static String text(List<JsonNode> results) {
        StringJoiner joined = new StringJoiner(" ");
        results.forEach(r -> joined.add(text(r)));
        return joined.toString();
    }

    private static String format(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "<nil>";
        }
        if (v.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            entries.addAll(v.properties());
            entries.sort(Map.Entry.comparingByKey());
            StringJoiner b = new StringJoiner(" ", "map[", "]");
            entries.forEach(e -> b.add(e.getKey() + ":" + format(e.getValue())));
            return b.toString();
        }
        if (v.isArray()) {
            StringJoiner b = new StringJoiner(" ", "[", "]");
            v.forEach(e -> b.add(format(e)));
            return b.toString();
        }
        return switch (GoValues.kind(v)) {
            case STRING -> v.textValue();
            case BOOL -> String.valueOf(v.booleanValue());
            case INT -> String.valueOf(v.longValue());
            case FLOAT -> formatFloat(v.doubleValue());
            case OTHER -> v.asText();
        };
    }

    /** Go's {@code %v} for a float64: shortest digits, exponent form below 1e-4 and from 1e6 on. */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int pointPosition = digits.length() - shortest.scale();
        int exponent = pointPosition - 1;
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        if (pointPosition <= 0) {
            return sign + "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return sign + digits + "0".repeat(pointPosition - digits.length());
        }
        return sign + digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
}
