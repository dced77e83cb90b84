package io.capj.apimachinery.schema;

import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.Json;
import java.util.List;

/**
 * Rules for value validations nested under {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}: they may restrict
 * values but never declare shape (types, defaults, extensions), except the {@code anyOf: [{type: integer},
 * {type: string}]} idiom that accompanies {@code x-kubernetes-int-or-string}; and every property they name must also
 * exist in the structural part (completeness, checked from the root like upstream).
 */
final class NestedRules {
    private static final List<Object> INT_OR_STRING_ANY_OF = List.of(
            Json.parse("{\"type\":\"integer\"}"), Json.parse("{\"type\":\"string\"}"));

    private final List<FieldError> errors;

    NestedRules(List<FieldError> errors) {
        this.errors = errors;
    }

    void compositions(SchemaNode s, FieldPath path) {
        List<SchemaNode> allOf = s.constraints.allOf;
        boolean firstAllOfIsIntOrString = !allOf.isEmpty() && isIntOrStringAnyOf(allOf.get(0));
        valueValidations(s.constraints, isIntOrStringAnyOf(s), firstAllOfIsIntOrString, path);
    }

    void completeness(SchemaNode s, FieldPath path) {
        valueCompleteness(s.constraints, s, path, path);
    }

    private void valueValidations(Constraints c, boolean skipAnyOf, boolean skipFirstAllOfAnyOf, FieldPath path) {
        if (!skipAnyOf) {
            for (int i = 0; i < c.anyOf.size(); i++) {
                nested(c.anyOf.get(i), false, path.child("anyOf").index(i));
            }
        }
        for (int i = 0; i < c.allOf.size(); i++) {
            nested(c.allOf.get(i), skipFirstAllOfAnyOf && i == 0, path.child("allOf").index(i));
        }
        for (int i = 0; i < c.oneOf.size(); i++) {
            nested(c.oneOf.get(i), false, path.child("oneOf").index(i));
        }
        if (c.not != null) {
            nested(c.not, false, path.child("not"));
        }
    }

    private void nested(SchemaNode v, boolean skipAnyOf, FieldPath path) {
        valueValidations(v.constraints, skipAnyOf, false, path);
        if (v.items != null) {
            nested(v.items, false, path.child("items"));
        }
        v.properties.forEach((k, p) -> nested(p, false, path.child("properties").key(k)));
        forbidShape(v, path);
        if (v.properties.containsKey("metadata")) {
            errors.add(FieldError.forbidden(path.child("properties").key("metadata").toString(),
                    "must not be specified in a nested context"));
        }
    }

    private void forbidShape(SchemaNode v, FieldPath path) {
        forbid(!v.type.isEmpty(), path, "type", "must be empty to be structural");
        forbid(v.source.has("additionalProperties"), path, "additionalProperties",
                "must be undefined to be structural");
        forbid(v.defaultValue != null, path, "default", "must be undefined to be structural");
        forbid(v.source.hasNonNull("title"), path, "title", "must be empty to be structural");
        forbid(v.source.hasNonNull("description"), path, "description", "must be empty to be structural");
        forbid(v.nullable, path, "nullable", "must be false to be structural");
        forbid(v.preserveUnknownFields, path, "x-kubernetes-preserve-unknown-fields", "must be false to be structural");
        forbid(v.embeddedResource, path, "x-kubernetes-embedded-resource", "must be false to be structural");
        forbid(v.intOrString, path, "x-kubernetes-int-or-string", "must be false to be structural");
        forbid(!v.listMapKeys.isEmpty(), path, "x-kubernetes-list-map-keys", "must be empty to be structural");
        forbid(v.listType != null, path, "x-kubernetes-list-type", "must be undefined to be structural");
        forbid(v.mapType != null, path, "x-kubernetes-map-type", "must be undefined to be structural");
        forbid(v.validations != null, path, "x-kubernetes-validations", "must be empty to be structural");
    }

    private void forbid(boolean present, FieldPath path, String keyword, String detail) {
        if (present) {
            errors.add(FieldError.forbidden(path.child(keyword).toString(), detail));
        }
    }

    private void valueCompleteness(Constraints c, SchemaNode s, FieldPath sPath, FieldPath vPath) {
        if (c.not != null) {
            nestedCompleteness(c.not, s, sPath, vPath.child("not"));
        }
        for (int i = 0; i < c.allOf.size(); i++) {
            nestedCompleteness(c.allOf.get(i), s, sPath, vPath.child("allOf").index(i));
        }
        for (int i = 0; i < c.anyOf.size(); i++) {
            nestedCompleteness(c.anyOf.get(i), s, sPath, vPath.child("anyOf").index(i));
        }
        for (int i = 0; i < c.oneOf.size(); i++) {
            nestedCompleteness(c.oneOf.get(i), s, sPath, vPath.child("oneOf").index(i));
        }
    }

    private void nestedCompleteness(SchemaNode v, SchemaNode s, FieldPath sPath, FieldPath vPath) {
        if (s == null) {
            errors.add(FieldError.required(sPath.toString(), "because it is defined in " + vPath));
            return;
        }
        valueCompleteness(v.constraints, s, sPath, vPath);
        if (v.items != null) {
            nestedCompleteness(v.items, s.items, sPath.child("items"), vPath.child("items"));
        }
        v.properties.forEach((k, vp) -> {
            FieldPath sp = sPath.child("properties").key(k);
            FieldPath vpp = vPath.child("properties").key(k);
            if (s.properties.containsKey(k)) {
                nestedCompleteness(vp, s.properties.get(k), sp, vpp);
            } else {
                errors.add(FieldError.required(sp.toString(), "because it is defined in " + vpp));
            }
        });
    }

    private static boolean isIntOrStringAnyOf(SchemaNode s) {
        List<SchemaNode> anyOf = s.constraints.anyOf;
        return anyOf.size() == 2 && anyOf.get(0).source.equals(INT_OR_STRING_ANY_OF.get(0))
                && anyOf.get(1).source.equals(INT_OR_STRING_ANY_OF.get(1));
    }
}
