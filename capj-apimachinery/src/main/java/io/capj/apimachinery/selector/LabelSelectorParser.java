package io.capj.apimachinery.selector;

import io.capj.apimachinery.FieldError;
import io.capj.apimachinery.selector.LabelSelectorLexer.Kind;
import io.capj.apimachinery.selector.LabelSelectorLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Recursive-descent parser for the label selector grammar
 * ({@code [!]KEY [ (in|notin) (v,...) | (=|==|!=|>|<) VALUE ]}, comma-separated), producing upstream's error
 * texts. {@code in} and {@code notin} are keywords only where an operator is expected, so {@code in in (in)}
 * is valid.
 */
final class LabelSelectorParser {
    private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    private final List<Token> tokens;
    private int position;

    private LabelSelectorParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<LabelRequirement> parse(String selector) {
        return new LabelSelectorParser(LabelSelectorLexer.tokenize(selector)).requirements();
    }

    private List<LabelRequirement> requirements() {
        List<LabelRequirement> result = new ArrayList<>();
        while (true) {
            Token t = peekValue();
            if (t.kind() == Kind.END) {
                return result;
            }
            if (t.kind() != Kind.IDENTIFIER && t.kind() != Kind.NOT) {
                throw error("found '" + t.literal() + "', expected: !, identifier, or 'end of string'");
            }
            result.add(requirementWithContext());
            Token separator = nextValue();
            if (separator.kind() == Kind.END) {
                return result;
            }
            if (separator.kind() != Kind.COMMA) {
                throw error("found '" + separator.literal() + "', expected: ',' or 'end of string'");
            }
            Token after = peekValue();
            if (after.kind() != Kind.IDENTIFIER && after.kind() != Kind.NOT) {
                throw error("found '" + after.literal() + "', expected: identifier after ','");
            }
        }
    }

    private LabelRequirement requirementWithContext() {
        try {
            return requirement();
        } catch (SelectorSyntaxException e) {
            throw error("unable to parse requirement: " + e.getMessage());
        }
    }

    private LabelRequirement requirement() {
        boolean negated = false;
        Token key = nextValue();
        if (key.kind() == Kind.NOT) {
            negated = true;
            key = nextValue();
        }
        if (key.kind() != Kind.IDENTIFIER) {
            throw error("found '" + key.literal() + "', expected: identifier");
        }
        List<String> keyErrors = LabelSyntax.keyErrors(key.literal());
        if (!keyErrors.isEmpty()) {
            // Upstream validates the bare key with a nil field path, hence "<nil>".
            throw error(FieldError.invalid("<nil>", key.literal(), String.join("; ", keyErrors)).toString());
        }
        Kind following = peekValue().kind();
        if (negated) {
            return LabelRequirement.of(key.literal(), Operator.DOES_NOT_EXIST, List.of());
        }
        if (following == Kind.END || following == Kind.COMMA) {
            return LabelRequirement.of(key.literal(), Operator.EXISTS, List.of());
        }
        Operator op = operator();
        List<String> values = op == Operator.IN || op == Operator.NOT_IN ? valueSet() : exactValue();
        return LabelRequirement.of(key.literal(), op, values);
    }

    private Operator operator() {
        Token t = tokens.get(position++);
        return switch (t.kind()) {
            case IN -> Operator.IN;
            case NOT_IN -> Operator.NOT_IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            case GREATER -> Operator.GREATER_THAN;
            case LESS -> Operator.LESS_THAN;
            default -> throw error("found '" + t.literal() + "', expected: " + BINARY_OPERATORS);
        };
    }

    /** {@code (a,b,,c)}: a set, so duplicates collapse and the order is sorted as upstream's sets.String. */
    private List<String> valueSet() {
        Token open = nextValue();
        if (open.kind() != Kind.OPEN) {
            throw error("found '" + open.literal() + "' expected: '('");
        }
        Token first = peekValue();
        switch (first.kind()) {
            case CLOSE -> {
                position++;
                return List.of("");
            }
            case IDENTIFIER, COMMA -> {
                List<String> values = identifierList();
                if (nextValue().kind() != Kind.CLOSE) {
                    throw error("found '" + first.literal() + "', expected: ')'");
                }
                return values;
            }
            default -> throw error("found '" + first.literal() + "', expected: ',', ')' or identifier");
        }
    }

    /** Comma-separated, possibly empty identifiers up to (not including) the closing parenthesis. */
    private List<String> identifierList() {
        TreeSet<String> values = new TreeSet<>();
        while (true) {
            Token t = nextValue();
            if (t.kind() == Kind.IDENTIFIER) {
                values.add(t.literal());
                Token after = peekValue();
                if (after.kind() == Kind.CLOSE) {
                    return List.copyOf(values);
                }
                if (after.kind() != Kind.COMMA) {
                    throw error("found '" + after.literal() + "', expected: ',' or ')'");
                }
            } else if (t.kind() == Kind.COMMA) {
                // A comma with nothing before or after it stands for the empty value.
                if (values.isEmpty()) {
                    values.add("");
                }
                Kind after = peekValue().kind();
                if (after == Kind.CLOSE || after == Kind.COMMA) {
                    values.add("");
                }
                if (after == Kind.CLOSE) {
                    return List.copyOf(values);
                }
            } else {
                throw error("found '" + t.literal() + "', expected: ',', or identifier");
            }
        }
    }

    private List<String> exactValue() {
        Kind next = peekValue().kind();
        if (next == Kind.END || next == Kind.COMMA) {
            return List.of("");
        }
        Token t = nextValue();
        if (t.kind() != Kind.IDENTIFIER) {
            throw error("found '" + t.literal() + "', expected: identifier");
        }
        return List.of(t.literal());
    }

    /** The current token, with keywords read as identifiers (they are valid keys and values). */
    private Token peekValue() {
        return asValue(tokens.get(position));
    }

    private Token nextValue() {
        return asValue(tokens.get(position++));
    }

    private static Token asValue(Token t) {
        return t.kind() == Kind.IN || t.kind() == Kind.NOT_IN ? new Token(Kind.IDENTIFIER, t.literal()) : t;
    }

    private static SelectorSyntaxException error(String message) {
        return new SelectorSyntaxException(message);
    }
}
