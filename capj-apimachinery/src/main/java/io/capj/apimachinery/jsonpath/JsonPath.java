package io.capj.apimachinery.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled client-go JSONPath. {@link #compile} accepts what kubectl accepts for custom columns ({@code .a.b},
 * {@code a.b}, {@code {.a.b}}, {@code {a.b}}) and any full template; {@link #template} parses a template exactly as
 * client-go does (the CRD table converter uses {@code "{" + jsonPath + "}"}). Missing keys yield no result unless
 * {@link #strict()} is asked for. Instances are immutable and thread-safe; compile once, evaluate often.
 */
public final class JsonPath {
    private static final Pattern RELAXED = Pattern.compile("^\\{\\.?([^{}]+)\\}$|^\\.?([^{}]+)$");

    private final String expression;
    private final List<PathNode.Segment> segments;
    private final boolean allowMissingKeys;

    private JsonPath(String expression, List<PathNode.Segment> segments, boolean allowMissingKeys) {
        this.expression = expression;
        this.segments = segments;
        this.allowMissingKeys = allowMissingKeys;
    }

    /**
     * Compiles a path, adding the braces and the leading dot when absent (kubectl's relaxed form).
     *
     * @throws JsonPathException with upstream's parse error, e.g. {@code unterminated filter}
     */
    public static JsonPath compile(String expression) {
        Matcher m = RELAXED.matcher(expression);
        String template = expression;
        if (m.matches()) {
            template = "{." + (m.group(1) != null ? m.group(1) : m.group(2)) + "}";
        }
        return new JsonPath(expression, JsonPathParser.parseTemplate(template), true);
    }

    /** Compiles a template verbatim: text outside braces is literal output, each {@code {...}} an action. */
    public static JsonPath template(String template) {
        return new JsonPath(template, JsonPathParser.parseTemplate(template), true);
    }

    /** The same path, but a missing key fails with {@code <key> is not found} as client-go's default does. */
    public JsonPath strict() {
        return new JsonPath(expression, segments, false);
    }

    /**
     * All results of all template parts, in order; a path that fails on this document (index out of bounds,
     * uncomparable filter operands, ...) has no results, as CRD printer columns treat it.
     */
    public List<JsonNode> find(JsonNode document) {
        try {
            List<JsonNode> all = new ArrayList<>();
            findResults(document).forEach(all::addAll);
            return all;
        } catch (JsonPathException e) {
            return List.of();
        }
    }

    /**
     * The results of each template part (client-go's {@code FindResults}): literal text yields itself.
     *
     * @throws JsonPathException when evaluation fails on this document
     */
    public List<List<JsonNode>> findResults(JsonNode document) {
        JsonPathEvaluator evaluator = new JsonPathEvaluator(allowMissingKeys);
        List<List<JsonNode>> results = new ArrayList<>();
        for (PathNode.Segment segment : segments) {
            results.add(segment.action() == null
                    ? List.of(TextNode.valueOf(segment.text()))
                    : evaluator.evalList(List.of(document), segment.action()));
        }
        return results;
    }

    /**
     * The template's text output, as {@code kubectl get -o jsonpath=...} prints it (values via
     * {@link JsonPathPrinter}).
     *
     * @throws JsonPathException when evaluation fails on this document
     */
    public String execute(JsonNode document) {
        StringBuilder out = new StringBuilder();
        for (List<JsonNode> part : findResults(document)) {
            out.append(JsonPathPrinter.text(part));
        }
        return out.toString();
    }

    /** The expression as given. */
    @Override
    public String toString() {
        return expression;
    }
}
