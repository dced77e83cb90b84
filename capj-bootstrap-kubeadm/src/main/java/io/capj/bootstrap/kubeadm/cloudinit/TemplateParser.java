package io.capj.bootstrap.kubeadm.cloudinit;

import io.capj.bootstrap.kubeadm.cloudinit.TemplateLexer.ActionSegment;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateLexer.Kind;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateLexer.Segment;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateLexer.TextSegment;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateLexer.Token;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.BoolLiteral;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Comparison;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Expression;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Field;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.If;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Node;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Output;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Range;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.StringLiteral;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.Text;
import io.capj.bootstrap.kubeadm.cloudinit.TemplateTree.With;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link TemplateTree} from the lexer's segments. Block structure follows Go: {@code else if} (and
 * {@code else with}) chains share one {@code end}; a stray {@code else} or {@code end}, or a block left open,
 * is a syntax error. Valid Go that is outside the supported subset (functions other than {@code eq}/{@code ne},
 * pipes, variables, numbers, {@code template}/{@code define}...) is reported as unsupported, by name.
 */
final class TemplateParser {
    private static final Set<String> UNSUPPORTED_KEYWORDS =
            Set.of("define", "template", "block", "break", "continue", "nil");

    private final List<Segment> segments;
    private int next;
    /** The {@code else}/{@code end} action that ended the last {@link #list()}, or null at the end of input. */
    private ActionSegment stop;

    private TemplateParser(List<Segment> segments) {
        this.segments = segments;
    }

    /** The template's nodes; throws {@link GoTemplate.SyntaxError} or {@link GoTemplate.Unsupported}. */
    static List<Node> parse(List<Segment> segments) {
        TemplateParser parser = new TemplateParser(segments);
        List<Node> nodes = parser.list();
        if (parser.stop != null) {
            throw new GoTemplate.SyntaxError(parser.stop.line(), "unexpected {{" + keyword(parser.stop) + "}}");
        }
        return nodes;
    }

    private List<Node> list() {
        List<Node> nodes = new ArrayList<>();
        while (next < segments.size()) {
            Segment segment = segments.get(next++);
            if (segment instanceof TextSegment text) {
                nodes.add(new Text(text.text()));
                continue;
            }
            ActionSegment action = (ActionSegment) segment;
            if (action.tokens().isEmpty()) {
                throw new GoTemplate.SyntaxError(action.line(), "missing value for command");
            }
            String keyword = keyword(action);
            if (keyword.equals("else") || keyword.equals("end")) {
                stop = action;
                return nodes;
            }
            nodes.add(node(action, keyword));
        }
        stop = null;
        return nodes;
    }

    private Node node(ActionSegment action, String keyword) {
        List<Token> rest = action.tokens().subList(1, action.tokens().size());
        switch (keyword) {
            case "if":
                return conditional("if", expression(action.line(), rest), action.line());
            case "with":
                return conditional("with", expression(action.line(), rest), action.line());
            case "range":
                return range(expression(action.line(), rest), action.line());
            default:
                if (UNSUPPORTED_KEYWORDS.contains(keyword)) {
                    throw new GoTemplate.Unsupported(action.line(), "{{" + keyword + "}}");
                }
                return new Output(expression(action.line(), action.tokens()));
        }
    }

    /** {@code if} or {@code with}, its body, and an optional {@code else} / {@code else <same keyword>} chain. */
    private Node conditional(String keyword, Expression value, int line) {
        List<Node> then = list();
        ActionSegment ending = requireStop(keyword, line);
        List<Node> otherwise = List.of();
        if (keyword(ending).equals("else")) {
            List<Token> elseTokens = ending.tokens().subList(1, ending.tokens().size());
            if (elseTokens.isEmpty()) {
                otherwise = list();
                requireEnd(requireStop(keyword, line));
            } else if (elseTokens.get(0).kind() == Kind.IDENTIFIER && elseTokens.get(0).text().equals(keyword)) {
                Expression chained = expression(ending.line(), elseTokens.subList(1, elseTokens.size()));
                otherwise = List.of(conditional(keyword, chained, ending.line()));
            } else {
                throw new GoTemplate.SyntaxError(ending.line(), "unexpected \"" + elseTokens.get(0).text()
                        + "\" in else");
            }
        } else {
            requireEnd(ending);
        }
        return keyword.equals("if") ? new If(value, then, otherwise) : new With(value, then, otherwise);
    }

    private Node range(Expression value, int line) {
        List<Node> body = list();
        ActionSegment ending = requireStop("range", line);
        List<Node> otherwise = List.of();
        if (keyword(ending).equals("else")) {
            if (ending.tokens().size() > 1) {
                throw new GoTemplate.SyntaxError(ending.line(), "unexpected \"" + ending.tokens().get(1).text()
                        + "\" in else");
            }
            otherwise = list();
            ending = requireStop("range", line);
        }
        requireEnd(ending);
        return new Range(value, body, otherwise);
    }

    private ActionSegment requireStop(String keyword, int line) {
        if (stop == null) {
            throw new GoTemplate.SyntaxError(line, "unexpected EOF: {{" + keyword + "}} has no {{end}}");
        }
        return stop;
    }

    private static void requireEnd(ActionSegment ending) {
        if (!keyword(ending).equals("end")) {
            throw new GoTemplate.SyntaxError(ending.line(), "expected {{end}}, found {{" + keyword(ending) + "}}");
        }
        if (ending.tokens().size() > 1) {
            throw new GoTemplate.SyntaxError(ending.line(), "unexpected \"" + ending.tokens().get(1).text()
                    + "\" in end");
        }
    }

    private static String keyword(ActionSegment action) {
        Token first = action.tokens().get(0);
        return first.kind() == Kind.IDENTIFIER ? first.text() : "";
    }

    /** A pipeline of exactly one command: an operand, or {@code eq}/{@code ne} with operands. */
    private static Expression expression(int line, List<Token> tokens) {
        if (tokens.isEmpty()) {
            throw new GoTemplate.SyntaxError(line, "missing value for command");
        }
        for (Token token : tokens) {
            if (token.kind() == Kind.UNSUPPORTED) {
                throw new GoTemplate.Unsupported(line, "\"" + token.text() + "\"");
            }
        }
        Token first = tokens.get(0);
        if (first.kind() == Kind.IDENTIFIER && (first.text().equals("eq") || first.text().equals("ne"))) {
            return comparison(line, first.text(), tokens.subList(1, tokens.size()));
        }
        Expression operand = operand(line, first);
        if (tokens.size() > 1) {
            throw new GoTemplate.SyntaxError(line, "can't give argument to non-function " + first.text());
        }
        return operand;
    }

    private static Expression comparison(int line, String name, List<Token> arguments) {
        boolean negated = name.equals("ne");
        if (negated ? arguments.size() != 2 : arguments.size() < 2) {
            throw new GoTemplate.SyntaxError(line, "wrong number of args for " + name + ": want "
                    + (negated ? "2" : "at least 2") + " got " + arguments.size());
        }
        List<Expression> operands = new ArrayList<>();
        for (Token argument : arguments) {
            operands.add(operand(line, argument));
        }
        return new Comparison(negated, operands);
    }

    private static Expression operand(int line, Token token) {
        switch (token.kind()) {
            case FIELD:
                return new Field(Arrays.asList(token.text().substring(1).split("\\.")));
            case DOT:
                return new Field(List.of());
            case STRING:
                return new StringLiteral(token.text());
            case IDENTIFIER:
                if (token.text().equals("true") || token.text().equals("false")) {
                    return new BoolLiteral(token.text().equals("true"));
                }
                throw new GoTemplate.Unsupported(line, "function \"" + token.text() + "\"");
            default:
                throw new GoTemplate.Unsupported(line, "\"" + token.text() + "\"");
        }
    }
}
