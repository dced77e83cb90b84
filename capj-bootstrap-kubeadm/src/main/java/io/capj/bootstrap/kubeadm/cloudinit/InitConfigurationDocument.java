package io.capj.bootstrap.kubeadm.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kubeadm's InitConfiguration for the first control plane machine: bootstrap tokens (TTL in seconds becomes a
 * duration), node registration, local API endpoint, skipped phases, patches and (v1beta4) timeouts.
 */
final class InitConfigurationDocument {
    private InitConfigurationDocument() {
    }

    static Map<String, Object> of(JsonNode spec, KubeadmApiVersion api) {
        JsonNode configuration = spec.path("initConfiguration");
        YamlMapping document = new YamlMapping()
                .put("apiVersion", api.apiVersion())
                .put("kind", "InitConfiguration")
                .putNonEmpty("bootstrapTokens", bootstrapTokens(configuration.path("bootstrapTokens")))
                .put("nodeRegistration",
                        KubeadmBlocks.nodeRegistration(configuration.path("nodeRegistration"), api, false))
                .put("localAPIEndpoint", KubeadmBlocks.apiEndpoint(configuration.path("localAPIEndpoint")))
                .texts("skipPhases", configuration, "skipPhases")
                .putNonEmpty("patches", KubeadmBlocks.patches(configuration.path("patches")));
        if (api == KubeadmApiVersion.V1BETA4) {
            document.putNonEmpty("timeouts", KubeadmBlocks.timeouts(configuration.path("timeouts")));
        }
        return document.toMap();
    }

    private static List<Object> bootstrapTokens(JsonNode tokens) {
        List<Object> list = new ArrayList<>();
        for (JsonNode token : tokens) {
            YamlMapping entry = new YamlMapping()
                    .put("token", YamlMapping.text(token.path("token")))
                    .text("description", token, "description");
            if (token.path("ttlSeconds").isIntegralNumber()) {
                entry.put("ttl", KubeadmBlocks.duration(token.path("ttlSeconds").longValue()));
            }
            list.add(entry.text("expires", token, "expires")
                    .texts("usages", token, "usages")
                    .texts("groups", token, "groups")
                    .toMap());
        }
        return list;
    }
}
