package io.capj.bootstrap.kubeadm.cloudinit;

import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.BoolLiteral;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Comparison;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Expression;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Field;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.If;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Node;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Output;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Range;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.StringLiteral;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Text;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.With;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Runs a parsed template over data made of maps, lists, strings and booleans, with Go's rules: a missing map
 * key is "no value" (printed {@code <no value>}, false, comparable only to another missing value), emptiness is
 * falsehood, maps range in key order, and comparing values of different kinds is an error. Output beyond the
 * byte limit stops the run.
 */
final class TemplateExecution {
    /** A missing map key: Go's invalid reflect.Value. */
    private static final Object MISSING = new Object();

    private final StringBuilder output = new StringBuilder();
    private final long limitBytes;
    private long writtenBytes;

    private TemplateExecution(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Renders {@code nodes} with {@code data} as dot; throws {@link GoTemplate.ExecutionError}. */
    static String run(List<Node> nodes, Object data, long limitBytes) {
        TemplateExecution execution = new TemplateExecution(limitBytes);
        execution.walk(nodes, data);
        return execution.output.toString();
    }

    private void walk(List<Node> nodes, Object dot) {
        for (Node node : nodes) {
            walk(node, dot);
        }
    }

    private void walk(Node node, Object dot) {
        if (node instanceof Text text) {
            write(text.text());
        } else if (node instanceof Output out) {
            write(print(evaluate(out.expression(), dot)));
        } else if (node instanceof If conditional) {
            walk(isTrue(evaluate(conditional.condition(), dot)) ? conditional.then() : conditional.otherwise(), dot);
        } else if (node instanceof With with) {
            Object value = evaluate(with.value(), dot);
            if (isTrue(value)) {
                walk(with.then(), value);
            } else {
                walk(with.otherwise(), dot);
            }
        } else {
            range((Range) node, dot);
        }
    }

    private void range(Range range, Object dot) {
        Object value = evaluate(range.value(), dot);
        if (value instanceof List<?> list && !list.isEmpty()) {
            list.forEach(element -> walk(range.body(), element));
        } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            new TreeMap<>(map).values().forEach(element -> walk(range.body(), element));
        } else if (value == MISSING || value instanceof List<?> || value instanceof Map<?, ?>) {
            walk(range.otherwise(), dot);
        } else {
            throw new GoTemplate.ExecutionError("range can't iterate over " + print(value));
        }
    }

    private Object evaluate(Expression expression, Object dot) {
        if (expression instanceof Field field) {
            return field(field.path(), dot);
        }
        if (expression instanceof StringLiteral literal) {
            return literal.value();
        }
        if (expression instanceof BoolLiteral literal) {
            return literal.value();
        }
        Comparison comparison = (Comparison) expression;
        List<Expression> operands = comparison.operands();
        Object first = evaluate(operands.get(0), dot);
        boolean equal = false;
        for (int i = 1; i < operands.size() && !equal; i++) {
            equal = equal(first, evaluate(operands.get(i), dot));
        }
        return comparison.negated() != equal;
    }

    private static Object field(List<String> path, Object dot) {
        Object value = dot;
        for (String name : path) {
            if (value == MISSING) {
                return MISSING;
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new GoTemplate.ExecutionError("can't evaluate field " + name + " in type " + typeName(value));
            }
            Object entry = map.get(name);
            value = entry == null ? MISSING : entry;
        }
        return value;
    }

    /** Go's eq for two values: a missing value equals only another missing one; maps and lists never compare. */
    private static boolean equal(Object left, Object right) {
        if (left == MISSING || right == MISSING) {
            return left == right;
        }
        boolean leftBasic = left instanceof String || left instanceof Boolean;
        boolean rightBasic = right instanceof String || right instanceof Boolean;
        if (!leftBasic || !rightBasic) {
            throw new GoTemplate.ExecutionError("error calling eq: non-comparable types " + typeName(left)
                    + " and " + typeName(right));
        }
        if (left.getClass() != right.getClass()) {
            throw new GoTemplate.ExecutionError("error calling eq: incompatible types for comparison: "
                    + typeName(left) + " and " + typeName(right));
        }
        return left.equals(right);
    }

    private static boolean isTrue(Object value) {
        if (value == MISSING) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text) {
            return !text.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return !((List<?>) value).isEmpty();
    }

    /** Go's fmt.Print of the value: maps as {@code map[k:v]} in key order, lists as {@code [a b]}. */
    private static String print(Object value) {
        if (value == MISSING) {
            return "<no value>";
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner entries = new StringJoiner(" ", "map[", "]");
            new TreeMap<>(map).forEach((key, entry) -> entries.add(key + ":" + print(entry)));
            return entries.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner elements = new StringJoiner(" ", "[", "]");
            list.forEach(element -> elements.add(print(element)));
            return elements.toString();
        }
        return String.valueOf(value);
    }

    private static String typeName(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Map<?, ?>) {
            return "map[string]interface {}";
        }
        return value instanceof List<?> ? "[]interface {}" : "<nil>";
    }

    private void write(String text) {
        writtenBytes += text.getBytes(StandardCharsets.UTF_8).length;
        if (writtenBytes > limitBytes) {
            throw new GoTemplate.ExecutionError("rendered output exceeds the " + limitBytes + " byte limit");
        }
        output.append(text);
    }
}
