package io.capj.bootstrap.kubeadm.cloudinit;

import io.capj.api.versions.TolerantVersion;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code write_files} list, in upstream's order: certificates (control plane machines only), the spec's
 * files (Template ones rendered), the discovery kubeconfig (joins), the kubeadm configuration, and the
 * placeholder that creates {@code /run/cluster-api} on Linux and Windows alike. Each entry carries path,
 * encoding, owner, permissions and append as the spec gives them; content is written as upstream's literal
 * block reads back: trailing line breaks collapse to one, and non-empty content always ends with one.
 */
final class WriteFiles {
    static final String PLACEHOLDER_PATH = "/run/cluster-api/placeholder";
    static final String PLACEHOLDER_CONTENT = "This placeholder file is used to create the /run/cluster-api sub "
            + "directory in a way that is compatible with both Linux and Windows (mkdir -p /run/cluster-api does "
            + "not work with Windows)";
    private static final String ROOT_OWNER = "root:root";
    private static final String KUBEADM_CONFIG_PERMISSIONS = "0640";

    private WriteFiles() {
    }

    static List<Object> of(BootstrapInput input, KubeadmRun kubeadm) {
        List<Object> files = new ArrayList<>();
        if (input.role() != NodeRole.JOIN_WORKER) {
            input.certificates().forEach(certificate -> files.add(entry(certificate.path(), ROOT_OWNER,
                    certificate.permissions(), certificate.content())));
        }
        Map<String, Object> templateData = templateData(input.controlPlaneVersion());
        input.spec().path("files").forEach(file -> files.add(userFile(file, templateData)));
        if (input.role() != NodeRole.INIT) {
            Map<String, Object> kubeconfig = DiscoveryKubeConfig.file(input.spec());
            if (kubeconfig != null) {
                files.add(kubeconfig);
            }
        }
        files.add(entry(kubeadm.configPath(), ROOT_OWNER, KUBEADM_CONFIG_PERMISSIONS, kubeadm.configContent()));
        files.add(new YamlMapping()
                .put("path", PLACEHOLDER_PATH)
                .put("owner", ROOT_OWNER)
                .put("permissions", KUBEADM_CONFIG_PERMISSIONS)
                .put("content", PLACEHOLDER_CONTENT)
                .toMap());
        return files;
    }

    /** A file entry with the given owner and mode. */
    static Map<String, Object> entry(String path, String owner, String permissions, String content) {
        return new YamlMapping()
                .put("path", path)
                .put("owner", owner)
                .put("permissions", permissions)
                .put("content", asLiteralBlock(content))
                .toMap();
    }

    private static Map<String, Object> userFile(JsonNode file, Map<String, Object> templateData) {
        String path = file.path("path").asText();
        JsonNode content = file.path("content");
        if (!content.isTextual() && file.has("contentFrom")) {
            throw new BootstrapRenderException("file \"" + path + "\": contentFrom must be resolved into content "
                    + "before rendering");
        }
        String text = content.asText("");
        if ("Template".equals(file.path("contentFormat").asText())) {
            text = GoTemplate.render(path, text, templateData);
        }
        YamlMapping entry = new YamlMapping()
                .put("path", path)
                .text("encoding", file, "encoding")
                .text("owner", file, "owner")
                .text("permissions", file, "permissions")
                .present("append", file, "append");
        return entry.put("content", asLiteralBlock(text)).toMap();
    }

    /**
     * The data a Template file sees: {@code .controlPlane.version} as a {@code v}-prefixed full semantic version,
     * or no {@code controlPlane} key at all when the version is unknown (so {@code {{ if .controlPlane }}} works).
     */
    static Map<String, Object> templateData(String controlPlaneVersion) {
        if (controlPlaneVersion == null || controlPlaneVersion.isEmpty()) {
            return Map.of();
        }
        TolerantVersion version = TolerantVersion.parse(controlPlaneVersion).orElseThrow(() ->
                new BootstrapRenderException("failed to parse control plane version \"" + controlPlaneVersion
                        + "\" for template data"));
        return Map.of("controlPlane", Map.of("version", "v" + version));
    }

    /** Content as a literal block under upstream's template reads back. */
    static String asLiteralBlock(String content) {
        int end = content.length();
        while (end > 0 && content.charAt(end - 1) == '\n') {
            end--;
        }
        return end == 0 ? "" : content.substring(0, end) + "\n";
    }
}
