package io.capj.infrastructure.dev.machine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ClusterConfiguration} document kubeadm stores in {@code kube-system/kubeadm-config} when it
 * initialises a control plane, rendered from the Cluster (name, endpoint, network) and the Machine's version.
 */
final class KubeadmClusterConfiguration {
    static final String DEFAULT_SERVICE_SUBNET = "10.96.0.0/12";
    static final String DEFAULT_DNS_DOMAIN = "cluster.local";

    private KubeadmClusterConfiguration() {
    }

    static String render(JsonNode cluster, String version) {
        JsonNode network = cluster.at("/spec/clusterNetwork");
        JsonNode endpoint = cluster.at("/spec/controlPlaneEndpoint");
        StringBuilder yaml = new StringBuilder()
                .append("apiServer: {}\n")
                .append("apiVersion: kubeadm.k8s.io/v1beta4\n")
                .append("certificatesDir: /etc/kubernetes/pki\n")
                .append("clusterName: ").append(cluster.at("/metadata/name").asText()).append('\n');
        if (endpoint.has("host")) {
            yaml.append("controlPlaneEndpoint: ").append(endpoint.path("host").asText()).append(':')
                    .append(endpoint.path("port").asInt()).append('\n');
        }
        yaml.append("controllerManager: {}\n")
                .append("dns: {}\n")
                .append("etcd:\n  local:\n    dataDir: /var/lib/etcd\n")
                .append("imageRepository: registry.k8s.io\n")
                .append("kind: ClusterConfiguration\n")
                .append("kubernetesVersion: ").append(version).append('\n')
                .append("networking:\n")
                .append("  dnsDomain: ").append(network.path("serviceDomain").asText(DEFAULT_DNS_DOMAIN)).append('\n');
        String pods = String.join(",", texts(network.at("/pods/cidrBlocks")));
        if (!pods.isEmpty()) {
            yaml.append("  podSubnet: ").append(pods).append('\n');
        }
        String services = String.join(",", texts(network.at("/services/cidrBlocks")));
        yaml.append("  serviceSubnet: ").append(services.isEmpty() ? DEFAULT_SERVICE_SUBNET : services).append('\n')
                .append("scheduler: {}\n");
        return yaml.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
