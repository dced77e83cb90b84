package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.patch.MergeSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The compiled structural schema of one CRD version: compile it once from {@code schema.openAPIV3Schema} and use it
 * for every request. It prunes unknown fields ({@link #prune}), applies defaults ({@link #applyDefaults}) and
 * validates objects ({@link #validate}: OpenAPI keywords, {@code x-kubernetes-list-type} invariants and CEL
 * {@code x-kubernetes-validations}, ratcheting on update), each with apiextensions-apiserver's semantics and messages,
 * and tells patch and apply engines how values merge ({@link #mergeSchema}). Instances are immutable and thread-safe.
 */
public final class StructuralSchema {
    private static final String UNCHECKED_RULES = "some validation rules were not checked because the object was "
            + "invalid; correct the existing errors to complete validation";

    private final JsonNode source;
    private final SchemaNode root;
    private final CelRuleTree rules;

    private StructuralSchema(JsonNode source, SchemaNode root, CelRuleTree rules) {
        this.source = source;
        this.root = root;
        this.rules = rules;
    }

    /**
     * Compiles a CRD version's {@code openAPIV3Schema}.
     *
     * @throws SchemaException if the schema is not structural, uses unsupported keywords, has invalid defaults or
     *     carries CEL rules that do not compile; its errors name places relative to the schema root
     */
    public static StructuralSchema compile(JsonNode openAPIV3Schema) {
        // a private copy: defaults and published schema must not change if the caller later edits its tree
        JsonNode source = openAPIV3Schema.deepCopy();
        List<FieldError> errors = new ArrayList<>();
        SchemaNode root = SchemaReader.read(source, errors);
        StructuralRules.check(root, errors);
        if (errors.isEmpty()) {
            DefaultRules.check(root, FieldPath.ROOT, errors);
        }
        // CEL types are derived from the structure, so rules are only compiled once the structure is sound
        CelRuleTree rules = errors.isEmpty() ? CelRuleTree.compile(root, errors) : null;
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::toString));
            throw new SchemaException(errors);
        }
        return new StructuralSchema(source, root, rules);
    }

    /**
     * Removes fields the schema does not declare, in place. Returns their paths, sorted, as strict field validation
     * reports them ({@code spec.foo}, {@code spec.items[0].bar}); the root's apiVersion, kind and metadata are kept.
     */
    public List<String> prune(ObjectNode obj) {
        return Pruner.prune(obj, root);
    }

    /** Applies {@code default:} values in place, and drops nulls the schema does not allow and cannot default. */
    public void applyDefaults(ObjectNode obj) {
        Defaulter.apply(obj, root);
    }

    /**
     * Validates an object (after pruning and defaulting) against the schema, its list types and its CEL rules.
     *
     * @param oldObjOrNull the stored object on update, which enables {@code oldSelf} rules and ratcheting; null on
     *     create
     * @return the field errors in upstream's shape, empty if the object is valid
     */
    public List<FieldError> validate(JsonNode obj, JsonNode oldObjOrNull) {
        Correlation correlation = oldObjOrNull == null ? null : new Correlation(obj, oldObjOrNull, root);
        List<FieldError> errors = new ArrayList<>(SchemaValidator.validate(root, obj, correlation));
        // upstream only enforces list invariants on update when the old object already satisfied them
        if (oldObjOrNull == null || ListTypeValidator.validate(root, oldObjOrNull).isEmpty()) {
            errors.addAll(ListTypeValidator.validate(root, obj));
        }
        if (rules != null) {
            if (errors.stream().anyMatch(StructuralSchema::blocksRules)) {
                errors.add(FieldError.invalid("<nil>", null, UNCHECKED_RULES));
            } else {
                errors.addAll(CelRuleValidator.validate(rules, obj, correlation));
            }
        }
        return errors;
    }

    /** How values merge in strategic merge patch and server-side apply, from the list and map type extensions. */
    public MergeSchema mergeSchema() {
        return root;
    }

    /** The schema as published in {@code /openapi/v3}: the input, unchanged (callers must not modify it). */
    public JsonNode publishedSchema() {
        return source;
    }

    /**
     * The sub-schema at a simple JSONPath such as a printer column's ({@code .spec.replicas},
     * {@code .status.conditions[?(@.type=="Ready")].status}); brackets other than quoted names step into list items.
     * Empty if the path leaves the declared schema.
     */
    public Optional<JsonNode> schemaAt(String jsonPath) {
        return Optional.ofNullable(SchemaPaths.find(root, jsonPath)).map(s -> s.source);
    }

    /** Errors after which upstream does not run CEL rules, since rules would see data of the wrong shape. */
    private static boolean blocksRules(FieldError e) {
        return switch (e.type()) {
            case NOT_SUPPORTED, REQUIRED, TOO_LONG, TOO_MANY, TYPE_INVALID -> true;
            default -> false;
        };
    }
}
