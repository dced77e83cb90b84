package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.BootstrapInputs.facts;
import static io.capj.bootstrap.kubeadm.cloudinit.BootstrapInputs.render;
import static io.capj.bootstrap.kubeadm.cloudinit.BootstrapInputs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's files: attributes, content as upstream writes it, Template rendering; and the refused format. */
class CloudConfigFilesTest {
    private static RenderedCloudConfig renderWithControlPlaneVersion(String controlPlaneVersion, String specYaml) {
        return RenderedCloudConfig.parse(CloudConfig.render(new BootstrapInput(NodeRole.JOIN_WORKER, spec(specYaml),
                facts("v1.33.0"), List.of(), controlPlaneVersion)));
    }

    @Test
    void fileAttributesAreWrittenAsGiven() {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0", """
                files:
                - {path: /tmp/b64, encoding: base64, content: aGk=}
                - {path: /tmp/gz, encoding: gzip+base64, owner: "nobody:nogroup", permissions: "0600", content: H4sI}
                - {path: /tmp/append, append: true, content: more}
                - {path: /tmp/plain, append: false, content: hi}
                """);

        assertThat(out.file("/tmp/b64")).isEqualTo(Map.of("path", "/tmp/b64", "encoding", "base64",
                "content", "aGk=\n"));
        assertThat(out.file("/tmp/gz")).isEqualTo(Map.of("path", "/tmp/gz", "encoding", "gzip+base64",
                "owner", "nobody:nogroup", "permissions", "0600", "content", "H4sI\n"));
        assertThat(out.file("/tmp/append")).containsEntry("append", true);
        assertThat(out.file("/tmp/plain")).containsEntry("append", false).doesNotContainKeys("owner", "encoding");
        assertThat(out.text()).contains("permissions: '0600'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'no newline'          | 'no newline\\n'
            'one newline\\n'      | 'one newline\\n'
            'trailing\\n\\n\\n'   | 'trailing\\n'
            'two\\nlines'         | 'two\\nlines\\n'
            ''                    | ''
            """)
    void contentReadsBackAsUpstreamsLiteralBlock(String content, String expected) {
        RenderedCloudConfig out = render(NodeRole.INIT, "v1.33.0",
                "files: [{path: /tmp/f, content: \"" + content + "\"}]");

        assertThat(out.content("/tmp/f")).isEqualTo(expected.replace("\\n", "\n"));
    }

    @Test
    void templateFilesSeeTheControlPlaneVersionNormalized() {
        RenderedCloudConfig out = renderWithControlPlaneVersion("1.35", """
                files:
                - path: /etc/kubernetes/version
                  contentFormat: Template
                  content: |
                    {{ if .controlPlane -}}
                    version={{ .controlPlane.version }}
                    {{ end -}}
                - {path: /etc/raw, contentFormat: Raw, content: "{{ .controlPlane.version }}"}
                """);

        assertThat(out.content("/etc/kubernetes/version")).isEqualTo("version=v1.35.0\n");
        assertThat(out.content("/etc/raw")).isEqualTo("{{ .controlPlane.version }}\n");
    }

    @Test
    void templateFilesWithoutAControlPlaneVersionSeeNoControlPlaneKey() {
        RenderedCloudConfig out = renderWithControlPlaneVersion(null, """
                files:
                - path: /etc/v
                  contentFormat: Template
                  content: "{{ if .controlPlane }}known{{ else }}unknown{{ end }} {{ .controlPlane.version }}"
                """);

        assertThat(out.content("/etc/v")).isEqualTo("unknown <no value>\n");
    }

    @Test
    void badTemplateNamesTheFile() {
        assertThatThrownBy(() -> renderWithControlPlaneVersion("v1.33.0", """
                files:
                - {path: /etc/ok, content: fine}
                - {path: /etc/broken, contentFormat: Template, content: "{{ .controlPlane.version | quote }}"}
                """))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageStartingWith("failed to parse template for file \"/etc/broken\"")
                .hasMessageContaining("unsupported construct \"|\"");
    }

    @Test
    void unparseableControlPlaneVersionIsRefused() {
        assertThatThrownBy(() -> renderWithControlPlaneVersion("stable", "files: [{path: /x, content: y}]"))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageContaining("failed to parse control plane version \"stable\"");
    }

    @Test
    void unresolvedContentFromIsRefused() {
        assertThatThrownBy(() -> render(NodeRole.INIT, "v1.33.0", """
                files: [{path: /etc/secret, contentFrom: {secret: {name: s, key: k}}}]
                """))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageContaining("file \"/etc/secret\": contentFrom must be resolved");
    }

    @Test
    void ignitionFormatIsNotRendered() {
        assertThatThrownBy(() -> render(NodeRole.JOIN_WORKER, "v1.33.0", "format: ignition"))
                .isInstanceOf(BootstrapRenderException.class)
                .hasMessageStartingWith("format ignition is not supported");
        assertThat(render(NodeRole.JOIN_WORKER, "v1.33.0", "format: cloud-config").runcmd()).hasSize(1);
    }
}
