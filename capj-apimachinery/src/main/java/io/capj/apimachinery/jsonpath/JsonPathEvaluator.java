package io.capj.apimachinery.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies parsed steps to JSON values with client-go's semantics: nulls are skipped, missing keys either vanish
 * or fail ({@code allowMissingKeys}), index errors always fail, and filters compare with Go template rules.
 */
final class JsonPathEvaluator {
    private final boolean allowMissingKeys;

    JsonPathEvaluator(boolean allowMissingKeys) {
        this.allowMissingKeys = allowMissingKeys;
    }

    List<JsonNode> evalList(List<JsonNode> input, List<PathNode> steps) {
        List<JsonNode> current = input;
        for (PathNode step : steps) {
            current = walk(current, step);
        }
        return current;
    }

    private List<JsonNode> walk(List<JsonNode> input, PathNode step) {
        if (step instanceof PathNode.Field f) {
            return field(input, f.name());
        } else if (step instanceof PathNode.Slice s) {
            return slice(input, s);
        } else if (step instanceof PathNode.Filter f) {
            return filter(input, f);
        } else if (step instanceof PathNode.Wildcard) {
            List<JsonNode> out = new ArrayList<>();
            input.stream().filter(v -> !isNil(v)).forEach(v -> out.addAll(children(v)));
            return out;
        } else if (step instanceof PathNode.Recursive) {
            return recursive(input);
        } else if (step instanceof PathNode.Union u) {
            List<JsonNode> out = new ArrayList<>();
            u.branches().forEach(branch -> out.addAll(evalList(input, branch)));
            return out;
        } else if (step instanceof PathNode.Literal l) {
            return l.perInput() ? input.stream().map(v -> l.value()).toList() : List.of(l.value());
        } else {
            String name = ((PathNode.Identifier) step).name();
            throw new JsonPathException(name.equals("range") || name.equals("end")
                    ? "range and end are not supported" : "unrecognized identifier " + name);
        }
    }

    private List<JsonNode> field(List<JsonNode> input, String name) {
        if (name.isEmpty()) {
            return input;
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : input) {
            JsonNode child = isNil(v) || !v.isObject() ? null : v.get(name);
            if (child != null) {
                out.add(child);
            }
        }
        if (out.isEmpty() && !input.isEmpty() && !allowMissingKeys) {
            throw new JsonPathException(name + " is not found");
        }
        return out;
    }

    private List<JsonNode> slice(List<JsonNode> input, PathNode.Slice s) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : input) {
            if (isNil(v)) {
                continue;
            }
            if (!v.isArray()) {
                throw new JsonPathException(GoValues.typeName(v) + " is not array or slice");
            }
            int len = v.size();
            int start = s.start().known() ? s.start().value() : 0;
            start = start < 0 ? start + len : start;
            int end = s.end().known() ? s.end().value() : len;
            if (end < 0 || (end == 0 && s.end().derived())) {
                end += len;
            }
            if (end == start) {
                return out; // upstream stops at the first empty selection
            }
            checkBounds(start, end, len);
            int step = 1;
            if (s.step().known()) {
                if (s.step().value() <= 0) {
                    throw new JsonPathException("step must be > 0");
                }
                step = s.step().value();
            }
            for (int i = start; i < end; i += step) {
                out.add(v.get(i));
            }
        }
        return out;
    }

    private static void checkBounds(int start, int end, int len) {
        if (start >= len || start < 0) {
            throw new JsonPathException("array index out of bounds: index " + start + ", length " + len);
        }
        if (end > len || end < 0) {
            throw new JsonPathException("array index out of bounds: index " + (end - 1) + ", length " + len);
        }
        if (start > end) {
            throw new JsonPathException("starting index " + start + " is greater than ending index " + end);
        }
    }

    private List<JsonNode> filter(List<JsonNode> input, PathNode.Filter f) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : input) {
            if (v == null || !v.isArray()) {
                String shown = isNil(v) ? "<invalid reflect.Value>" : JsonPathPrinter.text(v);
                throw new JsonPathException(shown + " is not array or slice and cannot be filtered");
            }
            for (JsonNode element : v) {
                if (keeps(element, f)) {
                    out.add(element);
                }
            }
        }
        return out;
    }

    private boolean keeps(JsonNode element, PathNode.Filter f) {
        if (f.operator().equals("exists")) {
            try {
                return !evalList(List.of(element), f.left()).isEmpty();
            } catch (JsonPathException missing) {
                return false;
            }
        }
        JsonNode left = single(evalList(List.of(element), f.left()));
        if (left == null) {
            return false;
        }
        JsonNode right = single(evalList(List.of(element), f.right()));
        return right != null && GoValues.compare(left, f.operator(), right);
    }

    /** The one operand value, null when there is none (the element is skipped), an error when several. */
    private static JsonNode single(List<JsonNode> values) {
        if (values.size() > 1) {
            throw new JsonPathException("can only compare one element at a time");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private List<JsonNode> recursive(List<JsonNode> input) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : input) {
            if (isNil(v)) {
                continue;
            }
            List<JsonNode> children = children(v);
            if (!children.isEmpty()) {
                out.add(v);
                out.addAll(recursive(children));
            }
        }
        return out;
    }

    /** Object values, array elements, or (as Go indexes strings) the bytes of a string. */
    private static List<JsonNode> children(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isContainerNode()) {
            v.elements().forEachRemaining(out::add);
        } else if (v.isTextual()) {
            for (byte b : v.textValue().getBytes(StandardCharsets.UTF_8)) {
                out.add(IntNode.valueOf(b & 0xff));
            }
        }
        return out;
    }

    private static boolean isNil(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }
}
