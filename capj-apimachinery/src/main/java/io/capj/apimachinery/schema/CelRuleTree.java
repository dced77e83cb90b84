package io.capj.apimachinery.schema;

import io.capj.apimachinery.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled CEL rules of a schema, as a tree that only contains the places with rules at or below them, so
 * validating an object walks just those subtrees. Items of lists that are not map lists are "uncorrelatable": old
 * values cannot be matched to them, so rules there may not use {@code oldSelf}.
 */
final class CelRuleTree {
    final SchemaNode schema;
    final List<CelRule> rules;
    final Map<String, CelRuleTree> properties;
    final CelRuleTree additionalProperties;
    final CelRuleTree items;

    private CelRuleTree(SchemaNode schema, List<CelRule> rules, Map<String, CelRuleTree> properties,
            CelRuleTree additionalProperties, CelRuleTree items) {
        this.schema = schema;
        this.rules = rules;
        this.properties = properties;
        this.additionalProperties = additionalProperties;
        this.items = items;
    }

    /** The rule tree of a schema, or null if it has no rules. */
    static CelRuleTree compile(SchemaNode root, List<FieldError> errors) {
        if (!hasRules(root)) {
            return null;
        }
        return build(root, CelTypes.declare(root), FieldPath.ROOT, null, errors);
    }

    private static CelRuleTree build(SchemaNode s, CelTypes types, FieldPath path, FieldPath uncorrelatable,
            List<FieldError> errors) {
        if (!hasRules(s)) {
            return null;
        }
        FieldPath itemsUncorrelatable = s.isListMap() || uncorrelatable != null ? uncorrelatable : path;
        CelRuleTree items = s.items == null ? null
                : build(s.items, types, path.child("items"), itemsUncorrelatable, errors);
        CelRuleTree additional = s.additionalProperties == null ? null
                : build(s.additionalProperties, types, path.child("additionalProperties"), uncorrelatable, errors);
        Map<String, CelRuleTree> properties = new LinkedHashMap<>();
        s.properties.forEach((k, p) -> {
            CelRuleTree t = build(p, types, path.child("properties").key(k), uncorrelatable, errors);
            if (t != null) {
                properties.put(k, t);
            }
        });
        List<CelRule> rules = s.validations == null ? List.of()
                : CelRules.compile(s, types, path, uncorrelatable, errors);
        return new CelRuleTree(s, rules, Map.copyOf(properties), additional, items);
    }

    private static boolean hasRules(SchemaNode s) {
        if (s == null) {
            return false;
        }
        return s.validations != null || hasRules(s.items) || hasRules(s.additionalProperties)
                || s.properties.values().stream().anyMatch(CelRuleTree::hasRules);
    }
}
