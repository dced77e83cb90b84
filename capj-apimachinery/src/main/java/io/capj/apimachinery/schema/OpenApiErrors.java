package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.util.List;

/**
 * The field errors of OpenAPI validation, worded as kube-openapi words them ({@code spec.x in body should match
 * '^a$'}) and typed as apiextensions-apiserver converts them: {@code Required}, {@code NotSupported} for enums,
 * {@code TooLong}, {@code TooMany}, {@code TypeInvalid} for types and formats, {@code Invalid} for the rest.
 * Composite failures ({@code anyOf} ...) carry no field upstream and so render as {@code <nil>}.
 */
final class OpenApiErrors {
    private static final String IN = " in body ";

    private OpenApiErrors() {
    }

    static FieldError typeInvalid(FieldPath path, String typeName, String value) {
        return FieldError.typeInvalid(path.field(), value,
                path + IN + "must be of type " + typeName + ": " + quote(value));
    }

    static FieldError required(FieldPath path) {
        return FieldError.required(path.field(), "");
    }

    static FieldError notSupported(FieldPath path, JsonNode value, List<JsonNode> allowed) {
        List<String> values = allowed.stream().map(a -> a.isTextual() ? a.textValue() : Json.string(a)).toList();
        return FieldError.notSupported(path.field(), value, values);
    }

    static FieldError tooLong(FieldPath path, long max) {
        return new FieldError(FieldError.Type.TOO_LONG, path.field(),
                "may not be more than " + max + (max == 1 ? " byte" : " bytes"), null);
    }

    static FieldError tooMany(FieldPath path, long actual, long max) {
        return new FieldError(FieldError.Type.TOO_MANY, path.field(),
                "must have at most " + max + (max == 1 ? " item" : " items"), actual);
    }

    /** Every other keyword: {@code Invalid value: <value>: <path> in body <detail>}. */
    static FieldError invalid(FieldPath path, Object value, String detail) {
        return FieldError.invalid(path.field(), value, path + IN + detail);
    }

    /** A failure without a field (range checks, compositions): upstream reports {@code <nil>: Invalid value: ""}. */
    static FieldError unplaced(String message) {
        return FieldError.invalid("<nil>", "", message);
    }

    static FieldError composite(FieldPath path, String detail) {
        return unplaced(quote(path.toString()) + " " + detail);
    }

    /** Go's {@code %q}: a double-quoted string with Go escapes. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
