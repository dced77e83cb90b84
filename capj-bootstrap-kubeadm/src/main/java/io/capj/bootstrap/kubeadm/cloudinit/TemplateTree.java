package io.capj.bootstrap.kubeadm.cloudinit;

import java.util.List;

/**
 * The parsed form of a file template: the subset of Go's text/template that {@link GoTemplate} supports. Nodes
 * are text, printed values and the {@code if}, {@code with} and {@code range} blocks; expressions are field
 * chains (the empty chain is dot), string and boolean literals and the {@code eq} / {@code ne} comparisons.
 */
final class TemplateTree {
    private TemplateTree() {
    }

    /** A piece of the template body. */
    sealed interface Node permits Text, Output, If, With, Range {
    }

    /** Literal text, already trimmed by any adjacent trim markers. */
    record Text(String text) implements Node {
    }

    /** {@code {{ expression }}}: prints the value. */
    record Output(Expression expression) implements Node {
    }

    /** {@code {{ if }}}; {@code {{ else if }}} is an {@code If} alone in {@code otherwise}. */
    record If(Expression condition, List<Node> then, List<Node> otherwise) implements Node {
    }

    /** {@code {{ with }}}: like {@code if}, with dot set to the value inside {@code then}. */
    record With(Expression value, List<Node> then, List<Node> otherwise) implements Node {
    }

    /** {@code {{ range }}} over a list or a map (in key order); {@code otherwise} runs when it is empty. */
    record Range(Expression value, List<Node> body, List<Node> otherwise) implements Node {
    }

    /** Something that evaluates to a value. */
    sealed interface Expression permits Field, StringLiteral, BoolLiteral, Comparison {
    }

    /** {@code .a.b}; an empty path is dot itself. */
    record Field(List<String> path) implements Expression {
    }

    /** {@code "text"} or {@code `text`}. */
    record StringLiteral(String value) implements Expression {
    }

    /** {@code true} or {@code false}. */
    record BoolLiteral(boolean value) implements Expression {
    }

    /** {@code eq a b c...} (a equals any of the others), or {@code ne a b} when {@code negated}. */
    record Comparison(boolean negated, List<Expression> operands) implements Expression {
    }
}
