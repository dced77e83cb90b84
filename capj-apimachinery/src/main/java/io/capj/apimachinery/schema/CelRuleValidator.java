package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the CEL rules of an object, walking the {@link CelRuleTree} and the object together. {@code self} is the
 * value at the rule's place and {@code oldSelf} the correlated old value; transition rules are skipped when there is
 * none (unless {@code optionalOldSelf}). On update, failures of rules that do not use {@code oldSelf} are dropped where
 * the value is unchanged (ratcheting). Running out of budget stops all further rules, as upstream does.
 */
final class CelRuleValidator {
    private static final int MAX_MESSAGE_BYTES = 5 * 1024;

    private final List<FieldError> errors = new ArrayList<>();
    private final CelBudget budget = new CelBudget(CelBudget.PER_OBJECT_BUDGET);
    private boolean stopped;

    private CelRuleValidator() {
    }

    /** Validates {@code value}; {@code correlation} pairs it with the old object on update and is null on create. */
    static List<FieldError> validate(CelRuleTree tree, JsonNode value, Correlation correlation) {
        CelRuleValidator v = new CelRuleValidator();
        v.node(tree, value, correlation == null ? null : correlation.old, FieldPath.ROOT,
                new Ratchet(correlation, null));
        return v.errors;
    }

    /** Where ratcheting is decided: the place's own correlation, or the nearest correlated parent's. */
    private record Ratchet(Correlation current, Correlation nearestParent) {
        Ratchet key(String name, boolean root) {
            if (current == null) {
                return this;
            }
            if (root && (name.equals("apiVersion") || name.equals("kind"))) {
                return new Ratchet(null, null);
            }
            return new Ratchet(current.key(name), current);
        }

        Ratchet index(int i) {
            return current == null ? this : new Ratchet(current.index(i), current);
        }

        boolean unchanged() {
            Correlation c = current != null ? current : nearestParent;
            return c != null && c.unchanged();
        }
    }

    private void node(CelRuleTree t, JsonNode v, JsonNode old, FieldPath path, Ratchet ratchet) {
        if (JsonValues.isNull(v) || stopped) {
            return;
        }
        if (!t.rules.isEmpty()) {
            rules(t, v, JsonValues.isNull(old) ? null : old, path, ratchet);
        }
        if (v.isArray() && t.items != null) {
            for (int i = 0; i < v.size() && !stopped; i++) {
                JsonNode oldItem = t.schema.isListMap() && old != null && old.isArray()
                        ? Correlation.findByKeys(old, v.get(i), t.schema.listMapKeys) : null;
                node(t.items, v.get(i), oldItem, path.index(i), ratchet.index(i));
            }
        } else if (v.isObject()) {
            for (Map.Entry<String, JsonNode> field : v.properties()) {
                String name = field.getKey();
                CelRuleTree property = t.properties.get(name);
                CelRuleTree child = property != null ? property
                        : t.schema.properties.containsKey(name) ? null : t.additionalProperties;
                if (child != null && !stopped) {
                    JsonNode oldField = old != null && old.isObject() ? old.get(name) : null;
                    FieldPath childPath = property != null ? path.child(name) : path.key(name);
                    node(child, field.getValue(), oldField, childPath, ratchet.key(name, path.isRoot()));
                }
            }
        }
    }

    private void rules(CelRuleTree t, JsonNode v, JsonNode old, FieldPath path, Ratchet ratchet) {
        if (budget.exhausted()) {
            stop(path, t.schema, "validation failed due to running out of cost budget, no further validation rules "
                    + "will be run");
            return;
        }
        Map<String, Object> vars = new HashMap<>(4);
        vars.put(CelEnvironment.SELF, path.isRoot() ? CelValues.root(v, t.schema) : CelValues.of(v, t.schema));
        Object oldSelf = old == null ? null
                : path.isRoot() ? CelValues.root(old, t.schema) : CelValues.of(old, t.schema);
        for (CelRule rule : t.rules) {
            if (rule.usesOldSelf() && oldSelf == null && !rule.optionalOldSelf()) {
                continue;
            }
            if (rule.optionalOldSelf()) {
                vars.put(CelEnvironment.OLD_SELF, Optional.ofNullable(oldSelf));
            } else if (oldSelf != null) {
                vars.put(CelEnvironment.OLD_SELF, oldSelf);
            } else {
                vars.remove(CelEnvironment.OLD_SELF);
            }
            FieldError failure = evaluate(rule, vars, t.schema, path);
            if (stopped) {
                return;
            }
            if (failure != null && (rule.usesOldSelf() || !ratchet.unchanged())) {
                errors.add(failure);
            }
        }
    }

    /** The rule's failure, or null if it passed or could not be evaluated (that error is recorded directly). */
    private FieldError evaluate(CelRule rule, Map<String, Object> vars, SchemaNode schema, FieldPath path) {
        Object result;
        try {
            result = budget.evaluate(rule.program(), vars);
        } catch (CelBudget.Exceeded e) {
            stop(path, schema, e.perCall ? "'" + e.getMessage() + "': no further validation rules will be run due "
                    + "to call cost exceeds limit for rule: " + rule.name()
                    : "validation failed due to running out of cost budget, no further validation rules will be run");
            return null;
        } catch (CelEvaluationException e) {
            // upstream reports evaluation errors as they are: they never ratchet
            errors.add(evaluationError(rule, e, schema, path));
            return null;
        }
        if (Boolean.TRUE.equals(result)) {
            return null;
        }
        FieldPath at = rule.fieldPath().apply(path);
        String detail = message(rule, vars);
        return switch (rule.reason()) {
            case "FieldValueForbidden" -> FieldError.forbidden(at.field(), detail);
            case "FieldValueRequired" -> FieldError.required(at.field(), detail);
            case "FieldValueDuplicate" -> new FieldError(FieldError.Type.DUPLICATE, at.field(), null, schema.type);
            default -> FieldError.invalid(at.field(), schema.type, detail);
        };
    }

    /** The evaluated messageExpression if it yields a usable one-line message, else the rule's default message. */
    private String message(CelRule rule, Map<String, Object> vars) {
        if (rule.messageExpression() == null) {
            return rule.defaultMessage();
        }
        try {
            Object m = budget.evaluate(rule.messageExpression(), vars);
            String text = m instanceof String s ? s.trim() : "";
            boolean usable = !text.isEmpty() && !text.contains("\n")
                    && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES;
            return usable ? text : rule.defaultMessage();
        } catch (CelEvaluationException | CelBudget.Exceeded e) {
            return rule.defaultMessage();
        }
    }

    private FieldError evaluationError(CelRule rule, CelEvaluationException e, SchemaNode schema, FieldPath path) {
        String cause = CelErrors.describe(e);
        if (cause.startsWith("no such overload")) {
            return FieldError.invalid(path.field(), schema.type, "'" + cause + "': call arguments did not match a "
                    + "supported operator, function or macro signature for rule: " + rule.name());
        }
        return FieldError.invalid(path.field(), schema.type, cause + " evaluating rule: " + rule.name());
    }

    private void stop(FieldPath path, SchemaNode schema, String detail) {
        errors.add(FieldError.invalid(path.field(), schema.type, detail));
        stopped = true;
    }
}
