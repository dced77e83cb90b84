package io.capj.apimachinery.selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed field selector: an AND of {@code field=value}, {@code field==value} and {@code field!=value} terms,
 * with {@code \,}, {@code \=} and {@code \\} escapes in values, as upstream's {@code fields.ParseSelector}. Terms are
 * kept in upstream's order (sorted by their raw text). Which fields exist is the caller's business: check them
 * with {@link #requireSupported}, then evaluate with {@link #matches}.
 */
public final class FieldSelector {
    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());
    private static final String[] OPERATORS = {"!=", "==", "="};

    private final List<FieldRequirement> requirements;

    private FieldSelector(List<FieldRequirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /**
     * Parses the query-parameter form; null or empty is everything.
     *
     * @throws SelectorSyntaxException (400), e.g. {@code invalid selector: 'a'; can't understand 'a'} or
     *                                 {@code invalid field selector: invalid escape sequence: \x}
     */
    public static FieldSelector parse(String selector) {
        if (selector == null || selector.isEmpty()) {
            return EVERYTHING;
        }
        List<String> terms = splitTerms(selector);
        Collections.sort(terms);
        List<FieldRequirement> reqs = new ArrayList<>();
        for (String term : terms) {
            if (!term.isEmpty()) {
                reqs.add(parseTerm(selector, term));
            }
        }
        return new FieldSelector(reqs);
    }

    /** Splits on commas that are not escaped; escapes stay in the terms for {@link #unescape}. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    /** The field is everything before the first operator; upstream supports no escaping there. */
    private static FieldRequirement parseTerm(String selector, String term) {
        for (int i = 0; i < term.length(); i++) {
            for (String op : OPERATORS) {
                if (term.startsWith(op, i)) {
                    Operator operator = switch (op) {
                        case "!=" -> Operator.NOT_EQUALS;
                        case "==" -> Operator.DOUBLE_EQUALS;
                        default -> Operator.EQUALS;
                    };
                    String value = unescape(term.substring(i + op.length()));
                    return new FieldRequirement(term.substring(0, i), operator, value);
                }
            }
        }
        throw new SelectorSyntaxException("invalid selector: '" + selector + "'; can't understand '" + term + "'");
    }

    private static String unescape(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (escaped) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw new SelectorSyntaxException("invalid field selector: invalid escape sequence: \\" + c);
                }
                b.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',' || c == '=') {
                // Upstream prints the rune with %v, i.e. as its code point number.
                throw new SelectorSyntaxException("invalid field selector: unescaped character in value: " + (int) c);
            } else {
                b.append(c);
            }
        }
        if (escaped) {
            throw new SelectorSyntaxException("invalid field selector: invalid escape sequence: \\");
        }
        return b.toString();
    }

    /**
     * Rejects fields the resource does not index, with the message every upstream storage uses.
     *
     * @throws SelectorSyntaxException (400) {@code field label not supported: <field>} for the first unknown field
     */
    public void requireSupported(Set<String> supportedFields) {
        for (FieldRequirement r : requirements) {
            if (!supportedFields.contains(r.field())) {
                throw new SelectorSyntaxException("field label not supported: " + r.field());
            }
        }
    }

    /** True if every term holds; {@code fieldValue} reads a field of the object (null counts as empty). */
    public boolean matches(Function<String, String> fieldValue) {
        for (FieldRequirement r : requirements) {
            if (!r.matches(fieldValue.apply(r.field()))) {
                return false;
            }
        }
        return true;
    }

    /** The distinct fields the selector reads, in term order. */
    public Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        requirements.forEach(r -> fields.add(r.field()));
        return fields;
    }

    public List<FieldRequirement> requirements() {
        return requirements;
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** The value a {@code field=value} or {@code field==value} term pins, else null (lets callers narrow scans). */
    public String exactValue(String field) {
        for (FieldRequirement r : requirements) {
            if (r.field().equals(field) && r.operator() != Operator.NOT_EQUALS) {
                return r.value();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.join(",", requirements.stream().map(FieldRequirement::toString).toList());
    }
}
