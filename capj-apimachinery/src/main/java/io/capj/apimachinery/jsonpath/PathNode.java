package io.capj.apimachinery.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One step of a parsed JSONPath action; an action is a list of steps applied left to right. */
sealed interface PathNode {

    /** {@code .name}: a key of an object; the empty name (from {@code .} alone) keeps the input. */
    record Field(String name) implements PathNode {
    }

    /** {@code .*} or {@code [*]}: every value of an object or element of an array. */
    record Wildcard() implements PathNode {
    }

    /** {@code ..}: every container below (and including) the input, depth first. */
    record Recursive() implements PathNode {
    }

    /** {@code [n]}, {@code [a:b]}, {@code [a:b:s]}. */
    record Slice(Bound start, Bound end, Bound step) implements PathNode {
    }

    /**
     * One slice parameter: {@code known} false when omitted; {@code derived} marks the end of a single index
     * ({@code [n]} means {@code [n:n+1]}), which upstream treats specially for {@code [-1]}.
     */
    record Bound(boolean known, int value, boolean derived) {
        static final Bound UNKNOWN = new Bound(false, 0, false);
    }

    /** {@code [?(left op right)]}, or {@code [?(left)]} with operator {@code exists}. */
    record Filter(List<PathNode> left, List<PathNode> right, String operator) implements PathNode {
    }

    /** {@code [a,b]}: the results of each branch, concatenated. */
    record Union(List<List<PathNode>> branches) implements PathNode {
    }

    /**
     * A quoted string, number or boolean. Strings replace the input with one value; numbers and booleans yield
     * one copy per input, as upstream does.
     */
    record Literal(JsonNode value, boolean perInput) implements PathNode {
    }

    /** A bare word; upstream only knows {@code range} and {@code end}, so evaluating one is an error. */
    record Identifier(String name) implements PathNode {
    }

    /** A top-level piece of a template: literal text outside braces, or an action inside them. */
    record Segment(String text, List<PathNode> action) {
    }
}
