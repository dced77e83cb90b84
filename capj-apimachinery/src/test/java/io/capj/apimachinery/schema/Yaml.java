package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Test helpers: schemas and objects written as YAML, errors rendered the way Status messages show them. */
final class Yaml {
    private Yaml() {
    }

    static JsonNode parse(String yaml) {
        try {
            // round-trip through the JSON codec so numbers are the node types the API server decodes
            return Json.parse(Json.string(Json.YAML.readTree(yaml)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(String yaml) {
        return (ObjectNode) parse(yaml);
    }

    /** A root schema whose {@code spec} has the given properties (YAML indented for a properties map). */
    static StructuralSchema specSchema(String specProperties) {
        return StructuralSchema.compile(parse("""
                type: object
                properties:
                  apiVersion: {type: string}
                  kind: {type: string}
                  metadata: {type: object}
                  spec:
                    type: object
                    properties:
                """ + specProperties.indent(6)));
    }

    /**
     * Errors as upstream's {@code field.Error} renders them. FieldError#message differs for two types (it shows a
     * value for TooLong and hides it for TooMany), so tests pin the upstream text here.
     */
    static List<String> render(List<FieldError> errors) {
        return errors.stream().map(Yaml::render).toList();
    }

    static String render(FieldError e) {
        boolean omitValue = switch (e.type()) {
            case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL -> true;
            default -> false;
        };
        StringBuilder b = new StringBuilder(e.field()).append(": ").append(e.type().label);
        if (!omitValue) {
            b.append(": ").append(value(e.badValue()));
        }
        if (e.detail() != null && !e.detail().isEmpty()) {
            b.append(": ").append(e.detail());
        }
        return b.toString();
    }

    private static String value(Object v) {
        if (v instanceof JsonNode n) {
            return n.isTextual() ? value(n.textValue()) : Json.string(n);
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(v);
    }
}
