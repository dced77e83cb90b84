package io.capj.apimachinery.jsonpath;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.capj.apimachinery.jsonpath.PathNode.Bound;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a JSONPath template ({@code text {action} text ...}) into {@link PathNode.Segment}s with client-go's
 * grammar and error texts. Bracket contents are re-parsed as actions of their own (unions, {@code ['key']} as
 * {@code .key}, filter operands), which is why {@code ['a.b']} means {@code .a.b} here as upstream.
 */
final class JsonPathParser {
    private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
    private static final Pattern SLICE = Pattern.compile("^(-?\\d*)(:-?\\d*)?(:-?\\d*)?$");
    private static final Pattern COMPARISON = Pattern.compile("^([^!<>=]+)([!<>=]+)(.+?)$");

    private final String input;
    private int pos;

    private JsonPathParser(String input) {
        this.input = input;
    }

    static List<PathNode.Segment> parseTemplate(String template) {
        return new JsonPathParser(template).segments();
    }

    /** Parses {@code text} as the inside of one action. */
    private static List<PathNode> parseAction(String text) {
        return parseTemplate("{" + text + "}").get(0).action();
    }

    private List<PathNode.Segment> segments() {
        List<PathNode.Segment> segments = new ArrayList<>();
        while (pos < input.length()) {
            int open = input.indexOf('{', pos);
            int textEnd = open < 0 ? input.length() : open;
            if (textEnd > pos) {
                segments.add(new PathNode.Segment(input.substring(pos, textEnd), null));
            }
            if (open < 0) {
                break;
            }
            pos = open + 1;
            List<PathNode> action = new ArrayList<>();
            parseAction(action);
            segments.add(new PathNode.Segment(null, action));
        }
        return segments;
    }

    /** Consumes one action up to and including its closing brace. */
    private void parseAction(List<PathNode> cur) {
        while (true) {
            if (input.startsWith("}", pos)) {
                pos++;
                return;
            }
            if (input.startsWith("[?(", pos)) {
                parseFilter(cur);
                continue;
            }
            if (input.startsWith("..", pos)) {
                parseRecursive(cur);
                continue;
            }
            if (pos >= input.length() || input.charAt(pos) == '\r' || input.charAt(pos) == '\n') {
                throw new JsonPathException("unclosed action");
            }
            parseStep(cur, input.charAt(pos++));
        }
    }

    private void parseStep(List<PathNode> cur, char c) {
        if (c == ' ' || c == '@' || c == '$') {
            return; // whitespace and the current/root markers carry no meaning here
        }
        if (c == '[') {
            parseBracket(cur);
        } else if (c == '"' || c == '\'') {
            parseQuote(cur, c);
        } else if (c == '.') {
            parseField(cur);
        } else if (c == '+' || c == '-' || Character.isDigit(c)) {
            pos--;
            parseNumber(cur);
        } else if (isAlphaNumeric(c)) {
            pos--;
            parseIdentifier(cur);
        } else {
            int cp = input.codePointAt(pos - 1);
            throw new JsonPathException(String.format("unrecognized character in action: U+%04X '%s'",
                    cp, new String(Character.toChars(cp))));
        }
    }

    private void parseField(List<PathNode> cur) {
        int start = pos;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '\\') {
                pos = Math.min(pos + 2, input.length());
            } else if (isTerminator(c)) {
                break;
            } else {
                pos++;
            }
        }
        String value = input.substring(start, pos);
        cur.add(value.equals("*") ? new PathNode.Wildcard() : new PathNode.Field(value.replace("\\", "")));
    }

    private void parseRecursive(List<PathNode> cur) {
        if (!cur.isEmpty() && cur.get(cur.size() - 1) instanceof PathNode.Recursive) {
            throw new JsonPathException("invalid multiple recursive descent");
        }
        pos += 2;
        cur.add(new PathNode.Recursive());
        if (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
            parseField(cur);
        }
    }

    private void parseNumber(List<PathNode> cur) {
        int start = pos;
        if (input.charAt(pos) == '+' || input.charAt(pos) == '-') {
            pos++;
        }
        while (pos < input.length() && (input.charAt(pos) == '.' || Character.isDigit(input.charAt(pos)))) {
            pos++;
        }
        String text = input.substring(start, pos);
        try {
            cur.add(new PathNode.Literal(LongNode.valueOf(Long.parseLong(text)), true));
            return;
        } catch (NumberFormatException notAnInteger) {
            // fall through to a float, as strconv.Atoi then ParseFloat
        }
        try {
            cur.add(new PathNode.Literal(DoubleNode.valueOf(Double.parseDouble(text)), true));
        } catch (NumberFormatException e) {
            throw new JsonPathException("cannot parse number " + text);
        }
    }

    private void parseIdentifier(List<PathNode> cur) {
        int start = pos;
        while (pos < input.length() && !isTerminator(input.charAt(pos))) {
            pos++;
        }
        String word = input.substring(start, pos);
        if (word.equals("true") || word.equals("false")) {
            cur.add(new PathNode.Literal(BooleanNode.valueOf(word.equals("true")), true));
        } else {
            cur.add(new PathNode.Identifier(word));
        }
    }

    private void parseQuote(List<PathNode> cur, char quote) {
        int start = pos - 1;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                throw new JsonPathException("unterminated quoted string");
            }
            char c = input.charAt(pos++);
            if (c == quote && input.charAt(pos - 2) != '\\') {
                break;
            }
        }
        String quoted = input.substring(start, pos);
        cur.add(new PathNode.Literal(TextNode.valueOf(GoStrings.unquote(quoted)), false));
    }

    /** After {@code [}: a union, a quoted key, or an index/slice. */
    private void parseBracket(List<PathNode> cur) {
        int start = pos;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                throw new JsonPathException("unterminated array");
            }
            if (input.charAt(pos++) == ']') {
                break;
            }
        }
        String text = input.substring(start, pos - 1);
        if (text.equals("*")) {
            text = ":";
        }
        if (text.contains(",")) {
            List<List<PathNode>> branches = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                branches.add(parseAction("[" + trimSpaces(part) + "]"));
            }
            cur.add(new PathNode.Union(branches));
            return;
        }
        Matcher key = DICT_KEY.matcher(text);
        if (key.matches()) {
            cur.addAll(parseAction("." + key.group(1)));
            return;
        }
        cur.add(parseSlice(text));
    }

    private static PathNode parseSlice(String text) {
        Matcher m = SLICE.matcher(text);
        if (!m.matches()) {
            throw new JsonPathException("invalid array index " + text);
        }
        Bound[] bounds = new Bound[3];
        for (int i = 0; i < 3; i++) {
            String group = m.group(i + 1) == null ? "" : m.group(i + 1);
            if (group.isEmpty()) {
                // "[n]" is "[n:n+1]"; the derived end lets "[-1]" reach the last element.
                bounds[i] = i == 1 ? new Bound(true, bounds[0].value() + 1, true) : Bound.UNKNOWN;
                continue;
            }
            String digits = i > 0 ? group.substring(1) : group;
            if (i > 0 && digits.isEmpty()) {
                bounds[i] = Bound.UNKNOWN;
                continue;
            }
            try {
                bounds[i] = new Bound(true, Integer.parseInt(digits), false);
            } catch (NumberFormatException e) {
                throw new JsonPathException("array index " + digits + " is not a number");
            }
        }
        return new PathNode.Slice(bounds[0], bounds[1], bounds[2]);
    }

    private void parseFilter(List<PathNode> cur) {
        pos += 3;
        int start = pos;
        boolean begin = false;
        boolean end = false;
        char pair = 0;
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                throw new JsonPathException("unterminated filter");
            }
            char c = input.charAt(pos++);
            if ((c == '"' || c == '\'') && !begin) {
                begin = true;
                pair = c;
            } else if (c == pair && input.charAt(pos - 2) != '\\') {
                end = true;
            } else if (c == ')' && begin == end) {
                break;
            }
        }
        if (pos >= input.length() || input.charAt(pos++) != ']') {
            throw new JsonPathException("unclosed array expect ]");
        }
        String text = input.substring(start, pos - 2);
        Matcher m = COMPARISON.matcher(text);
        if (!m.matches()) {
            cur.add(new PathNode.Filter(parseAction(text), List.of(), "exists"));
        } else {
            cur.add(new PathNode.Filter(parseAction(m.group(1)), parseAction(m.group(3)), m.group(2)));
        }
    }

    private static String trimSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isTerminator(char c) {
        return switch (c) {
            case ' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}' -> true;
            default -> false;
        };
    }

    private static boolean isAlphaNumeric(char c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
    }
}
