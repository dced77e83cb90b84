package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.YamlMapping.isDefined;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * kubeadm's JoinConfiguration for a joining machine. A worker registers with Cluster API's uninitialized taint
 * added and must not carry a {@code controlPlane} section; a control plane machine always gets one ({@code {}}
 * when the spec has none). Discovery keeps the token or file the controller completed; the inline kubeconfig of
 * file discovery is Cluster API's own and is written as a separate file, not here. In v1beta3 the TLS bootstrap
 * timeout becomes {@code discovery.timeout}.
 */
final class JoinConfigurationDocument {
    private JoinConfigurationDocument() {
    }

    static Map<String, Object> of(JsonNode spec, NodeRole role, KubeadmApiVersion api) {
        JsonNode configuration = spec.path("joinConfiguration");
        boolean worker = role == NodeRole.JOIN_WORKER;
        JsonNode controlPlane = configuration.path("controlPlane");
        if (worker && !controlPlane.isMissingNode() && !controlPlane.isNull()) {
            throw new BootstrapRenderException(
                    "Machine is a Worker, but JoinConfiguration.ControlPlane is set in the KubeadmConfig object");
        }
        YamlMapping document = new YamlMapping()
                .put("apiVersion", api.apiVersion())
                .put("kind", "JoinConfiguration")
                .put("nodeRegistration",
                        KubeadmBlocks.nodeRegistration(configuration.path("nodeRegistration"), api, worker))
                .text("caCertPath", configuration, "caCertPath")
                .put("discovery", discovery(configuration, api));
        if (!worker) {
            document.put("controlPlane", new YamlMapping()
                    .put("localAPIEndpoint", KubeadmBlocks.apiEndpoint(controlPlane.path("localAPIEndpoint")))
                    .toMap());
        }
        document.texts("skipPhases", configuration, "skipPhases")
                .putNonEmpty("patches", KubeadmBlocks.patches(configuration.path("patches")));
        if (api == KubeadmApiVersion.V1BETA4) {
            document.putNonEmpty("timeouts", KubeadmBlocks.timeouts(configuration.path("timeouts")));
        }
        return document.toMap();
    }

    private static Map<String, Object> discovery(JsonNode configuration, KubeadmApiVersion api) {
        JsonNode discovery = configuration.path("discovery");
        YamlMapping block = new YamlMapping();
        JsonNode token = discovery.path("bootstrapToken");
        if (isDefined(token)) {
            block.put("bootstrapToken", new YamlMapping()
                    .put("token", token.path("token").asText(""))
                    .text("apiServerEndpoint", token, "apiServerEndpoint")
                    .texts("caCertHashes", token, "caCertHashes")
                    .flag("unsafeSkipCAVerification", token, "unsafeSkipCAVerification")
                    .toMap());
        }
        JsonNode file = discovery.path("file");
        if (isDefined(file)) {
            block.put("file", new YamlMapping().put("kubeConfigPath", file.path("kubeConfigPath").asText("")).toMap());
        }
        block.text("tlsBootstrapToken", discovery, "tlsBootstrapToken");
        JsonNode tlsBootstrap = configuration.path("timeouts").path("tlsBootstrapSeconds");
        if (api == KubeadmApiVersion.V1BETA3 && tlsBootstrap.isIntegralNumber()) {
            block.put("timeout", KubeadmBlocks.duration(tlsBootstrap.longValue()));
        }
        return block.toMap();
    }
}
