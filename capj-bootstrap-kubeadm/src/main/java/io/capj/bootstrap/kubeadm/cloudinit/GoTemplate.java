package io.capj.bootstrap.kubeadm.cloudinit;

import java.util.List;
import java.util.Map;

/**
 * Renders a file's content as a Go text/template, for KubeadmConfig files with {@code contentFormat: Template}.
 * An honest subset of Go's language: field chains ({@code {{ .controlPlane.version }}}), dot, string and
 * boolean literals, {@code eq} / {@code ne}, {@code if} / {@code else if} / {@code else}, {@code with},
 * {@code range} (lists, and maps in key order) with {@code else}, comments and the {@code {{-} / {@code -}}}
 * trim markers. Anything else Go accepts (other functions, pipes, variables, numbers, nested templates) is
 * refused with {@link BootstrapRenderException} naming the construct, never silently printed.
 */
final class GoTemplate {
    /** Upstream's bound on one rendered file. */
    static final long MAX_RENDERED_BYTES = 1 << 20;

    private GoTemplate() {
    }

    /**
     * Renders {@code source} with {@code data}. {@code path} names the file in errors, as upstream does:
     * {@code failed to parse template for file "/etc/x": ...}.
     */
    static String render(String path, String source, Map<String, Object> data) {
        List<TemplateTree.Node> nodes;
        try {
            nodes = TemplateParser.parse(TemplateLexer.segments(source));
        } catch (SyntaxError | Unsupported e) {
            throw new BootstrapRenderException("failed to parse template for file \"" + path + "\": template: "
                    + path + ":" + e.getMessage());
        }
        try {
            return TemplateExecution.run(nodes, data, MAX_RENDERED_BYTES);
        } catch (ExecutionError e) {
            throw new BootstrapRenderException("failed to execute template for file \"" + path + "\": "
                    + e.getMessage());
        }
    }

    /** Malformed template text. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(int line, String message) {
            super(line + ": " + message, null, false, false);
        }
    }

    /** Valid Go template syntax outside the supported subset. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(int line, String construct) {
            super(line + ": unsupported construct " + construct
                    + " (supported: fields, dot, string and boolean literals, eq, ne, if, else, with, range, "
                    + "comments)", null, false, false);
        }
    }

    /** A failure while running a parsed template. */
    static final class ExecutionError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExecutionError(String message) {
            super(message, null, false, false);
        }
    }
}
