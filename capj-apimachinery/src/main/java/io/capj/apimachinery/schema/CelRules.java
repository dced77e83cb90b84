package io.capj.apimachinery.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.compiler.CelCompiler;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Compiles the {@code x-kubernetes-validations} of one schema node, with upstream's checks and messages: well-formed
 * rule entries, CEL that type-checks against the node's declared type and yields a bool (messageExpression: a
 * string), transition rules only where old values correlate, and {@code optionalOldSelf} only with {@code oldSelf}.
 */
final class CelRules {
    static final Set<String> REASONS = Set.of("FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid",
            "FieldValueRequired");

    private final SchemaNode schema;
    private final CelTypes types;
    private final List<FieldError> errors;

    private CelRules(SchemaNode schema, CelTypes types, List<FieldError> errors) {
        this.schema = schema;
        this.types = types;
        this.errors = errors;
    }

    /** Compiles the node's rules; problems go to {@code errors}, and rules with problems are left out. */
    static List<CelRule> compile(SchemaNode schema, CelTypes types, FieldPath schemaPath, FieldPath uncorrelatable,
            List<FieldError> errors) {
        CelRules r = new CelRules(schema, types, errors);
        List<CelRule> rules = new ArrayList<>();
        for (int i = 0; i < schema.validations.size(); i++) {
            JsonNode entry = schema.validations.get(i);
            FieldPath path = schemaPath.child("x-kubernetes-validations").index(i);
            int before = errors.size();
            UnaryOperator<FieldPath> fieldPath = r.checkEntry(entry, path);
            if (errors.size() == before) {
                CelRule rule = r.compileEntry(entry, path, fieldPath, uncorrelatable);
                if (rule != null && errors.size() == before) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    private UnaryOperator<FieldPath> checkEntry(JsonNode entry, FieldPath path) {
        String rule = entry.path("rule").asText("").trim();
        String message = entry.path("message").asText("");
        if (rule.isEmpty()) {
            errors.add(FieldError.required(path.child("rule").toString(), "rule is not specified"));
        } else if (!message.isEmpty() && message.trim().isEmpty()) {
            errors.add(FieldError.invalid(path.child("message").toString(), message, "must be non-empty if specified"));
        } else if (message.trim().contains("\n")) {
            errors.add(FieldError.invalid(path.child("message").toString(), message, "must not contain line breaks"));
        } else if (rule.contains("\n") && message.trim().isEmpty()) {
            errors.add(FieldError.required(path.child("message").toString(),
                    "message must be specified if rule contains line breaks"));
        }
        String messageExpression = entry.path("messageExpression").asText("");
        if (!messageExpression.isEmpty() && messageExpression.trim().isEmpty()) {
            errors.add(FieldError.required(path.child("messageExpression").toString(),
                    "messageExpression must be non-empty if specified"));
        }
        if (entry.hasNonNull("reason") && !REASONS.contains(entry.get("reason").asText())) {
            errors.add(FieldError.notSupported(path.child("reason").toString(), entry.get("reason").asText(),
                    REASONS.stream().sorted().toList()));
        }
        return checkFieldPath(entry.path("fieldPath").asText(""), path.child("fieldPath"));
    }

    private UnaryOperator<FieldPath> checkFieldPath(String fieldPath, FieldPath path) {
        if (fieldPath.isEmpty()) {
            return p -> p;
        }
        String detail = fieldPath.trim().isEmpty() ? "must be non-empty if specified"
                : fieldPath.contains("\n") ? "must not contain line breaks" : null;
        UnaryOperator<FieldPath> resolved = detail == null ? RuleFieldPath.resolve(fieldPath.trim(), schema) : null;
        if (detail == null && resolved == null) {
            detail = "must be a valid path";
        }
        if (detail != null) {
            errors.add(FieldError.invalid(path.toString(), fieldPath, detail));
        }
        return resolved;
    }

    private CelRule compileEntry(JsonNode entry, FieldPath path, UnaryOperator<FieldPath> fieldPath,
            FieldPath uncorrelatable) {
        String ruleText = entry.path("rule").asText().trim();
        boolean optionalOldSelf = entry.path("optionalOldSelf").asBoolean(false);
        CelType self = types.typeOf(schema);
        CelCompiler compiler = CelEnvironment.compiler(self, optionalOldSelf ? OptionalType.create(self) : self, types);
        CelAbstractSyntaxTree ast = check(compiler, ruleText, CelKind.BOOL, entry, path.child("rule"),
                "compilation failed: ", "cel expression must evaluate to a bool");
        if (ast == null) {
            return null;
        }
        boolean usesOldSelf = ast.getReferenceMap().values().stream()
                .anyMatch(ref -> ref.name().equals(CelEnvironment.OLD_SELF));
        if (usesOldSelf && uncorrelatable != null) {
            errors.add(FieldError.invalid(path.child("rule").toString(), ruleText,
                    "oldSelf cannot be used on the uncorrelatable portion of the schema within " + uncorrelatable));
        } else if (!usesOldSelf && entry.has("optionalOldSelf")) {
            errors.add(FieldError.invalid(path.child("optionalOldSelf").toString(), entry.get("optionalOldSelf"),
                    "may not be set if oldSelf is not used in rule"));
        }
        CelRuntime.Program program = program(ast, entry, path.child("rule"), "program instantiation failed: ");
        CelRuntime.Program message = messageExpression(compiler, entry, path.child("messageExpression"));
        return program == null ? null : new CelRule(ruleText, entry.path("message").asText("").trim(), program,
                message, entry.path("reason").asText("FieldValueInvalid"), fieldPath, usesOldSelf, optionalOldSelf);
    }

    private CelRuntime.Program messageExpression(CelCompiler compiler, JsonNode entry, FieldPath path) {
        String text = entry.path("messageExpression").asText("").trim();
        if (text.isEmpty()) {
            return null;
        }
        CelAbstractSyntaxTree ast = check(compiler, text, CelKind.STRING, entry, path,
                "messageExpression compilation failed: ", "messageExpression must evaluate to a string");
        return ast == null ? null : program(ast, entry, path, "messageExpression instantiation failed: ");
    }

    private CelAbstractSyntaxTree check(CelCompiler compiler, String text, CelKind expected, JsonNode entry,
            FieldPath path, String failed, String wrongType) {
        CelValidationResult result = compiler.compile(text);
        if (result.hasError()) {
            errors.add(FieldError.invalid(path.toString(), entry, failed + result.getErrorString()));
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelKind kind = ast.getResultType().kind();
            if (kind != expected && kind != CelKind.DYN) {
                errors.add(FieldError.invalid(path.toString(), entry, wrongType));
                return null;
            }
            return ast;
        } catch (CelValidationException e) {
            errors.add(FieldError.invalid(path.toString(), entry, failed + e.getMessage()));
            return null;
        }
    }

    private CelRuntime.Program program(CelAbstractSyntaxTree ast, JsonNode entry, FieldPath path, String failed) {
        try {
            return CelEnvironment.runtime().createProgram(ast);
        } catch (CelEvaluationException e) {
            errors.add(FieldError.invalid(path.toString(), entry, failed + e.getMessage()));
            return null;
        }
    }
}
