package io.capj.apimachinery.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a label selector string into tokens the way upstream's lexer does: whitespace separates, the symbols
 * {@code = ! ( ) , > <} form the longest known operator, {@code in} and {@code notin} are keywords, and anything
 * else up to a symbol or whitespace is an identifier (validation happens later, so {@code a$b} lexes fine).
 */
final class LabelSelectorLexer {

    enum Kind { END, IDENTIFIER, IN, NOT_IN, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER, LESS, OPEN, CLOSE, COMMA }

    record Token(Kind kind, String literal) {
    }

    private static final Map<String, Kind> SYMBOLS = Map.of(
            "!", Kind.NOT, "!=", Kind.NOT_EQUALS, "=", Kind.EQUALS, "==", Kind.DOUBLE_EQUALS,
            ">", Kind.GREATER, "<", Kind.LESS, "(", Kind.OPEN, ")", Kind.CLOSE, ",", Kind.COMMA);

    private final String input;
    private int pos;

    private LabelSelectorLexer(String input) {
        this.input = input;
    }

    /** All tokens of the input, always ending with one {@link Kind#END}. */
    static List<Token> tokenize(String input) {
        LabelSelectorLexer lexer = new LabelSelectorLexer(input);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        while (pos < input.length() && isWhitespace(input.charAt(pos))) {
            pos++;
        }
        if (pos >= input.length()) {
            return new Token(Kind.END, "");
        }
        return isSymbol(input.charAt(pos)) ? symbol() : word();
    }

    /** The longest run of symbol characters that still spells a known operator. */
    private Token symbol() {
        int start = pos;
        Kind matched = null;
        int matchedEnd = pos;
        while (pos < input.length() && isSymbol(input.charAt(pos))) {
            Kind k = SYMBOLS.get(input.substring(start, pos + 1));
            if (k == null && matched != null) {
                break;
            }
            pos++;
            if (k != null) {
                matched = k;
                matchedEnd = pos;
            }
        }
        pos = matchedEnd;
        return new Token(matched, input.substring(start, matchedEnd));
    }

    private Token word() {
        int start = pos;
        while (pos < input.length() && !isSymbol(input.charAt(pos)) && !isWhitespace(input.charAt(pos))) {
            pos++;
        }
        String word = input.substring(start, pos);
        return switch (word) {
            case "in" -> new Token(Kind.IN, word);
            case "notin" -> new Token(Kind.NOT_IN, word);
            default -> new Token(Kind.IDENTIFIER, word);
        };
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSymbol(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }
}
