package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.YamlMapping.isDefined;
import static io.capj.bootstrap.kubeadm.cloudinit.YamlMapping.plain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kubeconfig a joining machine discovers the cluster with when the spec gives file discovery an inline
 * {@code kubeConfig}: one cluster, user and context all named {@code default}, written to
 * {@code discovery.file.kubeConfigPath} (owner root:root, mode 0640). Exec credentials default to API version
 * {@code client.authentication.k8s.io/v1} and never prompt.
 */
final class DiscoveryKubeConfig {
    private static final String DEFAULT = "default";

    private DiscoveryKubeConfig() {
    }

    /** The write_files entry, or null when the spec has no inline discovery kubeconfig. */
    static Map<String, Object> file(JsonNode spec) {
        JsonNode file = spec.path("joinConfiguration").path("discovery").path("file");
        JsonNode kubeConfig = file.path("kubeConfig");
        if (!isDefined(kubeConfig)) {
            return null;
        }
        Map<String, Object> config = new YamlMapping()
                .put("clusters", List.of(new YamlMapping()
                        .put("name", DEFAULT)
                        .put("cluster", cluster(kubeConfig.path("cluster")))
                        .toMap()))
                .put("contexts", List.of(new YamlMapping()
                        .put("name", DEFAULT)
                        .put("context", new YamlMapping().put("cluster", DEFAULT).put("user", DEFAULT).toMap())
                        .toMap()))
                .put("current-context", DEFAULT)
                .put("users", List.of(new YamlMapping()
                        .put("name", DEFAULT)
                        .put("user", user(kubeConfig.path("user")))
                        .toMap()))
                .toMap();
        return WriteFiles.entry(file.path("kubeConfigPath").asText(), "root:root", "0640",
                YamlText.kubeadmDocument(config));
    }

    private static Map<String, Object> cluster(JsonNode cluster) {
        return new YamlMapping()
                .put("server", cluster.path("server").asText(""))
                .text("tls-server-name", cluster, "tlsServerName")
                .flag("insecure-skip-tls-verify", cluster, "insecureSkipTLSVerify")
                .text("certificate-authority-data", cluster, "certificateAuthorityData")
                .text("proxy-url", cluster, "proxyURL")
                .toMap();
    }

    private static Map<String, Object> user(JsonNode user) {
        YamlMapping block = new YamlMapping();
        JsonNode authProvider = user.path("authProvider");
        if (isDefined(authProvider)) {
            block.put("auth-provider", new YamlMapping()
                    .put("name", authProvider.path("name").asText(""))
                    .put("config", plain(authProvider.path("config")))
                    .toMap());
        }
        JsonNode exec = user.path("exec");
        if (isDefined(exec)) {
            String apiVersion = exec.path("apiVersion").asText("");
            block.put("exec", new YamlMapping()
                    .put("command", exec.path("command").asText(""))
                    .put("args", plain(exec.path("args")))
                    .put("env", env(exec.path("env")))
                    .put("apiVersion", apiVersion.isEmpty() ? "client.authentication.k8s.io/v1" : apiVersion)
                    .put("provideClusterInfo", exec.path("provideClusterInfo").asBoolean(false))
                    .put("interactiveMode", "Never")
                    .toMap());
        }
        return block.toMap();
    }

    private static List<Object> env(JsonNode env) {
        if (!env.isArray()) {
            return null;
        }
        List<Object> list = new ArrayList<>();
        env.forEach(variable -> list.add(new YamlMapping()
                .put("name", variable.path("name").asText(""))
                .put("value", variable.path("value").asText(""))
                .toMap()));
        return list;
    }
}
