package io.capj.apimachinery.selector;

import io.capj.apimachinery.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One requirement of a label selector: a key, an operator and its values. Build it with {@link #of}, which
 * validates like upstream's {@code labels.NewRequirement}.
 *
 * @param values the values ({@code in}/{@code notin}: the set; {@code =}/{@code ==}/{@code !=}/{@code gt}/{@code lt}:
 *               exactly one; {@code exists}/{@code !}: none)
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

    public LabelRequirement {
        values = List.copyOf(values);
    }

    /**
     * Validates and builds a requirement; throws {@link SelectorSyntaxException} with upstream's aggregated
     * field errors ({@code values[0][app]: Invalid value: "a b": a valid label must be ...}).
     */
    public static LabelRequirement of(String key, Operator operator, List<String> values) {
        List<String> errors = new ArrayList<>();
        List<String> keyErrors = LabelSyntax.keyErrors(key);
        if (!keyErrors.isEmpty()) {
            errors.add(FieldError.invalid("key", key, String.join("; ", keyErrors)).toString());
        }
        errors.addAll(arityErrors(operator, values));
        for (int i = 0; i < values.size(); i++) {
            List<String> valueErrors = LabelSyntax.valueErrors(values.get(i));
            if (!valueErrors.isEmpty()) {
                String field = "values[" + i + "][" + key + "]";
                errors.add(FieldError.invalid(field, values.get(i), String.join("; ", valueErrors)).toString());
            }
        }
        if (!errors.isEmpty()) {
            throw new SelectorSyntaxException(aggregate(errors));
        }
        return new LabelRequirement(key, operator, values);
    }

    private static List<String> arityErrors(Operator operator, List<String> values) {
        List<String> errors = new ArrayList<>();
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    errors.add("values: Invalid value: " + goList(values)
                            + ": for 'in', 'notin' operators, values set can't be empty");
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    errors.add("values: Invalid value: " + goList(values)
                            + ": exact-match compatibility requires one single value");
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    errors.add("values: Invalid value: " + goList(values)
                            + ": values set must be empty for exists and does not exist");
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    errors.add("values: Invalid value: " + goList(values)
                            + ": for 'Gt', 'Lt' operators, exactly one value is required");
                }
                for (int i = 0; i < values.size(); i++) {
                    if (parseInteger(values.get(i)) == null) {
                        errors.add(FieldError.invalid("values[" + i + "]", values.get(i),
                                "for 'Gt', 'Lt' operators, the value must be an integer").toString());
                    }
                }
            }
        }
        return errors;
    }

    /** Whether the labels satisfy this requirement, with upstream's rules for absent keys. */
    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        boolean present = value != null || labels.containsKey(key);
        return switch (operator) {
            case IN, EQUALS, DOUBLE_EQUALS -> present && values.contains(value);
            case NOT_IN, NOT_EQUALS -> !present || !values.contains(value);
            case EXISTS -> present;
            case DOES_NOT_EXIST -> !present;
            case GREATER_THAN, LESS_THAN -> present && compares(value);
        };
    }

    private boolean compares(String labelValue) {
        Long actual = parseInteger(labelValue);
        Long bound = values.size() == 1 ? parseInteger(values.get(0)) : null;
        if (actual == null || bound == null) {
            return false;
        }
        return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
    }

    /** Upstream's text form: {@code !k}, {@code k}, {@code k=v}, {@code k in (a,b)}, {@code k>5}. */
    @Override
    public String toString() {
        return switch (operator) {
            case EXISTS -> key;
            case DOES_NOT_EXIST -> "!" + key;
            case IN -> key + " in (" + joinedSorted() + ")";
            case NOT_IN -> key + " notin (" + joinedSorted() + ")";
            case GREATER_THAN -> key + ">" + joinedSorted();
            case LESS_THAN -> key + "<" + joinedSorted();
            default -> key + operator.spelling() + joinedSorted();
        };
    }

    private String joinedSorted() {
        return String.join(",", values.stream().sorted().toList());
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, decimal digits only. */
    static Long parseInteger(String s) {
        if (s.isEmpty() || !s.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Go's {@code %#v} of a {@code []string}, as field errors render slices. */
    private static String goList(List<String> values) {
        return "[]string{" + String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()) + "}";
    }

    /** Upstream's aggregate: one message as is, several deduplicated inside brackets. */
    static String aggregate(List<String> messages) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(messages));
        return unique.size() == 1 ? unique.get(0) : "[" + String.join(", ", unique) + "]";
    }
}
