package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI v3 validation of an object against its schema, walking both together in kube-openapi's keyword order
 * (type, compositions, string, format, number, array, enum, object). On update it ratchets: the errors found at or
 * below a place whose value is unchanged from the old object are dropped, so existing objects stay writable when a
 * CRD tightens its schema.
 */
final class SchemaValidator {
    private final List<FieldError> errors = new ArrayList<>();

    private SchemaValidator() {
    }

    /** Validates {@code value}; {@code correlation} pairs it with the old object on update, null on create. */
    static List<FieldError> validate(SchemaNode schema, JsonNode value, Correlation correlation) {
        SchemaValidator v = new SchemaValidator();
        v.node(schema, value, FieldPath.ROOT, correlation);
        return v.errors;
    }

    private void node(SchemaNode s, JsonNode v, FieldPath path, Correlation correlation) {
        int mark = errors.size();
        check(s, v, path, correlation);
        if (correlation != null && errors.size() > mark && correlation.unchanged()) {
            errors.subList(mark, errors.size()).clear();
        }
    }

    private void check(SchemaNode s, JsonNode v, FieldPath path, Correlation correlation) {
        if (JsonValues.isNull(v)) {
            ValueKeywords.nullValue(s, path, errors);
            if (s.constraints.enumValues.stream().noneMatch(JsonNode::isNull)) {
                ValueKeywords.enumeration(s, v, path, errors);
            }
            return;
        }
        ValueKeywords.type(s, v, path, errors);
        if (s.constraints.hasCompositions()) {
            compositions(s.constraints, v, path);
        }
        if (v.isTextual()) {
            ValueKeywords.string(s, v.textValue(), path, errors);
            ValueKeywords.format(s, v.textValue(), path, errors);
        } else if (v.isNumber()) {
            ValueKeywords.number(s, v, path, errors);
        } else if (v.isArray()) {
            array(s, v, path, correlation);
        }
        ValueKeywords.enumeration(s, v, path, errors);
        if (v.isObject()) {
            object(s, v, path, correlation);
        }
    }

    private void array(SchemaNode s, JsonNode v, FieldPath path, Correlation correlation) {
        if (s.items != null) {
            for (int i = 0; i < v.size(); i++) {
                node(s.items, v.get(i), path.index(i), correlation == null ? null : correlation.index(i));
            }
        }
        Constraints c = s.constraints;
        if (c.minItems != null && v.size() < c.minItems) {
            errors.add(OpenApiErrors.invalid(path, (long) v.size(), "should have at least " + c.minItems + " items"));
        }
        if (c.maxItems != null && v.size() > c.maxItems) {
            errors.add(OpenApiErrors.tooMany(path, v.size(), c.maxItems));
        }
        if (c.uniqueItems && hasDuplicates(v)) {
            errors.add(OpenApiErrors.invalid(path, "", "shouldn't contain duplicates"));
        }
    }

    private void object(SchemaNode s, JsonNode v, FieldPath path, Correlation correlation) {
        Constraints c = s.constraints;
        if (c.minProperties != null && v.size() < c.minProperties) {
            errors.add(OpenApiErrors.invalid(path, (long) v.size(),
                    "should have at least " + c.minProperties + " properties"));
        }
        if (c.maxProperties != null && v.size() > c.maxProperties) {
            errors.add(OpenApiErrors.tooMany(path, v.size(), c.maxProperties));
        }
        if (s.additionalProperties != null && s.additionalProperties != SchemaNode.EMPTY) {
            for (Map.Entry<String, JsonNode> field : v.properties()) {
                if (!s.properties.containsKey(field.getKey())) {
                    node(s.additionalProperties, field.getValue(), path.child(field.getKey()),
                            child(correlation, field.getKey(), path));
                }
            }
        }
        s.properties.forEach((name, prop) -> {
            JsonNode fieldValue = v.get(name);
            if (fieldValue != null) {
                node(prop, fieldValue, path.child(name), child(correlation, name, path));
            }
        });
        for (String name : c.required) {
            if (!v.has(name)) {
                errors.add(OpenApiErrors.required(path.child(name)));
            }
        }
    }

    /** The root's apiVersion and kind never ratchet: they must always match the served version. */
    private static Correlation child(Correlation correlation, String name, FieldPath path) {
        if (correlation == null || (path.isRoot() && (name.equals("apiVersion") || name.equals("kind")))) {
            return null;
        }
        return correlation.key(name);
    }

    private void compositions(Constraints c, JsonNode v, FieldPath path) {
        if (!c.anyOf.isEmpty()) {
            anyOf(c.anyOf, v, path);
        }
        if (!c.oneOf.isEmpty()) {
            oneOf(c.oneOf, v, path);
        }
        if (!c.allOf.isEmpty()) {
            allOf(c.allOf, v, path);
        }
        if (c.not != null && validate(c.not, v, path).isEmpty()) {
            errors.add(OpenApiErrors.composite(path, "must not validate the schema (not)"));
        }
    }

    private void anyOf(List<SchemaNode> alternatives, JsonNode v, FieldPath path) {
        List<FieldError> best = null;
        for (SchemaNode alternative : alternatives) {
            List<FieldError> result = validate(alternative, v, path);
            if (result.isEmpty()) {
                return;
            }
            if (best == null || result.size() < best.size()) {
                best = result;
            }
        }
        errors.add(OpenApiErrors.composite(path, "must validate at least one schema (anyOf)"));
        errors.addAll(best);
    }

    private void oneOf(List<SchemaNode> alternatives, JsonNode v, FieldPath path) {
        List<FieldError> best = null;
        int valid = 0;
        for (SchemaNode alternative : alternatives) {
            List<FieldError> result = validate(alternative, v, path);
            if (result.isEmpty()) {
                valid++;
            } else if (best == null || result.size() < best.size()) {
                best = result;
            }
        }
        if (valid != 1) {
            errors.add(OpenApiErrors.composite(path, "must validate one and only one schema (oneOf). "
                    + (valid == 0 ? "Found none valid" : "Found " + valid + " valid alternatives")));
            if (valid == 0) {
                errors.addAll(best);
            }
        }
    }

    private void allOf(List<SchemaNode> schemas, JsonNode v, FieldPath path) {
        int valid = 0;
        for (SchemaNode schema : schemas) {
            List<FieldError> result = validate(schema, v, path);
            valid += result.isEmpty() ? 1 : 0;
            errors.addAll(result);
        }
        if (valid != schemas.size()) {
            errors.add(OpenApiErrors.composite(path, "must validate all the schemas (allOf)"
                    + (valid == 0 ? ". None validated" : "")));
        }
    }

    /** A nested value validation, judged on its own (compositions do not ratchet separately). */
    private static List<FieldError> validate(SchemaNode schema, JsonNode v, FieldPath path) {
        SchemaValidator nested = new SchemaValidator();
        nested.check(schema, v, path, null);
        return nested.errors;
    }

    private static boolean hasDuplicates(JsonNode v) {
        for (int i = 0; i < v.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (JsonValues.equal(v.get(i), v.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
