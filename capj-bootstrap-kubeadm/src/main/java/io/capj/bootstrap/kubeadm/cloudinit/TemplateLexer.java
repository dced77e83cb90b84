package io.capj.bootstrap.kubeadm.cloudinit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Go text/template source into text and actions, as Go's lexer does: {@code {{- } and {@code -}}}
 * trim the white space on their side (a trim marker needs a space next to it, as in Go), comments
 * {@code {{/* ... *}{@code /}}} disappear, and each action becomes a list of tokens. Tokens outside the
 * supported subset are kept as {@link Kind#UNSUPPORTED} so the parser can name them.
 */
final class TemplateLexer {
    /** What a token is. */
    enum Kind { FIELD, DOT, STRING, IDENTIFIER, UNSUPPORTED }

    /** One token of an action; {@code text} is the field chain, the unquoted string or the source text. */
    record Token(Kind kind, String text) {
    }

    /** A piece of the source: text or an action. */
    sealed interface Segment permits TextSegment, ActionSegment {
    }

    record TextSegment(String text) implements Segment {
    }

    record ActionSegment(List<Token> tokens, int line) implements Segment {
    }

    private final String source;
    private final List<Segment> segments = new ArrayList<>();
    private final StringBuilder pendingText = new StringBuilder();
    private int position;
    private int line = 1;
    private boolean trimNextText;

    private TemplateLexer(String source) {
        this.source = source;
    }

    /** The segments of {@code source}; throws {@link GoTemplate.SyntaxError} on malformed actions. */
    static List<Segment> segments(String source) {
        TemplateLexer lexer = new TemplateLexer(source);
        lexer.run();
        return lexer.segments;
    }

    private void run() {
        while (position < source.length()) {
            int open = source.indexOf("{{", position);
            if (open < 0) {
                addText(source.substring(position));
                break;
            }
            addText(source.substring(position, open));
            position = open + 2;
            if (hasLeftTrimMarker()) {
                trimPendingTextEnd();
                line += source.charAt(position + 1) == '\n' ? 1 : 0;
                position += 2;
            }
            flushText();
            if (source.startsWith("/*", position)) {
                skipComment();
            } else {
                segments.add(new ActionSegment(actionTokens(), line));
            }
        }
        flushText();
    }

    private boolean hasLeftTrimMarker() {
        return position + 1 < source.length() && source.charAt(position) == '-'
                && isSpace(source.charAt(position + 1));
    }

    private void addText(String text) {
        String kept = text;
        if (trimNextText) {
            kept = stripLeadingSpace(kept);
            trimNextText = false;
        }
        pendingText.append(kept);
        line += count(text, '\n');
    }

    private void trimPendingTextEnd() {
        int end = pendingText.length();
        while (end > 0 && isSpace(pendingText.charAt(end - 1))) {
            end--;
        }
        pendingText.setLength(end);
    }

    private void flushText() {
        if (pendingText.length() > 0) {
            segments.add(new TextSegment(pendingText.toString()));
            pendingText.setLength(0);
        }
    }

    private void skipComment() {
        int end = source.indexOf("*/", position + 2);
        if (end < 0) {
            throw syntax("unclosed comment");
        }
        line += count(source.substring(position, end), '\n');
        position = end + 2;
        if (!closeAction()) {
            throw syntax("comment ends before closing delimiter");
        }
    }

    /** Consumes {@code }}} or {@code  -}}} at the current position; false when neither is there. */
    private boolean closeAction() {
        if (source.startsWith("}}", position)) {
            position += 2;
            return true;
        }
        if (position < source.length() && isSpace(source.charAt(position))
                && source.startsWith("-}}", position + 1)) {
            line += source.charAt(position) == '\n' ? 1 : 0;
            position += 4;
            trimNextText = true;
            return true;
        }
        return false;
    }

    private List<Token> actionTokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            if (position >= source.length()) {
                throw syntax("unclosed action");
            }
            if (closeAction()) {
                return tokens;
            }
            char c = source.charAt(position);
            if (isSpace(c)) {
                line += c == '\n' ? 1 : 0;
                position++;
            } else {
                tokens.add(token(c));
            }
        }
    }

    private Token token(char c) {
        if (c == '.') {
            return fieldOrDot();
        }
        if (c == '"') {
            return new Token(Kind.STRING, quotedString());
        }
        if (c == '`') {
            return new Token(Kind.STRING, rawString());
        }
        if (isIdentifierStart(c)) {
            return new Token(Kind.IDENTIFIER, identifier());
        }
        return unsupportedToken(c);
    }

    private Token fieldOrDot() {
        StringBuilder chain = new StringBuilder();
        while (position + 1 < source.length() && source.charAt(position) == '.'
                && isIdentifierStart(source.charAt(position + 1))) {
            position++;
            chain.append('.').append(identifier());
        }
        if (chain.length() == 0) {
            position++;
            return new Token(Kind.DOT, ".");
        }
        return new Token(Kind.FIELD, chain.toString());
    }

    private String identifier() {
        int start = position;
        while (position < source.length() && isIdentifierPart(source.charAt(position))) {
            position++;
        }
        return source.substring(start, position);
    }

    private String rawString() {
        int end = source.indexOf('`', position + 1);
        if (end < 0) {
            throw syntax("unterminated raw quoted string");
        }
        String text = source.substring(position + 1, end);
        line += count(text, '\n');
        position = end + 1;
        return text;
    }

    private String quotedString() {
        StringBuilder text = new StringBuilder();
        position++;
        while (true) {
            if (position >= source.length() || source.charAt(position) == '\n') {
                throw syntax("unterminated quoted string");
            }
            char c = source.charAt(position++);
            if (c == '"') {
                return text.toString();
            }
            if (c == '\\') {
                position = GoStringEscape.decode(source, position, text, this::syntax);
            } else {
                text.append(c);
            }
        }
    }

    /** Valid Go template syntax this renderer does not run: variables, numbers, characters, pipes... */
    private Token unsupportedToken(char c) {
        int start = position;
        if (c == '$') {
            position++;
            identifier();
        } else if (Character.isDigit(c) || ((c == '-' || c == '+') && position + 1 < source.length()
                && Character.isDigit(source.charAt(position + 1)))) {
            position++;
            while (position < source.length() && (Character.isLetterOrDigit(source.charAt(position))
                    || "._+-".indexOf(source.charAt(position)) >= 0)) {
                position++;
            }
        } else if (c == '\'') {
            int end = source.indexOf('\'', position + 1);
            position = end < 0 ? source.length() : end + 1;
        } else if (source.startsWith(":=", position)) {
            position += 2;
        } else if ("()|,=".indexOf(c) >= 0) {
            position++;
        } else {
            throw syntax("unexpected \"" + c + "\" in action");
        }
        return new Token(Kind.UNSUPPORTED, source.substring(start, position));
    }

    private GoTemplate.SyntaxError syntax(String message) {
        return new GoTemplate.SyntaxError(line, message);
    }

    private static String stripLeadingSpace(String text) {
        int start = 0;
        while (start < text.length() && isSpace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    private static int count(String text, char wanted) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == wanted ? 1 : 0;
        }
        return n;
    }

    /** Go's trim markers and actions treat exactly these as white space. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isIdentifierPart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
