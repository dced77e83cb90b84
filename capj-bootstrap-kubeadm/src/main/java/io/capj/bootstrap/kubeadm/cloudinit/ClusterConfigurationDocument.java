package io.capj.bootstrap.kubeadm.cloudinit;

import static io.capj.bootstrap.kubeadm.cloudinit.YamlMapping.isDefined;
import static io.capj.bootstrap.kubeadm.cloudinit.YamlMapping.plain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * kubeadm's ClusterConfiguration for {@code kubeadm init}: the spec's {@code clusterConfiguration} converted to
 * the target kubeadm API, plus the values Cluster API takes from the Cluster and Machine (name, version,
 * networking, and the control plane endpoint unless the spec sets one). In v1beta3 the control plane health
 * check timeout moves back to {@code apiServer.timeoutForControlPlane}; v1beta4-only fields are dropped there.
 */
final class ClusterConfigurationDocument {
    private ClusterConfigurationDocument() {
    }

    static Map<String, Object> of(JsonNode spec, ClusterFacts cluster, KubeadmApiVersion api) {
        JsonNode configuration = spec.path("clusterConfiguration");
        YamlMapping document = new YamlMapping()
                .put("apiVersion", api.apiVersion())
                .put("kind", "ClusterConfiguration")
                .put("etcd", etcd(configuration.path("etcd"), api))
                .put("networking", networking(cluster))
                .putNonEmpty("kubernetesVersion", cluster.kubernetesVersion())
                .putNonEmpty("controlPlaneEndpoint", controlPlaneEndpoint(configuration, cluster))
                .put("apiServer", apiServer(configuration.path("apiServer"), spec.path("initConfiguration"), api))
                .put("controllerManager", KubeadmBlocks.component(configuration.path("controllerManager"), api).toMap())
                .put("scheduler", KubeadmBlocks.component(configuration.path("scheduler"), api).toMap())
                .put("dns", new YamlMapping()
                        .text("imageRepository", configuration.path("dns"), "imageRepository")
                        .text("imageTag", configuration.path("dns"), "imageTag")
                        .toMap());
        if (api == KubeadmApiVersion.V1BETA4) {
            document.put("proxy", Map.of());
        }
        document.text("certificatesDir", configuration, "certificatesDir")
                .text("imageRepository", configuration, "imageRepository")
                .putNonEmpty("featureGates", plain(configuration.path("featureGates")))
                .putNonEmpty("clusterName", cluster.clusterName());
        if (api == KubeadmApiVersion.V1BETA4) {
            document.text("encryptionAlgorithm", configuration, "encryptionAlgorithm")
                    .putNonEmpty("certificateValidityPeriod",
                            days(configuration.path("certificateValidityPeriodDays")))
                    .putNonEmpty("caCertificateValidityPeriod",
                            days(configuration.path("caCertificateValidityPeriodDays")));
        }
        return document.toMap();
    }

    /** The spec's endpoint wins; otherwise the Cluster's {@code host:port}. */
    private static String controlPlaneEndpoint(JsonNode configuration, ClusterFacts cluster) {
        String fromSpec = YamlMapping.text(configuration.path("controlPlaneEndpoint"));
        return fromSpec != null && !fromSpec.isEmpty() ? fromSpec : cluster.controlPlaneEndpoint();
    }

    private static Map<String, Object> networking(ClusterFacts cluster) {
        return new YamlMapping()
                .putNonEmpty("serviceSubnet", cluster.serviceSubnet())
                .putNonEmpty("podSubnet", cluster.podSubnet())
                .putNonEmpty("dnsDomain", cluster.dnsDomain())
                .toMap();
    }

    private static Map<String, Object> apiServer(JsonNode apiServer, JsonNode init, KubeadmApiVersion api) {
        YamlMapping block = KubeadmBlocks.component(apiServer, api).texts("certSANs", apiServer, "certSANs");
        JsonNode healthCheck = init.path("timeouts").path("controlPlaneComponentHealthCheckSeconds");
        if (api == KubeadmApiVersion.V1BETA3 && healthCheck.isIntegralNumber()) {
            block.put("timeoutForControlPlane", KubeadmBlocks.duration(healthCheck.longValue()));
        }
        return block.toMap();
    }

    private static Map<String, Object> etcd(JsonNode etcd, KubeadmApiVersion api) {
        YamlMapping block = new YamlMapping();
        JsonNode local = etcd.path("local");
        if (isDefined(local)) {
            YamlMapping localBlock = new YamlMapping()
                    .text("imageRepository", local, "imageRepository")
                    .text("imageTag", local, "imageTag")
                    .put("dataDir", local.path("dataDir").asText(""))
                    .putNonEmpty("extraArgs", KubeadmBlocks.extraArgs(local.path("extraArgs"), api));
            if (api == KubeadmApiVersion.V1BETA4) {
                localBlock.putNonEmpty("extraEnvs", plain(local.path("extraEnvs")));
            }
            block.put("local", localBlock
                    .texts("serverCertSANs", local, "serverCertSANs")
                    .texts("peerCertSANs", local, "peerCertSANs")
                    .toMap());
        }
        JsonNode external = etcd.path("external");
        if (isDefined(external)) {
            block.put("external", new YamlMapping()
                    .put("endpoints", plain(external.path("endpoints")))
                    .put("caFile", external.path("caFile").asText(""))
                    .put("certFile", external.path("certFile").asText(""))
                    .put("keyFile", external.path("keyFile").asText(""))
                    .toMap());
        }
        return block.toMap();
    }

    /** Cluster API's days as kubeadm's duration, e.g. 365 days as {@code 8760h0m0s}; null when unset. */
    private static String days(JsonNode days) {
        return days.isIntegralNumber() && days.longValue() != 0 ? KubeadmBlocks.duration(days.longValue() * 86400) : null;
    }
}
