package io.capj.apimachinery;

/**
 * One invalid field, as in apimachinery's {@code field.Error}: a cause type such as {@code FieldValueRequired},
 * the field path ({@code spec.replicas}, {@code metadata.labels[app]}, {@code spec.items[0].name}) and a message
 * rendered the way upstream renders it ({@code Required value}, {@code Invalid value: "x": must be ...}).
 */
public record FieldError(Type type, String field, String detail, Object badValue) {

    /** Upstream's cause types and their message prefixes. */
    public enum Type {
        REQUIRED("FieldValueRequired", "Required value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TOO_MANY("FieldValueTooMany", "Too many"),
        NOT_FOUND("FieldValueNotFound", "Not found"),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value"),
        INTERNAL("InternalError", "Internal error");

        public final String reason;
        public final String label;

        Type(String reason, String label) {
            this.reason = reason;
            this.label = label;
        }
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, detail, null);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, detail, value);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, detail, null);
    }

    public static FieldError notSupported(String field, Object value, java.util.List<String> allowed) {
        String detail = allowed.isEmpty() ? "" : "supported values: " + String.join(", ",
                allowed.stream().map(a -> "\"" + a + "\"").toList());
        return new FieldError(Type.NOT_SUPPORTED, field, detail, value);
    }

    public static FieldError typeInvalid(String field, Object value, String detail) {
        return new FieldError(Type.TYPE_INVALID, field, detail, value);
    }

    /** The message without the field: {@code Invalid value: "x": detail}. */
    public String message() {
        StringBuilder b = new StringBuilder(type.label);
        boolean showValue = switch (type) {
            case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL -> false;
            default -> true;
        };
        if (showValue) {
            b.append(": ").append(renderValue(badValue));
        }
        if (detail != null && !detail.isEmpty()) {
            b.append(": ").append(detail);
        }
        return b.toString();
    }

    /** {@code field: message}, the form used in Status messages. */
    @Override
    public String toString() {
        return field + ": " + message();
    }

    /** A value printed verbatim, for upstream messages that show Go-formatted values such as {@code 0x0}. */
    public record Verbatim(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static String renderValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof com.fasterxml.jackson.databind.JsonNode n) {
            return n.isTextual() ? renderValue(n.textValue()) : Json.string(n);
        }
        return String.valueOf(value);
    }
}
