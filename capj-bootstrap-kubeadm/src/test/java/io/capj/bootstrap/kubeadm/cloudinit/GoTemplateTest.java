package io.capj.bootstrap.kubeadm.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Go text/template subset used for {@code contentFormat: Template} files, against Go's documented output. */
class GoTemplateTest {
    private static final Map<String, Object> DATA = Map.of(
            "controlPlane", Map.of("version", "v1.33.1"),
            "empty", "",
            "list", List.of("a", "b"),
            "labels", Map.of("zone", "z1", "arch", "amd64"),
            "flag", true);

    private static String render(String source) {
        return GoTemplate.render("/etc/test", source, DATA);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'version={{ .controlPlane.version }}'                               | 'version=v1.33.1'
            '{{ .missing }} {{ .missing.deeper }} {{ .controlPlane.nope }}'     | '<no value> <no value> <no value>'
            '{{ .controlPlane }}'                                               | 'map[version:v1.33.1]'
            '{{ .list }} {{ .flag }} {{ "lit\\t\\u00e9" }} {{ `raw\\n` }}'      | '[a b] true lit	é raw\\n'
            'a  {{- .empty -}}  b'                                              | 'ab'
            'a {{/* comment */}} b {{- /* trimmed */ -}} c'                     | 'a  bc'
            '{{ if .controlPlane }}cp{{ else }}none{{ end }}'                   | 'cp'
            '{{ if .missing }}x{{ else if .empty }}y{{ else if .flag }}z{{ end }}' | 'z'
            '{{ if eq .controlPlane.version "v1.32.0" "v1.33.1" }}match{{ end }}' | 'match'
            '{{ if ne .controlPlane.version "v1.33.1" }}differs{{ else }}same{{ end }}' | 'same'
            '{{ eq .missing "x" }} {{ ne .missing "x" }} {{ eq .missing .other }}' | 'false true true'
            '{{ with .controlPlane }}{{ .version }}{{ else }}none{{ end }}'     | 'v1.33.1'
            '{{ with .missing }}x{{ else with .controlPlane }}{{ .version }}{{ end }}' | 'v1.33.1'
            '{{ range .list }}<{{ . }}>{{ end }}'                               | '<a><b>'
            '{{ range .labels }}{{ . }},{{ end }}'                              | 'amd64,z1,'
            '{{ range .missing }}x{{ else }}empty{{ end }}'                     | 'empty'
            '{{ if true }}t{{ end }}{{ if false }}f{{ end }}'                   | 't'
            """)
    void rendersLikeGo(String source, String expected) {
        assertThat(render(source)).isEqualTo(expected.replace("\\\\", "\\"));
    }

    @Test
    void trimMarkersEatNewlinesAndNeedASpace() {
        String source = "line1\n{{- if .flag }}\n  yes\n{{- end }}\nline2 {{-3}}";
        assertThatThrownBy(() -> render(source))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageContaining("unsupported construct \"-3\"");
        assertThat(render("line1\n{{- if .flag }}\n  yes\n{{- end }}\nline2")).isEqualTo("line1\n  yes\nline2");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            '{{ printf "%s" .controlPlane.version }}'  | 'unsupported construct function "printf"'
            '{{ .controlPlane.version | upper }}'      | 'unsupported construct "|"'
            '{{ $v := .controlPlane }}'                | 'unsupported construct "$v"'
            '{{ template "x" }}'                       | 'unsupported construct {{template}}'
            '{{ define "x" }}y{{ end }}'               | 'unsupported construct {{define}}'
            '{{ if (eq .a "b") }}x{{ end }}'           | 'unsupported construct "("'
            '{{ len .list }}'                          | 'unsupported construct function "len"'
            """)
    void refusesConstructsOutsideTheSubsetNamingThemAndTheFile(String source, String construct) {
        assertThatThrownBy(() -> render(source))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageStartingWith("failed to parse template for file \"/etc/test\"")
                .hasMessageContaining(construct);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'a {{ .x'                              | 'unclosed action'
            '{{ if .flag }}never closed'           | 'has no {{end}}'
            'stray {{ end }}'                      | 'unexpected {{end}}'
            'x\ny\n{{ else }}'                     | '/etc/test:3: unexpected {{else}}'
            '{{ "unterminated }}'                  | 'unterminated quoted string'
            '{{/* open comment }}'                 | 'unclosed comment'
            '{{ }}'                                | 'missing value for command'
            '{{ .a .b }}'                          | 'can''t give argument to non-function .a'
            '{{ ne .a }}'                          | 'wrong number of args for ne'
            """)
    void reportsSyntaxErrorsWithTheFileAndLine(String source, String message) {
        assertThatThrownBy(() -> render(source.replace("\\n", "\n")))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageStartingWith("failed to parse template for file \"/etc/test\": template: /etc/test:")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            '{{ .controlPlane.version.major }}'         | 'can''t evaluate field major in type string'
            '{{ if eq .flag "true" }}x{{ end }}'        | 'incompatible types for comparison'
            '{{ if eq .labels .labels }}x{{ end }}'     | 'non-comparable types'
            '{{ range .flag }}x{{ end }}'               | 'range can''t iterate over true'
            """)
    void reportsExecutionErrors(String source, String message) {
        assertThatThrownBy(() -> render(source))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageStartingWith("failed to execute template for file \"/etc/test\"")
                .hasMessageContaining(message);
    }

    @Test
    void capsRenderedOutputAtOneMebibyte() {
        String kibibyte = "x".repeat(1024);
        String exactly = "{{ range .list }}" + kibibyte.repeat(512) + "{{ end }}";
        assertThat(render(exactly)).hasSize(1 << 20);
        assertThatThrownBy(() -> render(exactly + "!"))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageContaining("rendered output exceeds the 1048576 byte limit");
    }
}
