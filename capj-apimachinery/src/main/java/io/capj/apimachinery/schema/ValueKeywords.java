package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The keywords that judge a single value: {@code type} (with {@code nullable}), string length, {@code pattern} and
 * {@code format}, numeric bounds and {@code multipleOf}, and {@code enum}. Each reproduces kube-openapi's decision
 * and wording, including its treatment of whole floats as integers and its int64/float64 view of numbers.
 */
final class ValueKeywords {
    private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal FLOAT32_MAX = new BigDecimal(Float.MAX_VALUE);

    private ValueKeywords() {
    }

    static void nullValue(SchemaNode s, FieldPath path, List<FieldError> errors) {
        List<String> types = types(s);
        if (!types.isEmpty() && !s.nullable) {
            errors.add(OpenApiErrors.typeInvalid(path, String.join(",", types), "null"));
        }
    }

    static void type(SchemaNode s, JsonNode v, FieldPath path, List<FieldError> errors) {
        List<String> types = types(s);
        String format = s.validatedFormat;
        if (types.isEmpty() && format.isEmpty()) {
            return;
        }
        String kind = JsonValues.kind(v);
        boolean floatAsInt = kind.equals("number") && JsonValues.isWholeNumber(v) && types.contains("integer");
        boolean intAsFloat = kind.equals("integer") && types.contains("number");
        String dataFormat = kind.equals("integer") ? "int64" : kind.equals("number") ? "float64" : "";
        boolean stringOrArray = v.isTextual() || v.isArray();
        if (!stringOrArray && !format.isEmpty()
                && !(types.contains(kind) || dataFormat.equals(format) || floatAsInt || intAsFloat)) {
            errors.add(OpenApiErrors.typeInvalid(path, format, dataFormat));
            return;
        }
        if (!types.contains("number") && !types.contains("integer") && !format.isEmpty() && stringOrArray) {
            return;
        }
        if (!(types.contains(kind) || floatAsInt || intAsFloat)) {
            errors.add(OpenApiErrors.typeInvalid(path, String.join(",", types), kind));
        }
    }

    /** maxLength, minLength, pattern: only the first failure is reported, as upstream's string validator. */
    static void string(SchemaNode s, String v, FieldPath path, List<FieldError> errors) {
        Constraints c = s.constraints;
        long length = v.codePointCount(0, v.length());
        if (c.maxLength != null && length > c.maxLength) {
            errors.add(OpenApiErrors.tooLong(path, c.maxLength));
        } else if (c.minLength != null && length < c.minLength) {
            errors.add(OpenApiErrors.invalid(path, v, "should be at least " + c.minLength + " chars long"));
        } else if (c.pattern != null && !c.pattern.matcher(v).find()) {
            errors.add(OpenApiErrors.invalid(path, v, "should match '" + c.pattern.pattern() + "'"));
        }
    }

    static void format(SchemaNode s, String v, FieldPath path, List<FieldError> errors) {
        if (!s.validatedFormat.isEmpty() && !Formats.valid(s.validatedFormat, v)) {
            errors.add(OpenApiErrors.typeInvalid(path, s.validatedFormat, v));
        }
    }

    static void number(SchemaNode s, JsonNode v, FieldPath path, List<FieldError> errors) {
        Constraints c = s.constraints;
        boolean integral = v.isIntegralNumber();
        BigDecimal value = v.decimalValue();
        rangeOfFormat(s, value, path, errors);
        if (c.multipleOf != null && c.multipleOf.signum() > 0 && !isMultiple(value, c.multipleOf)) {
            errors.add(OpenApiErrors.invalid(path, v, "should be a multiple of " + bound(c.multipleOf, integral)));
        }
        if (c.maximum != null) {
            limit(v, c.maximum, c.exclusiveMaximum, 1, path, errors);
        }
        if (c.minimum != null) {
            limit(v, c.minimum, c.exclusiveMinimum, -1, path, errors);
        }
    }

    /** One bound; {@code side} is 1 for maximum, -1 for minimum. Integer data meets the bound truncated, as in Go. */
    private static void limit(JsonNode v, BigDecimal bound, boolean exclusive, int side, FieldPath path,
            List<FieldError> errors) {
        boolean integral = v.isIntegralNumber();
        int cmp = v.decimalValue().compareTo(integral ? bound.setScale(0, RoundingMode.DOWN) : bound) * side;
        if (exclusive ? cmp >= 0 : cmp > 0) {
            String relation = side > 0 ? "less than" : "greater than";
            errors.add(OpenApiErrors.invalid(path, v, "should be " + relation + (exclusive ? " " : " or equal to ")
                    + bound(bound, integral)));
        }
    }

    static void enumeration(SchemaNode s, JsonNode v, FieldPath path, List<FieldError> errors) {
        List<JsonNode> allowed = s.constraints.enumValues;
        if (allowed.isEmpty() || allowed.stream().anyMatch(a -> JsonValues.equal(a, v))) {
            return;
        }
        errors.add(OpenApiErrors.notSupported(path, v, allowed));
    }

    /** int-or-string validates as {@code type: [integer, string]}. */
    private static List<String> types(SchemaNode s) {
        if (s.intOrString) {
            return List.of("integer", "string");
        }
        return s.type.isEmpty() ? List.of() : List.of(s.type);
    }

    /** int32 and float formats bound the value itself; upstream reports this without a field. */
    private static void rangeOfFormat(SchemaNode s, BigDecimal value, FieldPath path, List<FieldError> errors) {
        boolean outOfRange = switch (s.validatedFormat) {
            case "int32" -> s.type.equals("integer")
                    && (value.compareTo(INT32_MIN) < 0 || value.compareTo(INT32_MAX) > 0);
            case "float" -> s.type.equals("number") && value.abs().compareTo(FLOAT32_MAX) > 0;
            default -> false;
        };
        if (outOfRange) {
            errors.add(OpenApiErrors.unplaced("Checked value must be of type " + s.type + " with format "
                    + s.validatedFormat + " in " + path));
        }
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal factor) {
        return value.remainder(factor).signum() == 0;
    }

    /** Bounds print as Go prints them: truncated to int64 for integer data, as a float64 otherwise. */
    private static String bound(BigDecimal b, boolean integral) {
        return integral ? b.setScale(0, RoundingMode.DOWN).toPlainString() : JsonValues.goFloat(b);
    }
}
