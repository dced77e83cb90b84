package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.capj.apimachinery.FieldError;
import java.util.List;

/**
 * Schema-time checks of {@code default:} values: a default must not carry fields its schema would prune and must
 * itself validate against the schema it defaults, so defaulting can never produce an invalid object. Errors are
 * placed under the default ({@code properties[x].default.y}) as upstream places them.
 */
final class DefaultRules {
    private DefaultRules() {
    }

    static void check(SchemaNode s, FieldPath path, List<FieldError> errors) {
        if (s.defaultValue != null && !path.isRoot()) {
            checkDefault(s, path.child("default"), errors);
        }
        if (s.items != null) {
            check(s.items, path.child("items"), errors);
        }
        s.properties.forEach((k, p) -> check(p, path.child("properties").key(k), errors));
        if (s.additionalProperties != null && s.additionalProperties != SchemaNode.EMPTY) {
            check(s.additionalProperties, path.child("additionalProperties"), errors);
        }
    }

    private static void checkDefault(SchemaNode s, FieldPath path, List<FieldError> errors) {
        JsonNode pruned = s.defaultValue.deepCopy();
        if (!Pruner.pruneValue(pruned, s).isEmpty()) {
            errors.add(FieldError.invalid(path.toString(), s.defaultValue, "must not have unknown fields"));
            return;
        }
        for (FieldError e : SchemaValidator.validate(s, s.defaultValue, null)) {
            String field = e.field().equals("<nil>") ? path.toString()
                    : path + (e.field().startsWith("[") ? "" : ".") + e.field();
            errors.add(new FieldError(e.type(), field, e.detail(), e.badValue()));
        }
    }
}
